package io.rumbo.people.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.CandidateSource;

/** The SQL of the recruitment figures (decision 0036): time to fill, candidates per hire by source, open requisitions. */
@Repository
public class RecruitmentFigureQueries {

	private final JdbcClient jdbc;
	private final OrgDirectory org;

	RecruitmentFigureQueries(JdbcClient jdbc, OrgDirectory org) {
		this.jdbc = jdbc;
		this.org = org;
	}

	// ---- figures

	/** Per unit: the requisitions filled between the dates and the mean days from approval to the hire. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "PeopleTimeToFill")
	public record TimeToFill(long unitId, String unitName, long filled, BigDecimal averageDays) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "PeopleCandidatesBySource")
	public record BySource(CandidateSource source, long candidates, long hires,
			@Nullable BigDecimal candidatesPerHire) {

		/** Candidates per hire is null when no hire came from this source. */
		static BySource of(CandidateSource source, long candidates, long hires) {
			return new BySource(source, candidates, hires, hires == 0 ? null
					: BigDecimal.valueOf(candidates).divide(BigDecimal.valueOf(hires), 2, RoundingMode.HALF_UP));
		}
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "PeopleOpenRequisitions")
	public record OpenByUnit(long unitId, String unitName, long drafts, long submitted, long approved, long total) {
	}

	public List<TimeToFill> timeToFill(DataScope scope, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		String condition = scope.sql(new DataScope.Columns(List.of("r.unit_id"), List.of(), List.of()), params);
		// One row per filled requisition in scope; the days are counted here, not by dialect-specific date arithmetic.
		List<Object[]> rows = jdbc.sql("SELECT r.unit_id, r.decided_on, r.closed_on FROM people_requisition r WHERE "
				+ condition + " AND r.status = 'FILLED' AND r.closed_on BETWEEN :from AND :to")
			.params(params)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class) })
			.list();
		Map<Long, long[]> byUnit = new LinkedHashMap<>();
		for (Object[] row : rows) {
			LocalDate approved = (LocalDate) row[1];
			LocalDate closed = (LocalDate) row[2];
			long days = approved == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(approved, closed);
			long[] sums = byUnit.computeIfAbsent((Long) row[0], k -> new long[2]);
			sums[0]++;
			sums[1] += days;
		}
		Map<Long, String> names = org.unitNames(byUnit.keySet());
		return byUnit.entrySet().stream().map(e -> new TimeToFill(e.getKey(),
				names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue()[0], BigDecimal.valueOf(e.getValue()[1])
					.divide(BigDecimal.valueOf(e.getValue()[0]), 1, RoundingMode.HALF_UP)))
			.sorted(java.util.Comparator.comparing(TimeToFill::unitName))
			.toList();
	}

	/** Candidates and hires per source among the requisitions raised between the dates, in the reader's scope. */
	public List<BySource> bySource(DataScope scope, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		String condition = scope.sql(new DataScope.Columns(List.of("c.unit_id"), List.of(), List.of()), params);
		return jdbc.sql("SELECT c.source, COUNT(*) AS candidates, "
				+ "SUM(CASE WHEN c.stage = 'HIRED' THEN 1 ELSE 0 END) AS hires FROM people_candidate c WHERE "
				+ condition + " AND c.applied_on BETWEEN :from AND :to GROUP BY c.source ORDER BY c.source")
			.params(params)
			.query((rs, n) -> BySource.of(CandidateSource.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** Open requisitions per unit in the reader's scope, by status. */
	public List<OpenByUnit> openByUnit(DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String condition = scope.sql(new DataScope.Columns(List.of("r.unit_id"), List.of(), List.of()), params);
		List<long[]> rows = jdbc.sql("SELECT r.unit_id, SUM(CASE WHEN r.status = 'DRAFT' THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN r.status = 'SUBMITTED' THEN 1 ELSE 0 END), "
				+ "SUM(CASE WHEN r.status = 'APPROVED' THEN 1 ELSE 0 END) FROM people_requisition r WHERE " + condition
				+ " AND r.status IN ('DRAFT', 'SUBMITTED', 'APPROVED') GROUP BY r.unit_id")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.list();
		Map<Long, String> names = org.unitNames(rows.stream().map(r -> r[0]).toList());
		return rows.stream().map(r -> new OpenByUnit(r[0], names.getOrDefault(r[0], "#" + r[0]), r[1], r[2], r[3],
				r[1] + r[2] + r[3]))
			.sorted(java.util.Comparator.comparing(OpenByUnit::unitName))
			.toList();
	}
}
