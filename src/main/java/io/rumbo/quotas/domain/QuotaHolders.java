package io.rumbo.quotas.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * Who holds a published quota, within a reader's data scope: the people and units whose attainment a reader may see
 * are found here, in one statement, with the scope applied in SQL ({@link DataScope#sql}). A person belongs to the
 * rows of the unit they held the quota in, month by month, so a manager sees whoever held a quota in their subtree in
 * the period.
 */
@Repository
public class QuotaHolders {

	private final JdbcClient jdbc;

	QuotaHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The people with a released quota of one of these measures in these fiscal months of the year's published
	 * version, whom the scope lets the reader see, each with the unit of their last such month; {@code within}
	 * narrows to quotas held in those units.
	 */
	public Map<StaffId, UnitId> people(int fiscalYear, Collection<Integer> months, Set<Metric> metrics, DataScope scope,
			@Nullable Collection<UnitId> within) {
		Map<String, Object> params = new HashMap<>();
		String visible = scope.sql("p.unit_id", "p.staff_id", params);
		params.put("year", fiscalYear);
		params.put("months", months);
		params.put("metrics", metrics.stream().map(Metric::name).toList());
		String narrowed = "";
		if (within != null) {
			if (within.isEmpty()) {
				return Map.of();
			}
			narrowed = " AND p.unit_id IN (:within)";
			params.put("within", within.stream().map(UnitId::value).toList());
		}
		Map<StaffId, UnitId> people = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.staff_id, p.unit_id, MAX(p.fiscal_month) AS last_month
				FROM quotas_person_month p
				JOIN quotas_version v ON v.id = p.version_id
				JOIN quotas_release r ON r.version_id = p.version_id AND r.unit_id = p.unit_id
				WHERE v.fiscal_year = :year AND v.state = 'PUBLISHED' AND p.fiscal_month IN (:months)
				  AND p.metric IN (:metrics) AND %s%s
				GROUP BY p.staff_id, p.unit_id
				ORDER BY p.staff_id, last_month
				""".formatted(visible, narrowed))
			.params(params)
			.query(rs -> {
				people.put(StaffId.of(rs.getLong(1)), UnitId.of(rs.getLong(2)));
			});
		return people;
	}

	/**
	 * The units with a quota of one of these measures in the year's published version that the reader manages
	 * (their own team's figure is not a salesperson's to see).
	 */
	public List<UnitId> units(int fiscalYear, Set<Metric> metrics, DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String visible = scope.sql(new DataScope.Columns(List.of("u.unit_id"), List.of(), List.of()), params);
		params.put("year", fiscalYear);
		params.put("metrics", metrics.stream().map(Metric::name).toList());
		return jdbc.sql("""
				SELECT DISTINCT u.unit_id
				FROM quotas_unit_month u
				JOIN quotas_version v ON v.id = u.version_id
				WHERE v.fiscal_year = :year AND v.state = 'PUBLISHED' AND u.metric IN (:metrics) AND %s
				ORDER BY u.unit_id
				""".formatted(visible))
			.params(params)
			.query((rs, n) -> UnitId.of(rs.getLong(1)))
			.list();
	}
}
