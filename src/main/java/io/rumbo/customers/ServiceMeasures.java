package io.rumbo.customers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales records summed for the metrics module's facts, set-based: one grouped statement per kind for any
 * number of people and months. {@code people} limits the answer to the records attributed to those people,
 * {@code null} means everyone, 0 stands for nobody (a case or rating of an account without owner). Months are
 * calendar months, {@code month} their first day.
 */
@Service
public class ServiceMeasures {

	/** Cases resolved in a month and the sum of their resolution days, by the person and unit they count for. */
	public record ResolvedCases(long staffId, long unitId, LocalDate month, long resolved, long days) {
	}

	/**
	 * Ratings given in a month: CSAT sum and count, and of those with an NPS answer, promoters (9-10), detractors
	 * (0-6) and how many answered.
	 */
	public record Ratings(long staffId, long unitId, LocalDate month, long csatSum, long csatCount, long promoters,
			long detractors, long npsCount) {
	}

	private final JdbcClient jdbc;

	ServiceMeasures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ResolvedCases> resolvedCases(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		String month = "EXTRACT(YEAR FROM c.resolved_on), EXTRACT(MONTH FROM c.resolved_on)";
		return jdbc.sql("SELECT COALESCE(c.staff_id, 0), c.unit_id, " + month + ", COUNT(*),"
				+ " SUM(COALESCE(c.resolution_days, 0)) FROM customer_service_case c"
				+ " WHERE c.resolved_on >= :from AND c.resolved_on < :to" + people("c.staff_id", people, params)
				+ " GROUP BY COALESCE(c.staff_id, 0), c.unit_id, " + month)
			.params(params)
			.query((rs, n) -> new ResolvedCases(rs.getLong(1), rs.getLong(2), LocalDate.of(rs.getInt(3), rs.getInt(4), 1),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Ratings> ratings(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		Map<String, Object> params = range(from, to);
		String month = "EXTRACT(YEAR FROM r.rated_on), EXTRACT(MONTH FROM r.rated_on)";
		return jdbc.sql("SELECT COALESCE(r.staff_id, 0), r.unit_id, " + month + ", SUM(r.csat), COUNT(*),"
				+ " SUM(CASE WHEN r.nps >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.nps <= 6 THEN 1 ELSE 0 END),"
				+ " COUNT(r.nps) FROM customer_satisfaction r WHERE r.rated_on >= :from AND r.rated_on < :to"
				+ people("r.staff_id", people, params) + " GROUP BY COALESCE(r.staff_id, 0), r.unit_id, " + month)
			.params(params)
			.query((rs, n) -> new Ratings(rs.getLong(1), rs.getLong(2), LocalDate.of(rs.getInt(3), rs.getInt(4), 1),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}

	private static Map<String, Object> range(LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		return params;
	}

	/** The people condition; 0 among them means the records of nobody (a null column). */
	private static String people(String column, @Nullable Collection<Long> people, Map<String, Object> params) {
		if (people == null) {
			return "";
		}
		List<Long> real = people.stream().filter(p -> p != 0L).toList();
		params.put("people", real.isEmpty() ? List.of(-1L) : real);
		return " AND (" + column + " IN (:people)" + (people.contains(0L) ? " OR " + column + " IS NULL)" : ")");
	}
}
