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

/**
 * The sales records summed for the metrics module's facts, set-based: one grouped statement per kind of record for
 * any number of people and months, so an event's recompute and a full rebuild cost a few statements (orders are read
 * order by order, by {@link OrderContributions}; the metrics module derives first purchases from them). {@code people}
 * limits the answer to the records credited to (owned by) those people, {@code null} means everyone; 0 stands for
 * nobody (a team task). Months are calendar months, {@code month} their first day (fiscal months start on one).
 * Credit shares are applied exactly (amount x share / 100, never rounded). Cancelled orders count nowhere; a return
 * (an order whose every line is negative) reduces the amounts and counts as no order and no purchase.
 */
@Service
public class SalesMeasures {

	public record ActivityCount(long staffId, long unitId, LocalDate month, ActivityType type, long done) {
	}

	/** Opportunities created, won and lost, by owner, their unit and the month it happened. */
	public record OpportunityCount(long staffId, long unitId, LocalDate month, long created, long won, long lost) {
	}

	/** Tasks done in a month, and how many by their due date; staff 0 for team tasks. */
	public record TaskCount(long staffId, long unitId, LocalDate month, long done, long onTime) {
	}

	/** An open opportunity: amount x its stage's probability, in its expected close month. */
	/**
	 * The forecast accuracy recorded for month calls (decision 0033): per person, the unit of their call and the fiscal
	 * month called, the sum of the accuracy percentages and how many were recorded (one per person and month).
	 */
	public record ForecastAccuracySum(long staffId, long unitId, LocalDate month, BigDecimal percentSum, long calls) {
	}

	public record OpenOpportunity(long opportunityId, long staffId, long unitId, LocalDate month, BigDecimal weighted) {
	}

	static final String MONTH = "EXTRACT(YEAR FROM %1$s), EXTRACT(MONTH FROM %1$s)";

	private final JdbcClient jdbc;

	SalesMeasures(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/**
	 * The accuracy recorded at the end of fiscal months that start in {@code [from, to)}, one grouped statement. Only
	 * month calls: a quarter's call is scored in the sales history, but as a measure it would count its months twice.
	 */
	@Transactional(readOnly = true)
	public List<ForecastAccuracySum> forecastAccuracy(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		return jdbc.sql("SELECT a.staff_id, a.unit_id, a.period_start, SUM(a.accuracy_percent), COUNT(*)"
				+ " FROM sales_forecast_accuracy a WHERE a.period_code LIKE '%-M%' AND a.period_start >= :from"
				+ " AND a.period_start < :to" + people("a.staff_id", people, params)
				+ " GROUP BY a.staff_id, a.unit_id, a.period_start")
			.params(params)
			.query((rs, n) -> new ForecastAccuracySum(rs.getLong(1), rs.getLong(2),
					rs.getObject(3, LocalDate.class).withDayOfMonth(1), rs.getBigDecimal(4), rs.getLong(5)))
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

	/** Bind parameters per statement: PostgreSQL's driver takes at most 65,535, H2 has no such limit. */
	static final int MAX_PARAMS = 30_000;

	/** The first day of the month a row names as year and month in columns {@code at} and {@code at + 1}. */
	static LocalDate month(java.sql.ResultSet rs, int at) throws java.sql.SQLException {
		return LocalDate.of(rs.getInt(at), rs.getInt(at + 1), 1);
	}

	/** A return is an order whose every line is negative: one with a line of zero or more counts as an order. */
	static final String NOT_RETURN = " AND EXISTS (SELECT 1 FROM sales_order_line k WHERE k.order_id = o.id"
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

	static BigDecimal share(@Nullable BigDecimal sumTimesPercent) {
		return sumTimesPercent == null ? BigDecimal.ZERO : sumTimesPercent.movePointLeft(2);
	}
}
