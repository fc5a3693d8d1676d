package io.rumbo.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.shared.time.FiscalPeriod;

/**
 * Every measure recomputed straight from the sales and customers tables, with none of the metrics module's code: the
 * reference the facts are checked against. {@code who} is the SQL condition naming the people (or units) of a group
 * on each table's person or unit column, written by the test ({@code %s} replaced by the column).
 */
class DirectMeasures {

	private final JdbcClient jdbc;

	DirectMeasures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String BOOKED = " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id"
			+ " WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to";

	private static final String NOT_RETURN = " AND EXISTS (SELECT 1 FROM sales_order_line k WHERE k.order_id = o.id"
			+ " AND k.quantity >= 0)";

	/** Every measure of one group (a condition on the person column {@code %s} and its unit) over a period. */
	Map<Metric, BigDecimal> all(String who, String whoUnit, FiscalPeriod period, FiscalPeriod before) {
		Map<Metric, BigDecimal> m = new HashMap<>();
		String credit = who.formatted("c.staff_id", "c.unit_id");
		BigDecimal[] lines = sums("SELECT SUM(l.net_amount * c.share_percent) / 100, SUM(l.quantity * c.share_percent)"
				+ " / 100, SUM(l.margin_amount * c.share_percent) / 100" + BOOKED.replace(" WHERE",
						" JOIN sales_order_line l ON l.order_id = o.id WHERE") + " AND " + credit, period, 3);
		m.put(Metric.REVENUE, scale(lines[0], 2));
		m.put(Metric.UNITS, scale(lines[1], 2));
		m.put(Metric.MARGIN, scale(lines[2], 2));
		BigDecimal orders = sums("SELECT COUNT(*)" + BOOKED + NOT_RETURN + " AND " + credit, period, 1)[0];
		m.put(Metric.ORDERS, orders);
		ratio(m, Metric.MARGIN_PCT, lines[2], lines[0], 100);
		ratio(m, Metric.AVG_ORDER_VALUE, lines[0], orders, 1);
		String customers = "SELECT COUNT(DISTINCT o.customer_id)" + BOOKED + NOT_RETURN + " AND " + credit;
		m.put(Metric.ACTIVE_CUSTOMERS, sums(customers, period, 1)[0]);
		// New: no booked order (not a return) of the customer in any earlier month.
		m.put(Metric.NEW_CUSTOMERS, sums(customers + " AND NOT EXISTS (SELECT 1 FROM sales_order f WHERE f.customer_id ="
				+ " o.customer_id AND f.status = 'BOOKED' AND EXISTS (SELECT 1 FROM sales_order_line q WHERE q.order_id ="
				+ " f.id AND q.quantity >= 0) AND EXTRACT(YEAR FROM f.order_date) * 12 + EXTRACT(MONTH FROM f.order_date)"
				+ " < EXTRACT(YEAR FROM o.order_date) * 12 + EXTRACT(MONTH FROM o.order_date))", period, 1)[0]);
		String repeat = customers + " AND EXISTS (SELECT 1 FROM sales_order p JOIN sales_order_credit pc ON pc.order_id"
				+ " = p.id WHERE p.customer_id = o.customer_id AND p.status = 'BOOKED' AND p.order_date >= :bfrom AND"
				+ " p.order_date < :from AND " + who.formatted("pc.staff_id", "pc.unit_id") + " AND EXISTS (SELECT 1 FROM"
				+ " sales_order_line r WHERE r.order_id = p.id AND r.quantity >= 0))";
		BigDecimal repeats = jdbc.sql(repeat).param("from", period.start()).param("to", period.end())
			.param("bfrom", before.start()).query(BigDecimal.class).single();
		m.put(Metric.REPEAT_CUSTOMERS, repeats);
		ratio(m, Metric.RETENTION_RATE, repeats, sums(customers, before, 1)[0], 100);
		String activity = "SELECT COUNT(*) FROM sales_activity a WHERE a.done_on >= :from AND a.done_on < :to AND "
				+ who.formatted("a.owner_staff_id", "a.owner_unit_id") + " AND a.activity_type = ";
		m.put(Metric.VISITS, sums(activity + "'VISIT'", period, 1)[0]);
		m.put(Metric.CALLS, sums(activity + "'CALL'", period, 1)[0]);
		m.put(Metric.MEETINGS, sums(activity + "'MEETING'", period, 1)[0]);
		m.put(Metric.EMAILS, sums(activity + "'EMAIL'", period, 1)[0]);
		m.put(Metric.DEMOS, sums(activity + "'DEMO'", period, 1)[0]);
		String owner = who.formatted("o.owner_staff_id", "o.owner_unit_id");
		m.put(Metric.OPPORTUNITIES_CREATED, sums("SELECT COUNT(*) FROM sales_opportunity o WHERE " + owner
				+ " AND (SELECT MIN(s.changed_on) FROM sales_opportunity_stage_change s WHERE s.opportunity_id = o.id)"
				+ " >= :from AND (SELECT MIN(s.changed_on) FROM sales_opportunity_stage_change s WHERE s.opportunity_id"
				+ " = o.id) < :to", period, 1)[0]);
		String closed = "SELECT COUNT(*) FROM sales_opportunity o WHERE " + owner
				+ " AND o.expected_close >= :from AND o.expected_close < :to AND o.stage_code = ";
		BigDecimal won = sums(closed + "'WON'", period, 1)[0];
		BigDecimal lost = sums(closed + "'LOST'", period, 1)[0];
		m.put(Metric.OPPORTUNITIES_WON, won);
		m.put(Metric.OPPORTUNITIES_LOST, lost);
		ratio(m, Metric.WIN_RATE, won, won.add(lost), 100);
		m.put(Metric.WEIGHTED_PIPELINE, scale(sums("SELECT SUM(o.amount * s.probability) / 100 FROM sales_opportunity o"
				+ " JOIN sales_stage s ON s.code = o.stage_code WHERE s.outcome = 'OPEN' AND o.expected_close >= :from"
				+ " AND o.expected_close < :to AND " + owner, period, 1)[0], 2));
		String rated = who.formatted("r.staff_id", "r.unit_id");
		BigDecimal[] csat = sums("SELECT SUM(r.csat), COUNT(*), SUM(CASE WHEN r.nps >= 9 THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN r.nps <= 6 THEN 1 ELSE 0 END), COUNT(r.nps) FROM customer_satisfaction r"
				+ " WHERE r.rated_on >= :from AND r.rated_on < :to AND " + rated, period, 5);
		ratio(m, Metric.CSAT, csat[0], csat[1], 1);
		ratio(m, Metric.NPS, csat[2].subtract(csat[3]), csat[4], 100);
		BigDecimal[] cases = sums("SELECT COUNT(*), SUM(v.resolution_days) FROM customer_service_case v"
				+ " WHERE v.resolved_on >= :from AND v.resolved_on < :to AND " + who.formatted("v.staff_id", "v.unit_id"),
				period, 2);
		m.put(Metric.CASES_RESOLVED, cases[0]);
		ratio(m, Metric.RESOLUTION_DAYS, cases[1], cases[0], 1);
		BigDecimal[] tasks = sums("SELECT COUNT(*), SUM(CASE WHEN t.completed_on <= t.due_on THEN 1 ELSE 0 END)"
				+ " FROM sales_task t WHERE t.completed_on >= :from AND t.completed_on < :to AND "
				+ whoUnit.formatted("t.assignee_staff_id", "t.assignee_unit_id"), period, 2);
		ratio(m, Metric.TASKS_ON_TIME, tasks[1], tasks[0], 100);
		BigDecimal[] accuracy = sums("SELECT SUM(a.accuracy_percent), COUNT(*) FROM sales_forecast_accuracy a"
				+ " WHERE a.period_code LIKE '%-M%' AND a.period_start >= :from AND a.period_start < :to AND "
				+ who.formatted("a.staff_id", "a.unit_id"), period, 2);
		ratio(m, Metric.FORECAST_ACCURACY, accuracy[0], accuracy[1], 1);
		return m;
	}

	/** Revenue, units and margin of one product line's order lines (its products'), for a group over a period. */
	Map<Metric, BigDecimal> ofLine(String who, FiscalPeriod period, long line) {
		String credit = who.formatted("c.staff_id", "c.unit_id");
		BigDecimal[] lines = sums("SELECT SUM(l.net_amount * c.share_percent) / 100, SUM(l.quantity * c.share_percent)"
				+ " / 100, SUM(l.margin_amount * c.share_percent) / 100" + BOOKED.replace(" WHERE",
						" JOIN sales_order_line l ON l.order_id = o.id WHERE") + " AND " + credit
				+ " AND l.product_id IN (SELECT p.id FROM catalog_product p WHERE p.line_id = " + line + ")", period, 3);
		return Map.of(Metric.REVENUE, scale(lines[0], 2), Metric.UNITS, scale(lines[1], 2), Metric.MARGIN,
				scale(lines[2], 2));
	}

	private BigDecimal[] sums(String sql, FiscalPeriod period, int columns) {
		return jdbc.sql(sql).param("from", period.start()).param("to", period.end()).query((rs, n) -> {
			BigDecimal[] v = new BigDecimal[columns];
			for (int i = 0; i < columns; i++) {
				BigDecimal b = rs.getBigDecimal(i + 1);
				v[i] = b == null ? BigDecimal.ZERO : b;
			}
			return v;
		}).single();
	}

	private static void ratio(Map<Metric, BigDecimal> into, Metric metric, BigDecimal num, BigDecimal den, int factor) {
		if (den.signum() != 0) {
			into.put(metric, num.multiply(BigDecimal.valueOf(factor)).divide(den, 2, RoundingMode.HALF_UP));
		}
	}

	private static BigDecimal scale(BigDecimal value, int scale) {
		return value.setScale(scale, RoundingMode.HALF_UP);
	}

	static String in(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
	}
}
