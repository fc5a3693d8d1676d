package io.rumbo.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import io.rumbo.shared.sql.BulkRows;

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

	private static final String TABLE = "metrics_order_contribution";

	private static final List<String> LEDGER_COLUMNS = List.of("order_id", "staff_id", "unit_id", "month_start",
			"line_id", "customer_id", "revenue", "units", "margin", "orders");

	private static final List<String> FACT_COLUMNS = List.of("staff_id", "unit_id", "month_start", "line_id", "measure",
			"amount");

	private static final List<String> BUYER_COLUMNS = List.of("staff_id", "unit_id", "month_start", "customer_id",
			"orders");

	/** A row of the ledger; line 0 carries the order count, the product lines the amounts. */
	record Part(long order, long staff, long unit, LocalDate month, long line, long customer, BigDecimal revenue,
			BigDecimal units, BigDecimal margin, long orders) {

		Object[] values() {
			return new Object[] { order, staff, unit, month, line, customer, revenue, units, margin, orders };
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
	private final BulkRows bulk;

	OrderLedger(JdbcClient jdbc, JdbcTemplate template, OrderContributions sales, BulkRows bulk) {
		this.jdbc = jdbc;
		this.template = template;
		this.sales = sales;
		this.bulk = bulk;
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
		long rows = FactChanges.facts(template, factRows(cells));
		rows += FactChanges.customers(template, buyerRows(buyers));
		Set<Long> had = new HashSet<>();
		stored.forEach(p -> had.add(p.order()));
		for (List<Long> chunk : FactStore.chunks(had)) {
			jdbc.sql("DELETE FROM metrics_order_contribution WHERE order_id IN (:ids)").param("ids", chunk).update();
		}
		bulk.append(TABLE, LEDGER_COLUMNS, now.stream().map(Part::values).toList());
		return new Applied(rows, customers);
	}

	/**
	 * The ledger and the order facts rebuilt: the ledger refilled from the sales records a few months at a time (about
	 * {@value #REBUILD_ORDERS} orders per read), and with each read the fact cells and customer months of its months,
	 * summed from the same rows as an event adds them (whole months per read, so each cell is complete in one read).
	 * Rows are appended in bulk (COPY on PostgreSQL); the ledger, read only under the facts' lock, is emptied by
	 * TRUNCATE there (a DELETE of millions of rows costs as much as writing them and leaves them dead in the table).
	 * Answers the fact and customer rows written.
	 */
	public long rebuild() {
		jdbc.sql(bulk.postgres() ? "TRUNCATE TABLE metrics_order_contribution" : "DELETE FROM metrics_order_contribution")
			.update();
		jdbc.sql("DELETE FROM metrics_fact WHERE measure IN (:measures)")
			.param("measures", BaseMeasure.codesOf(Source.ORDERS))
			.update();
		jdbc.sql("DELETE FROM metrics_customer_month").update();
		LocalDate from = null;
		LocalDate to = null;
		long orders = 0;
		long rows = 0;
		for (OrderContributions.MonthOrders month : sales.bookedByMonth()) {
			if (from != null && orders + month.orders() > REBUILD_ORDERS) {
				rows += load(read(from, to));
				from = null;
				orders = 0;
			}
			from = from == null ? month.month() : from;
			to = month.month().plusMonths(1);
			orders += month.orders();
		}
		if (from != null) {
			rows += load(read(from, to));
		}
		if (bulk.postgres()) {
			// A truncated table has no statistics until autovacuum comes by: without them the next event's read of
			// its orders by id is planned as a scan of the whole ledger (1 s each at 10,000,000 order lines).
			for (String table : List.of(TABLE, "metrics_fact", "metrics_customer_month")) {
				jdbc.sql("ANALYZE " + table).update();
			}
		}
		return rows;
	}

	/** Appends the parts of whole months to the ledger, and their sums to the (emptied) facts and customer months. */
	private long load(List<Part> parts) {
		Map<Cell, BigDecimal[]> cells = new LinkedHashMap<>();
		Map<Buyer, long[]> buyers = new LinkedHashMap<>();
		add(parts, 1, cells, buyers, new HashSet<>());
		bulk.append(TABLE, LEDGER_COLUMNS, parts.stream().map(Part::values).toList());
		List<Object[]> facts = factRows(cells);
		List<Object[]> months = buyerRows(buyers);
		bulk.append("metrics_fact", FACT_COLUMNS, facts);
		bulk.append("metrics_customer_month", BUYER_COLUMNS, months);
		return facts.size() + months.size();
	}

	private static List<Object[]> factRows(Map<Cell, BigDecimal[]> cells) {
		List<Object[]> rows = new ArrayList<>(cells.size() * 3);
		cells.forEach((c, sums) -> rows.addAll(FactChanges.rows(c.staff(), c.unit(), c.month(), c.line(), sums)));
		return rows;
	}

	/** Customer months whose order count changed (a rebuild: all of them, each counting its orders). */
	private static List<Object[]> buyerRows(Map<Buyer, long[]> buyers) {
		List<Object[]> rows = new ArrayList<>(buyers.size());
		buyers.forEach((b, count) -> {
			if (count[0] != 0) {
				rows.add(new Object[] { b.staff(), b.unit(), b.month(), b.customer(), count[0] });
			}
		});
		return rows;
	}

	/** What these orders contribute now, as ledger rows (all-zero lines left out, as zero facts are). */
	private List<Part> current(Collection<Long> ids) {
		return parts(sales.of(ids));
	}

	private List<Part> read(LocalDate from, LocalDate to) {
		return parts(sales.dated(from, to));
	}

	private static List<Part> parts(OrderContributions.Contributions read) {
		List<Part> parts = new ArrayList<>(read.lines().size() + read.counts().size());
		for (OrderContributions.OrderLine l : read.lines()) {
			if (l.net().signum() != 0 || l.units().signum() != 0 || l.margin().signum() != 0) {
				parts.add(new Part(l.orderId(), l.staffId(), l.unitId(), l.month(), l.lineId(), l.customerId(), l.net(),
						l.units(), l.margin(), 0));
			}
		}
		for (OrderContributions.OrderCount c : read.counts()) {
			parts.add(new Part(c.orderId(), c.staffId(), c.unitId(), c.month(), 0, c.customerId(), BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, c.orders()));
		}
		return parts;
	}

	/** What the ledger holds for these orders. */
	private List<Part> stored(Collection<Long> ids) {
		List<Part> parts = new ArrayList<>();
		for (List<Long> chunk : FactStore.chunks(ids)) {
			parts.addAll(jdbc.sql("SELECT " + String.join(", ", LEDGER_COLUMNS) + " FROM " + TABLE + " WHERE order_id IN (:ids)")
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
}
