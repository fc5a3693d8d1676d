package io.rumbo.people.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.RequirementView;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.people.RequisitionView;
import io.rumbo.shared.search.SearchText;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of requisitions, always under the reader's data scope (the facades work it out), and the lock and
 * counts of raising one; candidates are read by {@link CandidateQueries}, the figures by
 * {@link RecruitmentFigureQueries}. Unit names come from
 * the organisation's API, never its tables.
 */
@Repository
public class RecruitmentQueries {

	public static final Map<String, String> REQUISITION_SORTS = Map.of("requestedOn", "r.requested_on", "status",
			"r.status", "jobRole", "r.job_role", "budgetedCost", "r.budgeted_cost", "decidedOn", "r.decided_on",
			"closedOn", "r.closed_on");

	/** Which requisitions: words over the requester, notes and job role; status, unit subtree, reason, role, dates. */
	public record RequisitionFilter(@Nullable String q, @Nullable RequisitionStatus status, @Nullable Set<Long> units,
			@Nullable RequisitionReason reason, @Nullable JobRole jobRole, @Nullable LocalDate from,
			@Nullable LocalDate to, boolean openOnly) {

		public static RequisitionFilter none() {
			return new RequisitionFilter(null, null, null, null, null, null, null, false);
		}
	}

	private final JdbcClient jdbc;
	private final OrgDirectory org;

	RecruitmentQueries(JdbcClient jdbc, OrgDirectory org) {
		this.jdbc = jdbc;
		this.org = org;
	}

	// ---- requisitions

	public PageResponse<RequisitionView> requisitions(DataScope scope, RequisitionFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = requisitionWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM people_requisition r" + where).params(params).query(Long.class)
			.single();
		List<Raw> rows = jdbc.sql(REQUISITION_SELECT + where + query.orderBy("r.id") + query.limit()).params(params)
			.query(RecruitmentQueries::raw).list();
		return PageResponse.of(named(rows), query, total);
	}

	public void eachRequisition(DataScope scope, RequisitionFilter filter, ListQuery query,
			Consumer<RequisitionView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = requisitionWhere(scope, filter, params);
		List<Raw> batch = new ArrayList<>();
		try (var rows = jdbc.sql(REQUISITION_SELECT + where + query.orderBy("r.id")).params(params)
			.query(RecruitmentQueries::raw).stream()) {
			rows.forEach(row -> {
				batch.add(row);
				if (batch.size() == 500) {
					named(batch).forEach(sink);
					batch.clear();
				}
			});
		}
		named(batch).forEach(sink);
	}

	public @Nullable RequisitionView requisition(DataScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = requisitionWhere(scope, RequisitionFilter.none(), params) + " AND r.id = :id";
		params.put("id", id);
		List<Raw> rows = jdbc.sql(REQUISITION_SELECT + where).params(params).query(RecruitmentQueries::raw).list();
		return rows.isEmpty() ? null : named(rows).get(0);
	}

	/**
	 * Serialises the raising of requisitions until the transaction ends: a lock on the fixed HIRED stage row, a row
	 * of this module that always exists and never changes (HIRED is fixed), so that two raises for the same position
	 * never both count the open requisitions before either has inserted its own. Raising is rare; one lock for the
	 * company is simpler than a row per position, which organization owns.
	 */
	public void lockRaising() {
		jdbc.sql("SELECT code FROM people_stage WHERE code = 'HIRED' FOR UPDATE").query(String.class).list();
	}

	/** How many open requisitions there are for a position (a vacancy takes at most one each). */
	public int openRequisitions(long positionId) {
		return jdbc.sql("SELECT COUNT(*) FROM people_requisition WHERE position_id = :p AND status IN ('DRAFT', "
				+ "'SUBMITTED', 'APPROVED')").param("p", positionId).query(Integer.class).single();
	}

	/**
	 * Copies the job role's requirements into the requisition: the company-wide ones and those of the requisition's
	 * unit, one row per qualification at the highest minimum level asked, required if any of them requires it.
	 */
	public int copyRequirements(long requisitionId, JobRole jobRole, long unitId) {
		return jdbc.sql("""
				INSERT INTO people_requisition_requirement (requisition_id, qualification_id, qualification_name,
				    min_level, mandatory)
				SELECT :requisition, r.qualification_id, q.name, MAX(r.min_level),
				       CASE WHEN MAX(CASE WHEN r.importance = 'REQUIRED' THEN 1 ELSE 0 END) = 1 THEN TRUE ELSE FALSE END
				FROM people_role_requirement r
				JOIN people_qualification q ON q.id = r.qualification_id
				WHERE r.job_role = :role AND (r.unit_id IS NULL OR r.unit_id = :unit) AND q.archived = FALSE
				GROUP BY r.qualification_id, q.name""")
			.param("requisition", requisitionId)
			.param("role", jobRole.name())
			.param("unit", unitId)
			.update();
	}

	/** Forgets a draft's copied requirements (before copying those of its new position). */
	public void dropRequirements(long requisitionId) {
		jdbc.sql("DELETE FROM people_requisition_requirement WHERE requisition_id = :id").param("id", requisitionId)
			.update();
	}

	/** How many candidates a requisition has. */
	public int candidateCount(long requisitionId) {
		return jdbc.sql("SELECT COUNT(*) FROM people_candidate WHERE requisition_id = :id").param("id", requisitionId)
			.query(Integer.class).single();
	}

	public List<RequirementView> requirements(long requisitionId) {
		return requirements(List.of(requisitionId)).getOrDefault(requisitionId, List.of());
	}

	private Map<Long, List<RequirementView>> requirements(List<Long> requisitionIds) {
		if (requisitionIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<RequirementView>> byRequisition = new HashMap<>();
		jdbc.sql("SELECT * FROM people_requisition_requirement WHERE requisition_id IN (:ids) ORDER BY mandatory DESC, "
				+ "qualification_name, id").param("ids", requisitionIds).query(rs -> {
					byRequisition.computeIfAbsent(rs.getLong("requisition_id"), k -> new ArrayList<>())
						.add(new RequirementView(rs.getLong("id"), rs.getLong("qualification_id"),
								rs.getString("qualification_name"), rs.getInt("min_level"), rs.getBoolean("mandatory")));
				});
		return byRequisition;
	}

	private static final String REQUISITION_SELECT = "SELECT r.*, (SELECT COUNT(*) FROM people_candidate c WHERE "
			+ "c.requisition_id = r.id) AS candidates FROM people_requisition r";

	private String requisitionWhere(DataScope scope, RequisitionFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scope.sql(new DataScope.Columns(List.of("r.unit_id"), List.of(), List.of()), params));
		if (filter.q() != null && !filter.q().isBlank()) {
			int i = 0;
			for (String word : SearchText.words(filter.q())) {
				where.append(" AND ").append(SearchText.folded("r.requested_by_name", "r.notes", "r.job_role"))
					.append(" LIKE :w").append(i);
				params.put("w" + i, "%" + word.replace(' ', '_') + "%");
				i++;
			}
		}
		if (filter.status() != null) {
			where.append(" AND r.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.openOnly()) {
			where.append(" AND r.status IN ('DRAFT', 'SUBMITTED', 'APPROVED')");
		}
		if (filter.units() != null) {
			where.append(filter.units().isEmpty() ? " AND 1 = 0" : " AND r.unit_id IN (:units)");
			params.put("units", filter.units());
		}
		if (filter.reason() != null) {
			where.append(" AND r.reason = :reason");
			params.put("reason", filter.reason().name());
		}
		if (filter.jobRole() != null) {
			where.append(" AND r.job_role = :jobRole");
			params.put("jobRole", filter.jobRole().name());
		}
		if (filter.from() != null) {
			where.append(" AND r.requested_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND r.requested_on <= :to");
			params.put("to", filter.to());
		}
		return where.toString();
	}

	private record Raw(long id, long version, long positionId, long unitId, JobRole jobRole, RequisitionReason reason,
			@Nullable Long replacesStaffId, BigDecimal budgetedCost, @Nullable String notes, RequisitionStatus status,
			String requestedBy, String requestedByName, LocalDate requestedOn, @Nullable LocalDate submittedOn,
			@Nullable String decidedBy, @Nullable LocalDate decidedOn, @Nullable String rejectionReason,
			@Nullable LocalDate closedOn, @Nullable Long hiredCandidateId, long candidates) {
	}

	private static Raw raw(ResultSet rs, int n) throws SQLException {
		return new Raw(rs.getLong("id"), rs.getLong("version"), rs.getLong("position_id"), rs.getLong("unit_id"),
				JobRole.valueOf(rs.getString("job_role")), RequisitionReason.valueOf(rs.getString("reason")),
				rs.getObject("replaces_staff_id", Long.class), rs.getBigDecimal("budgeted_cost"), rs.getString("notes"),
				RequisitionStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
				rs.getString("requested_by_name"), rs.getObject("requested_on", LocalDate.class),
				rs.getObject("submitted_on", LocalDate.class), rs.getString("decided_by"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("rejection_reason"),
				rs.getObject("closed_on", LocalDate.class), rs.getObject("hired_candidate_id", Long.class),
				rs.getLong("candidates"));
	}

	private List<RequisitionView> named(List<Raw> rows) {
		Map<Long, String> units = org.unitNames(rows.stream().map(Raw::unitId).collect(Collectors.toSet()));
		Map<Long, List<RequirementView>> requirements = requirements(rows.stream().map(Raw::id).toList());
		return rows.stream().map(r -> new RequisitionView(r.id(), r.version(), r.positionId(), r.unitId(),
				units.getOrDefault(r.unitId(), "#" + r.unitId()), r.jobRole(), r.reason(), r.replacesStaffId(),
				r.budgetedCost().setScale(2, RoundingMode.HALF_UP), r.notes(), r.status(), r.requestedBy(),
				r.requestedByName(), r.requestedOn(), r.submittedOn(), r.decidedBy(), r.decidedOn(),
				r.rejectionReason(), r.closedOn(), r.hiredCandidateId(), r.candidates(),
				requirements.getOrDefault(r.id(), List.of()))).toList();
	}
}
