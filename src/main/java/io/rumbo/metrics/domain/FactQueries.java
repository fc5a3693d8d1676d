package io.rumbo.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads of the fact tables behind every figure: one grouped statement each, whatever the number of people, units
 * and months. Answers are keyed by group member (person or requested unit), then by month (the first day of the
 * fiscal month, or the period's first day when the answer is for the whole period).
 */
@Component
public class FactQueries {

	/** Which customers a distinct count counts. */
	public enum Customers {
		/** Bought in the period. */
		ACTIVE,
		/** Bought for the first time ever in the period. */
		NEW,
		/** Bought in the period and in the period before it (the month before, month by month). */
		REPEAT
	}

	/** The measure key of a table without measures (the open pipeline): its rows are one sum. */
	private static final String ALL = "";

	private final JdbcClient jdbc;

	FactQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Base sums by member, month and base measure, of one product line when {@code line} is given. */
	public Map<Long, Map<LocalDate, Map<String, BigDecimal>>> sums(FactGroup group, LocalDate from, LocalDate to,
			Collection<String> measures, @Nullable Long line) {
		if (measures.isEmpty()) {
			return new HashMap<>();
		}
		return grouped("metrics_fact", "month_start", LocalDate.class, group, from, to, measures, line);
	}

	/**
	 * Base sums by member and base measure over the whole range, of one product line when {@code line} is given: the
	 * months summed in the database (GROUP BY member), one row per member and measure, for the figures of a period
	 * that do not need its months (a payout run reads 5,000 rows a measure instead of 5,000 per month).
	 */
	public Map<Long, Map<String, BigDecimal>> totals(FactGroup group, LocalDate from, LocalDate to,
			Collection<String> measures, @Nullable Long line) {
		Map<Long, Map<String, BigDecimal>> result = new HashMap<>();
		if (measures.isEmpty()) {
			return result;
		}
		grouped("metrics_fact", null, LocalDate.class, group, from, to, measures, line)
			.forEach((member, all) -> result.put(member, all.get(from)));
		return result;
	}

	/** Base sums by member, product line and base measure over the period (for figures by line). */
	public Map<Long, Map<Long, Map<String, BigDecimal>>> sumsByLine(FactGroup group, LocalDate from, LocalDate to,
			Collection<String> measures) {
		if (measures.isEmpty()) {
			return new HashMap<>();
		}
		return grouped("metrics_fact", "line_id", Long.class, group, from, to, measures, null);
	}

	/** The weighted open pipeline by member and expected close month. */
	public Map<Long, Map<LocalDate, BigDecimal>> pipeline(FactGroup group, LocalDate from, LocalDate to) {
		Map<Long, Map<LocalDate, BigDecimal>> result = new HashMap<>();
		grouped("metrics_open_pipeline", "month_start", LocalDate.class, group, from, to, null, null)
			.forEach((member, months) -> months.forEach((month, sums) -> result
				.computeIfAbsent(member, x -> new HashMap<>())
				.put(month, sums.get(ALL))));
		return result;
	}

	/**
	 * The one shape of every grouped sum: {@code SUM(amount)} of a fact table's rows in the group whose month is from
	 * {@code from} (inclusive) to {@code to} (exclusive), by member, by one more column ({@code by}: the month or the
	 * line; {@code null}: none, the range's sums under {@code from}), and by base measure when {@code measures} names
	 * them ({@code null}: the table has none, and the sums are under {@link #ALL}); of one product line when
	 * {@code line} is given.
	 */
	@SuppressWarnings("unchecked")
	private <K> Map<Long, Map<K, Map<String, BigDecimal>>> grouped(String table, @Nullable String by, Class<K> type,
			FactGroup group, LocalDate from, LocalDate to, @Nullable Collection<String> measures, @Nullable Long line) {
		Map<Long, Map<K, Map<String, BigDecimal>>> result = new HashMap<>();
		if (group.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		StringBuilder filter = new StringBuilder();
		if (measures != null) {
			params.put("measures", measures);
			filter.append(" AND x.measure IN (:measures)");
		}
		if (line != null) {
			params.put("line", line);
			filter.append(" AND x.line_id = :line");
		}
		String k = group.key("x");
		String column = by == null ? "" : ", x." + by;
		String measure = measures == null ? "" : ", x.measure";
		int next = by == null ? 2 : 3;
		jdbc.sql("SELECT " + k + column + measure + ", SUM(x.amount) FROM " + table + " x" + group.join("x")
				+ " WHERE " + group.where("x", params) + " AND x.month_start >= :from AND x.month_start < :to" + filter
				+ " GROUP BY " + k + column + measure)
			.params(params)
			.query(rs -> {
				K at = by == null ? (K) from : rs.getObject(2, type);
				result.computeIfAbsent(rs.getLong(1), x -> new HashMap<>())
					.computeIfAbsent(at, x -> new HashMap<>())
					.merge(measures == null ? ALL : rs.getString(next), rs.getBigDecimal(measures == null ? next
							: next + 1), BigDecimal::add);
			});
		return result;
	}

	/**
	 * The people with facts in the range, within a reader's scope and, when given, credited in these units: the rows
	 * of a table by person.
	 */
	public java.util.List<Long> people(FactGroup scope, LocalDate from, LocalDate to,
			java.util.@Nullable Collection<Long> units) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		String inUnits = "";
		if (units != null) {
			params.put("units", units.isEmpty() ? java.util.List.of(-1L) : units);
			inUnits = " AND x.unit_id IN (:units)";
		}
		return jdbc.sql("SELECT DISTINCT x.staff_id FROM metrics_fact x WHERE " + scope.where("x", params)
				+ " AND x.staff_id <> 0 AND x.month_start >= :from AND x.month_start < :to" + inUnits)
			.params(params)
			.query(Long.class)
			.list();
	}

	/** The product lines with facts in the range, within the group. */
	public java.util.List<Long> lines(FactGroup group, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		return jdbc.sql("SELECT DISTINCT x.line_id FROM metrics_fact x" + group.join("x") + " WHERE "
				+ group.where("x", params) + " AND x.line_id <> 0 AND x.month_start >= :from AND x.month_start < :to")
			.params(params)
			.query(Long.class)
			.list();
	}

	/**
	 * Distinct customers by member, per month ({@code months}: each month's first day with the first day of the month
	 * before it) or over the period ({@code months} null; {@code before} is then the period just before it, which
	 * {@link Customers#REPEAT} needs). Each customer counts once per member and month or period.
	 */
	public Map<Long, Map<LocalDate, Long>> customers(FactGroup group, LocalDate from, LocalDate to, Customers which,
			@Nullable Map<LocalDate, LocalDate> months, @Nullable LocalDate beforeFrom) {
		Map<Long, Map<LocalDate, Long>> result = new HashMap<>();
		if (group.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		String k = group.key("c");
		StringBuilder sql = new StringBuilder("SELECT ").append(k)
			.append(months == null ? "" : ", c.month_start")
			.append(", COUNT(DISTINCT c.customer_id) FROM metrics_customer_month c")
			.append(group.join("c"));
		if (months != null && which == Customers.REPEAT) {
			sql.append(" JOIN (VALUES ")
				.append(months.entrySet()
					.stream()
					.map(e -> String.format(Locale.ROOT, "(DATE '%s', DATE '%s')", e.getKey(), e.getValue()))
					.collect(Collectors.joining(", ")))
				.append(") mm(m, pm) ON mm.m = c.month_start");
		}
		if (which == Customers.NEW) {
			sql.append(" JOIN metrics_customer_first f ON f.customer_id = c.customer_id AND f.month_start = c.month_start");
		}
		sql.append(" WHERE ").append(group.where("c", params)).append(" AND c.month_start >= :from AND c.month_start < :to");
		if (which == Customers.REPEAT) {
			sql.append(" AND EXISTS (SELECT 1 FROM metrics_customer_month p").append(group.join("p"))
				.append(" WHERE ").append(group.same("c", "p")).append(" AND ").append(group.where("p", params))
				.append(" AND p.customer_id = c.customer_id");
			if (months != null) {
				sql.append(" AND p.month_start = mm.pm)");
			}
			else {
				sql.append(" AND p.month_start >= :beforeFrom AND p.month_start < :from)");
				params.put("beforeFrom", beforeFrom == null ? from : beforeFrom);
			}
		}
		sql.append(" GROUP BY ").append(k).append(months == null ? "" : ", c.month_start");
		jdbc.sql(sql.toString()).params(params).query(rs -> {
			result.computeIfAbsent(rs.getLong(1), x -> new HashMap<>())
				.put(months == null ? from : rs.getObject(2, LocalDate.class), rs.getLong(months == null ? 2 : 3));
		});
		return result;
	}
}
