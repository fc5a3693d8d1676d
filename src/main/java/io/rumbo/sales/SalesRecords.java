package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.organization.DataScope;

/**
 * The records behind a measured figure, a page at a time, within a reader's scope (in SQL): the orders credited to
 * a person or to the people of some units with the credited share and amount (or, for a figure of some products, the
 * order lines of those products), the activities done, the opportunities created, closed or open, the tasks done.
 * Dates and attribution follow the metrics facts exactly (the order date and the unit on it, the day an opportunity
 * entered the pipeline or closed, the day a task was done).
 */
@Service
public class SalesRecords {

	/** What is listed. */
	public enum Kind {
		ORDERS, ACTIVITIES, OPPORTUNITIES_CREATED, OPPORTUNITIES_CLOSED, OPPORTUNITIES_OPEN, TASKS,
		/** The accuracy recorded for month forecast calls: the period, what was won, the accuracy (decision 0033). */
		FORECAST_ACCURACY
	}

	/** A record behind a figure: for an order, the share credited and the credited amount. */
	public record Item(String kind, long id, LocalDate date, String reference, @Nullable Long customerId,
			long staffId, long unitId, @Nullable BigDecimal sharePercent, @Nullable BigDecimal amount,
			@Nullable BigDecimal creditedAmount, @Nullable String detail) {
	}

	/**
	 * Whose records and when: {@code person} (0: nobody) or {@code units} (either may be null), {@code detail} narrows
	 * activities to a type, {@code products} (when not null) lists the order lines of those products instead of
	 * whole orders (a figure of a product line).
	 */
	public record Filter(LocalDate from, LocalDate to, @Nullable Long person, @Nullable Collection<Long> units,
			@Nullable String detail, @Nullable Collection<Long> products) {

		public Filter(LocalDate from, LocalDate to, @Nullable Long person, @Nullable Collection<Long> units,
				@Nullable String detail) {
			this(from, to, person, units, detail, null);
		}
	}

	public record Page(List<Item> items, long total) {
	}

	private final JdbcClient jdbc;
	private final ProductCatalog catalog;

	SalesRecords(JdbcClient jdbc, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public Page list(Kind kind, Filter filter, DataScope scope, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", filter.from());
		params.put("to", filter.to());
		String select;
		String from;
		String staff;
		String unit;
		String date;
		// After the date and the record's id: keeps paging stable where one record gives several rows.
		String tieBreak = "";
		boolean lines = kind == Kind.ORDERS && filter.products() != null;
		switch (kind) {
			case ORDERS -> {
				if (lines) {
					select = "'ORDER_LINE', o.id, o.order_date, o.order_number, o.customer_id, c.staff_id, c.unit_id,"
							+ " c.share_percent, l.net_amount, l.net_amount * c.share_percent / 100, l.product_id";
					from = " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id JOIN sales_order_line l"
							+ " ON l.order_id = o.id WHERE o.status = 'BOOKED' AND l.product_id IN (:products)";
					params.put("products", filter.products().isEmpty() ? List.of(-1L) : filter.products());
					tieBreak = ", l.line_no, c.staff_id";
				}
				else {
					select = "'ORDER', o.id, o.order_date, o.order_number, o.customer_id, c.staff_id, c.unit_id,"
							+ " c.share_percent, o.net_amount, o.net_amount * c.share_percent / 100, NULL";
					from = " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id WHERE o.status = 'BOOKED'";
					tieBreak = ", c.staff_id";
				}
				staff = "c.staff_id";
				unit = "c.unit_id";
				date = "o.order_date";
			}
			case ACTIVITIES -> {
				select = "'ACTIVITY', a.id, a.done_on, a.activity_type, a.customer_id, a.owner_staff_id, a.owner_unit_id,"
						+ " NULL, NULL, NULL, a.outcome";
				from = " FROM sales_activity a WHERE a.done_on IS NOT NULL"
						+ (filter.detail() == null ? "" : " AND a.activity_type = :detail");
				if (filter.detail() != null) {
					params.put("detail", filter.detail());
				}
				staff = "a.owner_staff_id";
				unit = "a.owner_unit_id";
				date = "a.done_on";
			}
			case OPPORTUNITIES_CREATED -> {
				select = "'OPPORTUNITY', o.id, f.first_on, o.title, o.customer_id, o.owner_staff_id, o.owner_unit_id,"
						+ " NULL, o.amount, NULL, o.stage_code";
				from = " FROM sales_opportunity o JOIN (SELECT opportunity_id, MIN(changed_on) AS first_on FROM"
						+ " sales_opportunity_stage_change GROUP BY opportunity_id) f ON f.opportunity_id = o.id WHERE 1 = 1";
				staff = "o.owner_staff_id";
				unit = "o.owner_unit_id";
				date = "f.first_on";
			}
			case OPPORTUNITIES_CLOSED, OPPORTUNITIES_OPEN -> {
				boolean open = kind == Kind.OPPORTUNITIES_OPEN;
				select = "'OPPORTUNITY', o.id, o.expected_close, o.title, o.customer_id, o.owner_staff_id,"
						+ " o.owner_unit_id, NULL, o.amount, " + (open ? "o.amount * s.probability / 100" : "NULL")
						+ ", o.stage_code";
				from = " FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code WHERE s.outcome "
						+ (open ? "= 'OPEN'" : "IN ('WON', 'LOST')");
				staff = "o.owner_staff_id";
				unit = "o.owner_unit_id";
				date = "o.expected_close";
			}
			case TASKS -> {
				select = "'TASK', t.id, t.completed_on, t.title, t.customer_id, COALESCE(t.assignee_staff_id, 0),"
						+ " t.assignee_unit_id, NULL, NULL, NULL, CASE WHEN t.completed_on <= t.due_on THEN 'ON_TIME'"
						+ " ELSE 'LATE' END";
				from = " FROM sales_task t WHERE t.completed_on IS NOT NULL";
				staff = "t.assignee_staff_id";
				unit = "t.assignee_unit_id";
				date = "t.completed_on";
			}
			case FORECAST_ACCURACY -> {
				// typed NULLs: PostgreSQL reads a bare NULL as text, which is no customer id
				select = "'FORECAST_ACCURACY', a.id, a.period_start, a.period_code, CAST(NULL AS BIGINT), a.staff_id,"
						+ " a.unit_id, CAST(NULL AS NUMERIC(19, 4)),"
						+ " a.actual_amount, a.called_most_likely, CAST(a.accuracy_percent AS VARCHAR(20))";
				from = " FROM sales_forecast_accuracy a WHERE a.period_code LIKE '%-M%'";
				staff = "a.staff_id";
				unit = "a.unit_id";
				date = "a.period_start";
			}
			default -> throw new IllegalArgumentException(kind.name());
		}
		StringBuilder where = new StringBuilder(from).append(" AND ").append(date).append(" >= :from AND ").append(date)
			.append(" < :to");
		if (filter.person() != null) {
			where.append(filter.person() == 0 ? " AND " + staff + " IS NULL" : " AND " + staff + " = :person");
			params.put("person", filter.person());
		}
		if (filter.units() != null) {
			where.append(" AND ").append(unit).append(" IN (:units)");
			params.put("units", filter.units().isEmpty() ? List.of(-1L) : filter.units());
		}
		if (!scope.all()) {
			where.append(" AND ").append(scope.sql(unit, staff, params));
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Item> items = jdbc.sql("SELECT " + select + where + " ORDER BY " + date + " DESC, 2 DESC" + tieBreak
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new Item(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					String.valueOf(rs.getString(4)), (Long) rs.getObject(5, Long.class), rs.getLong(6), rs.getLong(7),
					rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)))
			.list();
		return new Page(lines ? withSkus(items) : items, total);
	}

	/** Order lines name their product by SKU (the detail holds its id until here), one catalog query a page. */
	private List<Item> withSkus(List<Item> items) {
		Map<String, String> skus = new HashMap<>();
		if (!items.isEmpty()) {
			catalog.products(items.stream().map(i -> Long.valueOf(String.valueOf(i.detail()))).distinct().toList())
				.forEach(p -> skus.put(String.valueOf(p.id()), p.sku()));
		}
		return items.stream()
			.map(i -> new Item(i.kind(), i.id(), i.date(), i.reference(), i.customerId(), i.staffId(), i.unitId(),
					i.sharePercent(), i.amount(), i.creditedAmount(), skus.getOrDefault(i.detail(), i.detail())))
			.toList();
	}
}
