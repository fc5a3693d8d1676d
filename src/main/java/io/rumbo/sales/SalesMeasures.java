package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;

/**
 * The sales records summed for the metrics module's facts, set-based: one grouped statement per kind of record for
 * any number of people and months, so an event's recompute and a full rebuild cost a few statements. {@code people}
 * limits the answer to the records credited to (owned by) those people, {@code null} means everyone; 0 stands for
 * nobody (a team task). Months are calendar months, {@code month} their first day (fiscal months start on one).
 * Credit shares are applied exactly (amount x share / 100, never rounded). Cancelled orders count nowhere; a return
 * (an order whose every line is negative) reduces the amounts and counts as no order and no purchase.
 */
@Service
public class SalesMeasures {

	/** What one person, in one unit, booked of one product line in one month: their share of net, units, margin. */
	public record CreditedLine(long staffId, long unitId, LocalDate month, long lineId, BigDecimal net, BigDecimal units,
			BigDecimal margin) {
	}

	/** Orders (not returns) credited to a person in a unit in a month, each counted once per credited person. */
	public record CreditedOrders(long staffId, long unitId, LocalDate month, long orders) {
	}

	/** A customer who bought (not a return) from a credited person in a unit in a month. */
	public record CustomerMonth(long staffId, long unitId, LocalDate month, long customerId) {
	}

	public record ActivityCount(long staffId, long unitId, LocalDate month, ActivityType type, long done) {
	}

	/** Opportunities created, won and lost, by owner, their unit and the month it happened. */
	public record OpportunityCount(long staffId, long unitId, LocalDate month, long created, long won, long lost) {
	}

	/** Tasks done in a month, and how many by their due date; staff 0 for team tasks. */
	public record TaskCount(long staffId, long unitId, LocalDate month, long done, long onTime) {
	}

	/** A person credited with a booked order in a month. */
	public record CreditedMonth(long staffId, LocalDate month) {
	}

	/** An open opportunity: amount x its stage's probability, in its expected close month. */
	public record OpenOpportunity(long opportunityId, long staffId, long unitId, LocalDate month, BigDecimal weighted) {
	}

	private static final String MONTH = "EXTRACT(YEAR FROM %1$s), EXTRACT(MONTH FROM %1$s)";

	private final JdbcClient jdbc;
	private final ProductCatalog catalog;

	SalesMeasures(JdbcClient jdbc, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public List<CreditedLine> creditedLines(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		return lines(jdbc.sql("SELECT " + CREDITED + ", l.product_id, SUM(l.net_amount * c.share_percent),"
				+ " SUM(l.quantity * c.share_percent), SUM(l.margin_amount * c.share_percent)"
				+ credited(" JOIN sales_order_line l ON l.order_id = o.id", "", people, params)
				+ " GROUP BY " + CREDITED + ", l.product_id")
			.params(params));
	}

	/** The credited lines of a grouped statement (its columns as in creditedLines), summed by product line. */
	private List<CreditedLine> lines(JdbcClient.StatementSpec statement) {
		record Row(long staff, long unit, LocalDate month, long product, BigDecimal net, BigDecimal units,
				BigDecimal margin) {
		}
		List<Row> rows = statement.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5),
					share(rs.getBigDecimal(6)), share(rs.getBigDecimal(7)), share(rs.getBigDecimal(8))))
			.list();
		Map<Long, Long> lineOf = new HashMap<>();
		if (!rows.isEmpty()) {
			catalog.products(rows.stream().map(Row::product).distinct().toList())
				.forEach(p -> lineOf.put(p.id(), p.lineId()));
		}
		record Key(long staff, long unit, LocalDate month, long line) {
		}
		Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
		for (Row r : rows) {
			Long line = lineOf.get(r.product());
			if (line == null) {
				throw new IllegalStateException("Product " + r.product() + " is not in the catalog");
			}
			BigDecimal[] s = sums.computeIfAbsent(new Key(r.staff(), r.unit(), r.month(), line),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			s[0] = s[0].add(r.net());
			s[1] = s[1].add(r.units());
			s[2] = s[2].add(r.margin());
		}
		List<CreditedLine> result = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> result.add(new CreditedLine(k.staff(), k.unit(), k.month(), k.line(), s[0], s[1], s[2])));
		return result;
	}

	@Transactional(readOnly = true)
	public List<CreditedOrders> creditedOrders(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		return jdbc.sql("SELECT " + CREDITED + ", COUNT(*)" + credited("", NOT_RETURN, people, params) + " GROUP BY "
				+ CREDITED)
			.params(params)
			.query((rs, n) -> new CreditedOrders(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<CustomerMonth> customerMonths(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		return jdbc.sql("SELECT DISTINCT " + CREDITED + ", o.customer_id" + credited("", NOT_RETURN, people, params))
			.params(params)
			.query((rs, n) -> new CustomerMonth(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5)))
			.list();
	}

	/**
	 * {@link #creditedLines(Collection, LocalDate, LocalDate)} of some cells only: {@code cells} maps a month (its first
	 * day) to the people whose records of that month are wanted. One statement for all the months (a few when the
	 * cells are very many), reading only those people's credits of those months, so a recompute after late orders
	 * costs what it touched rather than a month of everyone's orders per month touched.
	 */
	@Transactional(readOnly = true)
	public List<CreditedLine> creditedLines(Map<LocalDate, ? extends Collection<Long>> cells) {
		List<CreditedLine> result = new ArrayList<>();
		for (Map<LocalDate, List<Long>> piece : pieces(cells)) {
			Map<String, Object> params = new HashMap<>();
			result.addAll(lines(jdbc.sql("SELECT " + CREDITED + ", l.product_id, SUM(l.net_amount * c.share_percent),"
					+ " SUM(l.quantity * c.share_percent), SUM(l.margin_amount * c.share_percent)"
					+ cells(piece, " JOIN sales_order_line l ON l.order_id = o.id", params) + " GROUP BY " + CREDITED
					+ ", l.product_id").params(params)));
		}
		return result;
	}

	/** {@link #creditedOrders(Collection, LocalDate, LocalDate)} of some cells only (see {@link #creditedLines(Map)}). */
	@Transactional(readOnly = true)
	public List<CreditedOrders> creditedOrders(Map<LocalDate, ? extends Collection<Long>> cells) {
		List<CreditedOrders> result = new ArrayList<>();
		for (Map<LocalDate, List<Long>> piece : pieces(cells)) {
			Map<String, Object> params = new HashMap<>();
			result.addAll(jdbc.sql("SELECT " + CREDITED + ", COUNT(*)" + cells(piece, "", params) + NOT_RETURN
					+ " GROUP BY " + CREDITED)
				.params(params)
				.query((rs, n) -> new CreditedOrders(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5)))
				.list());
		}
		return result;
	}

	/** {@link #customerMonths(Collection, LocalDate, LocalDate)} of some cells only (see {@link #creditedLines(Map)}). */
	@Transactional(readOnly = true)
	public List<CustomerMonth> customerMonths(Map<LocalDate, ? extends Collection<Long>> cells) {
		List<CustomerMonth> result = new ArrayList<>();
		for (Map<LocalDate, List<Long>> piece : pieces(cells)) {
			Map<String, Object> params = new HashMap<>();
			result.addAll(jdbc.sql("SELECT DISTINCT " + CREDITED + ", o.customer_id" + cells(piece, "", params) + NOT_RETURN)
				.params(params)
				.query((rs, n) -> new CustomerMonth(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5)))
				.list());
		}
		return result;
	}

	/**
	 * Who was credited, in which months, with booked orders that have a line of the product: the cells of its figures
	 * by product line.
	 */
	@Transactional(readOnly = true)
	public List<CreditedMonth> creditedMonths(long productId, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		params.put("product", productId);
		return jdbc.sql("SELECT DISTINCT " + CREDITED + credited(" JOIN sales_order_line l ON l.order_id = o.id",
				" AND l.product_id = :product", null, params))
			.params(params)
			.query((rs, n) -> new CreditedMonth(rs.getLong(1), month(rs, 3)))
			.list();
	}

	/**
	 * The month of each customer's first booked order (not a return), for these customers ({@code null}: all);
	 * customers who never bought are absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, LocalDate> firstPurchaseMonths(@Nullable Collection<Long> customers) {
		Map<Long, LocalDate> result = new HashMap<>();
		if (customers != null && customers.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		String filter = "";
		if (customers != null) {
			params.put("customers", customers);
			filter = " AND o.customer_id IN (:customers)";
		}
		jdbc.sql("SELECT o.customer_id, MIN(o.order_date) FROM sales_order o WHERE o.status = 'BOOKED'" + NOT_RETURN
				+ filter + " GROUP BY o.customer_id")
			.params(params)
			.query(rs -> {
				result.put(rs.getLong(1), rs.getObject(2, LocalDate.class).withDayOfMonth(1));
			});
		return result;
	}

	/** The customers with an order (of any status) dated in the range: what an order import may have changed. */
	@Transactional(readOnly = true)
	public List<Long> customersWithOrders(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT DISTINCT customer_id FROM sales_order WHERE order_date >= :from AND order_date < :to")
			.params(range(from, to))
			.query(Long.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<ActivityCount> activities(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		String month = MONTH.formatted("a.done_on");
		return jdbc.sql("SELECT a.owner_staff_id, a.owner_unit_id, " + month + ", a.activity_type, COUNT(*)"
				+ " FROM sales_activity a WHERE a.done_on >= :from AND a.done_on < :to"
				+ people("a.owner_staff_id", people, params)
				+ " GROUP BY a.owner_staff_id, a.owner_unit_id, " + month + ", a.activity_type")
			.params(params)
			.query((rs, n) -> new ActivityCount(rs.getLong(1), rs.getLong(2), month(rs, 3),
					ActivityType.valueOf(rs.getString(5)), rs.getLong(6)))
			.list();
	}

	/**
	 * Created in the month of its first stage (the day it entered the pipeline), won or lost in the month it closed
	 * (a closed opportunity's close date is the day it closed); all by its owner and their unit.
	 */
	@Transactional(readOnly = true)
	public List<OpportunityCount> opportunities(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		String who = people("o.owner_staff_id", people, params);
		String month = MONTH.formatted("d");
		record Key(long staff, long unit, LocalDate month) {
		}
		Map<Key, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT staff, unit, " + month + ", SUM(created), SUM(won), SUM(lost) FROM ("
				+ " SELECT o.owner_staff_id AS staff, o.owner_unit_id AS unit, f.first_on AS d, 1 AS created,"
				+ " 0 AS won, 0 AS lost FROM sales_opportunity o JOIN (SELECT opportunity_id, MIN(changed_on) AS first_on"
				+ " FROM sales_opportunity_stage_change GROUP BY opportunity_id) f ON f.opportunity_id = o.id"
				+ " WHERE f.first_on >= :from AND f.first_on < :to" + who
				+ " UNION ALL SELECT o.owner_staff_id, o.owner_unit_id, o.expected_close,"
				+ " 0, CASE WHEN s.outcome = 'WON' THEN 1 ELSE 0 END, CASE WHEN s.outcome = 'LOST' THEN 1 ELSE 0 END"
				+ " FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code"
				+ " WHERE s.outcome IN ('WON', 'LOST') AND o.expected_close >= :from AND o.expected_close < :to" + who
				+ ") t GROUP BY staff, unit, " + month)
			.params(params)
			.query(rs -> {
				long[] c = counts.computeIfAbsent(new Key(rs.getLong(1), rs.getLong(2), month(rs, 3)), k -> new long[3]);
				c[0] += rs.getLong(5);
				c[1] += rs.getLong(6);
				c[2] += rs.getLong(7);
			});
		List<OpportunityCount> result = new ArrayList<>(counts.size());
		counts.forEach((k, c) -> result.add(new OpportunityCount(k.staff(), k.unit(), k.month(), c[0], c[1], c[2])));
		return result;
	}

	@Transactional(readOnly = true)
	public List<TaskCount> tasks(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		String month = MONTH.formatted("t.completed_on");
		return jdbc.sql("SELECT COALESCE(t.assignee_staff_id, 0), t.assignee_unit_id, " + month + ", COUNT(*),"
				+ " SUM(CASE WHEN t.completed_on <= t.due_on THEN 1 ELSE 0 END) FROM sales_task t"
				+ " WHERE t.completed_on >= :from AND t.completed_on < :to" + people("t.assignee_staff_id", people, params)
				+ " GROUP BY COALESCE(t.assignee_staff_id, 0), t.assignee_unit_id, " + month)
			.params(params)
			.query((rs, n) -> new TaskCount(rs.getLong(1), rs.getLong(2), month(rs, 3), rs.getLong(5),
					rs.getLong(6)))
			.list();
	}

	/** These open opportunities ({@code null}: all); closed ones are absent. */
	@Transactional(readOnly = true)
	public List<OpenOpportunity> openPipeline(@Nullable Collection<Long> opportunityIds) {
		Map<String, Object> params = new HashMap<>();
		String filter = "";
		if (opportunityIds != null) {
			if (opportunityIds.isEmpty()) {
				return List.of();
			}
			params.put("ids", opportunityIds);
			filter = " AND o.id IN (:ids)";
		}
		String month = MONTH.formatted("o.expected_close");
		return jdbc.sql("SELECT o.id, o.owner_staff_id, o.owner_unit_id, " + month + ", o.amount * s.probability"
				+ " FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code WHERE s.outcome = 'OPEN'" + filter)
			.params(params)
			.query((rs, n) -> new OpenOpportunity(rs.getLong(1), rs.getLong(2), rs.getLong(3), month(rs, 4),
					share(rs.getBigDecimal(6))))
			.list();
	}

	/** The person and unit credited and the month of the order: what every order measure is grouped by (4 columns). */
	private static final String CREDITED = "c.staff_id, c.unit_id, " + MONTH.formatted("o.order_date");

	/**
	 * The booked orders (alias {@code o}) dated in the range with their credits ({@code c}) to these people, plus
	 * {@code joins} (the lines) and the {@code condition} (not a return): the FROM and WHERE of every order measure.
	 */
	private static String credited(String joins, String condition, @Nullable Collection<Long> people,
			Map<String, Object> params) {
		return " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id" + joins
				+ " WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to" + condition
				+ people("c.staff_id", people, params);
	}

	/** Bind parameters per statement: PostgreSQL's driver takes at most 65,535, H2 has no such limit. */
	private static final int MAX_PARAMS = 30_000;

	/**
	 * The FROM and WHERE of a cell measure: credits of each month's people (their index by person and order) joined
	 * to the booked orders dated in that month, plus {@code joins}; {@code o} and {@code c} as in {@link #credited}.
	 */
	private static String cells(Map<LocalDate, List<Long>> cells, String joins, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		List<Long> everyone = new ArrayList<>();
		int i = 0;
		for (Map.Entry<LocalDate, List<Long>> cell : cells.entrySet()) {
			where.append(i == 0 ? "" : " OR ").append("(o.order_date >= :f").append(i).append(" AND o.order_date < :t")
				.append(i).append(" AND c.staff_id IN (:p").append(i).append("))");
			params.put("f" + i, cell.getKey());
			params.put("t" + i, cell.getKey().plusMonths(1));
			params.put("p" + i, cell.getValue());
			everyone.addAll(cell.getValue());
			i++;
		}
		params.put("from", cells.keySet().stream().min(LocalDate::compareTo).orElseThrow());
		params.put("to", cells.keySet().stream().max(LocalDate::compareTo).orElseThrow().plusMonths(1));
		params.put("everyone", everyone.stream().distinct().toList());
		return " FROM sales_order_credit c JOIN sales_order o ON o.id = c.order_id" + joins + " WHERE c.staff_id IN (:everyone)"
				+ " AND o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to AND (" + where + ")";
	}

	/**
	 * Cells cut into statements of at most half {@link #MAX_PARAMS} people (each is bound twice); a month's people
	 * are cut only when they alone are more. Empty months are left out, nothing at all gives no piece. A caller that
	 * also reads its own tables by cells cuts them the same way.
	 */
	public static List<Map<LocalDate, List<Long>>> pieces(Map<LocalDate, ? extends Collection<Long>> cells) {
		List<Map<LocalDate, List<Long>>> pieces = new ArrayList<>();
		Map<LocalDate, List<Long>> piece = new java.util.TreeMap<>();
		int size = 0;
		for (Map.Entry<LocalDate, ? extends Collection<Long>> cell : new java.util.TreeMap<>(cells).entrySet()) {
			List<Long> people = cell.getValue().stream().distinct().toList();
			for (int at = 0; at < people.size(); at += MAX_PARAMS / 2) {
				List<Long> part = people.subList(at, Math.min(people.size(), at + MAX_PARAMS / 2));
				if (size + part.size() > MAX_PARAMS / 2 && !piece.isEmpty()) {
					pieces.add(piece);
					piece = new java.util.TreeMap<>();
					size = 0;
				}
				piece.put(cell.getKey(), part);
				size += part.size();
			}
		}
		if (!piece.isEmpty()) {
			pieces.add(piece);
		}
		return pieces;
	}

	/** The first day of the month a row names as year and month in columns {@code at} and {@code at + 1}. */
	private static LocalDate month(java.sql.ResultSet rs, int at) throws java.sql.SQLException {
		return LocalDate.of(rs.getInt(at), rs.getInt(at + 1), 1);
	}

	/** A return is an order whose every line is negative: one with a line of zero or more counts as an order. */
	private static final String NOT_RETURN = " AND EXISTS (SELECT 1 FROM sales_order_line k WHERE k.order_id = o.id"
			+ " AND k.quantity >= 0)";

	private static Map<String, Object> range(LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		return params;
	}

	/** The people condition; 0 among them means the records of nobody (a null column). */
	static String people(String column, @Nullable Collection<Long> people, Map<String, Object> params) {
		if (people == null) {
			return "";
		}
		List<Long> real = people.stream().filter(p -> p != 0L).toList();
		boolean nobody = people.contains(0L);
		params.put("people", real.isEmpty() ? List.of(-1L) : real);
		return " AND (" + column + " IN (:people)" + (nobody ? " OR " + column + " IS NULL)" : ")");
	}

	private static BigDecimal share(@Nullable BigDecimal sumTimesPercent) {
		return sumTimesPercent == null ? BigDecimal.ZERO : sumTimesPercent.movePointLeft(2);
	}
}
