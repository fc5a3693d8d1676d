package io.rumbo.metrics.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.domain.BaseMeasure.Source;
import io.rumbo.sales.OrderContributions;

/**
 * The order facts kept by order: {@code metrics_order_contribution} holds what each order contributes now (its share
 * of net, units and margin per credited person, unit, month and product line, and its order count with the
 * customer), and the order facts ({@code metrics_fact} REVENUE, UNITS, MARGIN, ORDERS and
 * {@code metrics_customer_month}) are always the sums of those rows. An order event applies, for the orders it names,
 * (contribution now - contribution stored) to the facts and stores the new contribution: the cost follows the orders,
 * not the people and months they touch, and applying the same state twice is a zero delta (idempotent with no version
 * to keep). A rebuild refills the ledger from the sales records and sums the facts from it.
 * Every method expects the caller's transaction to hold {@link FactStore#lock()}.
 */
@Component
public class OrderLedger {

	/** Booked orders read per statement by a rebuild (whole months, at least one). */
	private static final long REBUILD_ORDERS = 100_000;

	private static final String COLUMNS = "order_id, staff_id, unit_id, month_start, line_id, customer_id, revenue,"
			+ " units, margin, orders";

	/** A row of the ledger; line 0 carries the order count, the product lines the amounts. */
	record Part(long order, long staff, long unit, LocalDate month, long line, long customer, BigDecimal revenue,
			BigDecimal units, BigDecimal margin, long orders) {

		Object[] values() {
			return new Object[] { order, staff, unit, Date.valueOf(month), line, customer, revenue, units, margin,
					orders };
		}
	}

	/** A fact cell of the order measures. */
	private record Cell(long staff, long unit, LocalDate month, long line) {
	}

	/** A customer month: a person credited with orders of a customer. */
	private record Buyer(long staff, long unit, LocalDate month, long customer) {
	}

	/** What a change of contributions did: rows of facts written and the customers whose orders it touched. */
	public record Applied(long rows, Set<Long> customers) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final OrderContributions sales;

	OrderLedger(JdbcClient jdbc, JdbcTemplate template, OrderContributions sales) {
		this.jdbc = jdbc;
		this.template = template;
		this.sales = sales;
	}

	/**
	 * Brings the facts of these orders up to date: reads what they contribute now (two statements by order id),
	 * what the ledger says they contributed, and adds the difference to the fact cells and customer months. The
	 * customers answered are those of the orders before and after (their first purchase may have moved).
	 */
	public Applied apply(Collection<Long> orderIds) {
		Set<Long> ids = new HashSet<>(orderIds);
		if (ids.isEmpty()) {
			return new Applied(0, Set.of());
		}
		List<Part> now = current(ids);
		List<Part> stored = stored(ids);
		Map<Cell, BigDecimal[]> cells = new LinkedHashMap<>();
		Map<Buyer, long[]> buyers = new LinkedHashMap<>();
		Set<Long> customers = new HashSet<>();
		add(now, 1, cells, buyers, customers);
		add(stored, -1, cells, buyers, customers);
		long rows = FactChanges.facts(template, cells.entrySet().stream()
			.flatMap(e -> FactChanges.rows(e.getKey().staff(), e.getKey().unit(), Date.valueOf(e.getKey().month()),
					e.getKey().line(), e.getValue()).stream())
			.toList());
		rows += FactChanges.customers(template, buyers.entrySet().stream()
			.filter(e -> e.getValue()[0] != 0)
			.map(e -> new Object[] { e.getKey().staff(), e.getKey().unit(), Date.valueOf(e.getKey().month()),
					e.getKey().customer(), e.getValue()[0] })
			.toList());
		Set<Long> had = new HashSet<>();
		stored.forEach(p -> had.add(p.order()));
		for (List<Long> chunk : FactStore.chunks(had)) {
			jdbc.sql("DELETE FROM metrics_order_contribution WHERE order_id IN (:ids)").param("ids", chunk).update();
		}
		insert(now);
		return new Applied(rows, customers);
	}

	/**
	 * The ledger and the order facts rebuilt: the ledger refilled from the sales records a few months at a time (about
	 * {@value #REBUILD_ORDERS} orders per read), then the fact cells and customer months summed from it in SQL.
	 * Answers the fact and customer rows written.
	 */
	public long rebuild() {
		jdbc.sql("DELETE FROM metrics_order_contribution").update();
		LocalDate from = null;
		LocalDate to = null;
		long orders = 0;
		for (OrderContributions.MonthOrders month : sales.bookedByMonth()) {
			if (from != null && orders + month.orders() > REBUILD_ORDERS) {
				insert(read(from, to));
				from = null;
				orders = 0;
			}
			from = from == null ? month.month() : from;
			to = month.month().plusMonths(1);
			orders += month.orders();
		}
		if (from != null) {
			insert(read(from, to));
		}
		Map<String, Object> params = new HashMap<>();
		params.put("measures", BaseMeasure.codesOf(Source.ORDERS));
		jdbc.sql("DELETE FROM metrics_fact WHERE measure IN (:measures)").params(params).update();
		jdbc.sql("DELETE FROM metrics_customer_month").update();
		// One grouped pass over the ledger, each cell's four sums unfolded into the measures that are not zero.
		long facts = jdbc.sql("""
				INSERT INTO metrics_fact (staff_id, unit_id, month_start, line_id, measure, amount)
				SELECT s.staff_id, s.unit_id, s.month_start, s.line_id, m.measure,
				  CASE m.measure WHEN 'REVENUE' THEN s.revenue WHEN 'UNITS' THEN s.units WHEN 'MARGIN' THEN s.margin
				    ELSE s.orders END
				FROM (SELECT staff_id, unit_id, month_start, line_id, SUM(revenue) AS revenue, SUM(units) AS units,
				        SUM(margin) AS margin, SUM(orders) AS orders
				      FROM metrics_order_contribution GROUP BY staff_id, unit_id, month_start, line_id) s
				CROSS JOIN (SELECT 'REVENUE' AS measure UNION ALL SELECT 'UNITS' UNION ALL SELECT 'MARGIN'
				  UNION ALL SELECT 'ORDERS') m
				WHERE CASE m.measure WHEN 'REVENUE' THEN s.revenue WHEN 'UNITS' THEN s.units
				  WHEN 'MARGIN' THEN s.margin ELSE s.orders END <> 0""").update();
		long buyers = jdbc.sql("""
				INSERT INTO metrics_customer_month (staff_id, unit_id, month_start, customer_id, orders)
				SELECT staff_id, unit_id, month_start, customer_id, SUM(orders) FROM metrics_order_contribution
				WHERE line_id = 0 GROUP BY staff_id, unit_id, month_start, customer_id HAVING SUM(orders) > 0""")
			.update();
		return facts + buyers;
	}

	/** What these orders contribute now, as ledger rows (all-zero lines left out, as zero facts are). */
	private List<Part> current(Collection<Long> ids) {
		return parts(sales.lines(ids), sales.counts(ids));
	}

	private List<Part> read(LocalDate from, LocalDate to) {
		return parts(sales.lines(from, to), sales.counts(from, to));
	}

	private static List<Part> parts(List<OrderContributions.OrderLine> lines, List<OrderContributions.OrderCount> counts) {
		List<Part> parts = new ArrayList<>(lines.size() + counts.size());
		for (OrderContributions.OrderLine l : lines) {
			if (l.net().signum() != 0 || l.units().signum() != 0 || l.margin().signum() != 0) {
				parts.add(new Part(l.orderId(), l.staffId(), l.unitId(), l.month(), l.lineId(), l.customerId(), l.net(),
						l.units(), l.margin(), 0));
			}
		}
		for (OrderContributions.OrderCount c : counts) {
			parts.add(new Part(c.orderId(), c.staffId(), c.unitId(), c.month(), 0, c.customerId(), BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, c.orders()));
		}
		return parts;
	}

	/** What the ledger holds for these orders. */
	private List<Part> stored(Collection<Long> ids) {
		List<Part> parts = new ArrayList<>();
		for (List<Long> chunk : FactStore.chunks(ids)) {
			parts.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM metrics_order_contribution WHERE order_id IN (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> new Part(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
						rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
						rs.getLong(10)))
				.list());
		}
		return parts;
	}

	/** Adds the parts, times {@code sign}, to the cells' sums (revenue, units, margin, orders) and the buyers' counts. */
	private static void add(List<Part> parts, int sign, Map<Cell, BigDecimal[]> cells, Map<Buyer, long[]> buyers,
			Set<Long> customers) {
		BigDecimal times = BigDecimal.valueOf(sign);
		for (Part p : parts) {
			customers.add(p.customer());
			BigDecimal[] sums = cells.computeIfAbsent(new Cell(p.staff(), p.unit(), p.month(), p.line()),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			sums[0] = sums[0].add(p.revenue().multiply(times));
			sums[1] = sums[1].add(p.units().multiply(times));
			sums[2] = sums[2].add(p.margin().multiply(times));
			sums[3] = sums[3].add(BigDecimal.valueOf(p.orders() * sign));
			if (p.orders() != 0) {
				buyers.computeIfAbsent(new Buyer(p.staff(), p.unit(), p.month(), p.customer()), k -> new long[1])[0] +=
						p.orders() * sign;
			}
		}
	}

	/** Multi-row inserts: a rebuild writes millions of ledger rows. */
	private void insert(List<Part> parts) {
		FactChanges.insertRows(template, "metrics_order_contribution", COLUMNS, 10,
				parts.stream().map(Part::values).toList());
	}
}
