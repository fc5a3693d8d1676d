package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerSalesHistory;

/**
 * A customer's purchases by fiscal year, first and last purchase, retention, recent activities and open deals; the
 * customer page reads its lists a page at a time (a customer may hold thousands of orders and activities).
 */
@Service
class CustomerSalesFacts implements CustomerSalesHistory {

	private static final int RECENT = 10;

	private final JdbcClient jdbc;
	private final io.rumbo.planning.FiscalCalendar calendar;

	CustomerSalesFacts(JdbcClient jdbc, io.rumbo.planning.FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	@Override
	@Transactional(readOnly = true)
	public Facts of(long customerId) {
		return facts(customerId, true);
	}

	@Override
	public boolean mayLogVisits(io.rumbo.identity.CurrentUser user) {
		return ActivityManagement.mayPlan(user);
	}

	@Override
	@Transactional(readOnly = true)
	public Facts summary(long customerId) {
		return facts(customerId, false);
	}

	private Facts facts(long customerId, boolean withLists) {
		record Row(int year, long orders, BigDecimal net, BigDecimal margin, LocalDate first, LocalDate last) {
		}
		// Grouped by calendar month in SQL, then folded into fiscal years (the company's calendar may not start in
		// January).
		io.rumbo.shared.time.FiscalYears fiscal = calendar.years();
		TreeMap<Integer, Row> folded = new TreeMap<>();
		jdbc.sql("""
				SELECT EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date), COUNT(*), SUM(net_amount),
				       SUM(margin_amount), MIN(order_date), MAX(order_date)
				FROM sales_order WHERE customer_id = :customer AND status = 'BOOKED'
				GROUP BY EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date)""")
			.param("customer", customerId)
			.query(rs -> {
				int year = fiscal.yearOf(LocalDate.of(rs.getInt(1), rs.getInt(2), 1));
				Row month = new Row(year, rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
				folded.merge(year, month, (a, b) -> new Row(year, a.orders() + b.orders(), a.net().add(b.net()),
						a.margin().add(b.margin()), a.first().isBefore(b.first()) ? a.first() : b.first(),
						a.last().isAfter(b.last()) ? a.last() : b.last()));
			});
		List<Row> rows = new ArrayList<>(folded.values());
		TreeMap<Integer, Row> byYear = new TreeMap<>();
		rows.forEach(r -> byYear.put(r.year(), r));
		Set<Integer> years = byYear.keySet();
		List<Year> result = new ArrayList<>();
		long orders = 0;
		BigDecimal net = BigDecimal.ZERO;
		BigDecimal margin = BigDecimal.ZERO;
		for (Row r : rows) {
			result.add(new Year(r.year(), r.orders(), r.net(), r.margin(), years.contains(r.year() + 1)));
			orders += r.orders();
			net = net.add(r.net());
			margin = margin.add(r.margin());
		}
		if (!withLists) {
			return new Facts(rows.isEmpty() ? null : rows.get(0).first(),
					rows.isEmpty() ? null : rows.get(rows.size() - 1).last(), orders, net, margin, result, List.of(),
					List.of(), List.of());
		}
		List<RecentOrder> recent = jdbc.sql("""
				SELECT id, order_number, order_date, net_amount, margin_amount FROM sales_order
				WHERE customer_id = :customer AND status = 'BOOKED' ORDER BY order_date DESC, id DESC LIMIT :recent""")
			.param("customer", customerId)
			.param("recent", RECENT)
			.query((rs, n) -> new RecentOrder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
		List<RecentActivity> activities = jdbc.sql("""
				SELECT id, activity_type, planned_on, done_on, outcome FROM sales_activity
				WHERE customer_id = :customer ORDER BY planned_on DESC, id DESC LIMIT :recent""")
			.param("customer", customerId)
			.param("recent", RECENT)
			.query((rs, n) -> new RecentActivity(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
		List<OpenOpportunity> opportunities = jdbc.sql("""
				SELECT o.id, o.title, o.amount, o.stage_code, o.expected_close FROM sales_opportunity o
				JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.customer_id = :customer AND s.outcome = 'OPEN' ORDER BY o.expected_close""")
			.param("customer", customerId)
			.query((rs, n) -> new OpenOpportunity(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.list();
		return new Facts(rows.isEmpty() ? null : rows.get(0).first(),
				rows.isEmpty() ? null : rows.get(rows.size() - 1).last(), orders, net, margin, result, recent, activities,
				opportunities);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RecentOrder> orders(long customerId, int page, int size) {
		long total = count("SELECT COUNT(*) FROM sales_order WHERE customer_id = :customer AND status = 'BOOKED'",
				customerId);
		List<RecentOrder> rows = jdbc.sql("""
				SELECT id, order_number, order_date, net_amount, margin_amount FROM sales_order
				WHERE customer_id = :customer AND status = 'BOOKED' ORDER BY order_date DESC, id DESC
				LIMIT :size OFFSET :offset""")
			.param("customer", customerId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new RecentOrder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
		return new Page<>(rows, total, page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RecentActivity> activities(long customerId, int page, int size) {
		long total = count("SELECT COUNT(*) FROM sales_activity WHERE customer_id = :customer", customerId);
		List<RecentActivity> rows = jdbc.sql("""
				SELECT id, activity_type, planned_on, done_on, outcome FROM sales_activity
				WHERE customer_id = :customer ORDER BY planned_on DESC, id DESC LIMIT :size OFFSET :offset""")
			.param("customer", customerId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new RecentActivity(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
		return new Page<>(rows, total, page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OpenOpportunity> openOpportunities(long customerId, int page, int size) {
		long total = count("""
				SELECT COUNT(*) FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.customer_id = :customer AND s.outcome = 'OPEN'""", customerId);
		List<OpenOpportunity> rows = jdbc.sql("""
				SELECT o.id, o.title, o.amount, o.stage_code, o.expected_close FROM sales_opportunity o
				JOIN sales_stage s ON s.code = o.stage_code
				WHERE o.customer_id = :customer AND s.outcome = 'OPEN' ORDER BY o.expected_close, o.id
				LIMIT :size OFFSET :offset""")
			.param("customer", customerId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new OpenOpportunity(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.list();
		return new Page<>(rows, total, page, size);
	}

	private long count(String sql, long customerId) {
		return jdbc.sql(sql).param("customer", customerId).query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderRef> order(long customerId, String numberOrExternal) {
		return jdbc.sql("""
				SELECT id, order_number FROM sales_order
				WHERE customer_id = :customer AND (order_number = :number OR external_number = :number)""")
			.param("customer", customerId)
			.param("number", numberOrExternal.trim())
			.query((rs, n) -> new OrderRef(rs.getLong(1), rs.getString(2)))
			.optional();
	}
}
