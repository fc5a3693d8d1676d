package io.rumbo.people.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.CandidateDetail;
import io.rumbo.people.FileView;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.CandidateView;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.Recommendation;
import io.rumbo.people.RequirementView;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.people.RequisitionView;
import io.rumbo.people.StageView;
import io.rumbo.shared.search.SearchText;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of requisitions and candidates, always under a visibility condition the facades work out: the
 * requisitions of the units in the reader's data scope, and the candidates of the units whose candidates the reader
 * may see (everything for PEOPLE, the subtree they lead for a manager, nothing for anyone else). Unit names come from
 * the organisation's API, never its tables.
 */
@Repository
public class RecruitmentQueries {

	public static final Map<String, String> REQUISITION_SORTS = Map.of("requestedOn", "r.requested_on", "status",
			"r.status", "jobRole", "r.job_role", "budgetedCost", "r.budgeted_cost", "decidedOn", "r.decided_on",
			"closedOn", "r.closed_on");

	public static final Map<String, String> CANDIDATE_SORTS = Map.of("appliedOn", "c.applied_on", "lastName",
			"c.last_name", "stage", "s.position", "stageOn", "c.stage_on", "source", "c.source");

	/** Which requisitions: words over the requester, notes and job role; status, unit subtree, reason, role, dates. */
	public record RequisitionFilter(@Nullable String q, @Nullable RequisitionStatus status, @Nullable Set<Long> units,
			@Nullable RequisitionReason reason, @Nullable JobRole jobRole, @Nullable LocalDate from,
			@Nullable LocalDate to, boolean openOnly) {

		public static RequisitionFilter none() {
			return new RequisitionFilter(null, null, null, null, null, null, null, false);
		}
	}

	/** Which candidates: words over the name, e-mail and phone; stage, source, requisition, unit subtree. */
	public record CandidateFilter(@Nullable String q, @Nullable String stage, @Nullable CandidateSource source,
			@Nullable Long requisitionId, @Nullable Set<Long> units) {

		public static CandidateFilter none() {
			return new CandidateFilter(null, null, null, null, null);
		}
	}

	/**
	 * Which candidates a reader sees, as units: {@code all} for PEOPLE, otherwise the units they lead (subtree), which
	 * may be none.
	 */
	public record CandidateScope(boolean all, Set<Long> units) {

		public static final CandidateScope NONE = new CandidateScope(false, Set.of());

		public boolean sees(long unitId) {
			return all || units.contains(unitId);
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

	// ---- candidates

	public PageResponse<CandidateView> candidates(CandidateScope scope, CandidateFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = candidateWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM people_candidate c JOIN people_stage s ON s.code = c.stage" + where)
			.params(params).query(Long.class).single();
		List<CandidateRaw> rows = jdbc.sql(CANDIDATE_SELECT + where + query.orderBy("c.id") + query.limit())
			.params(params).query(RecruitmentQueries::candidateRaw).list();
		return PageResponse.of(namedCandidates(rows), query, total);
	}

	public void eachCandidate(CandidateScope scope, CandidateFilter filter, ListQuery query,
			Consumer<CandidateView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = candidateWhere(scope, filter, params);
		List<CandidateRaw> batch = new ArrayList<>();
		try (var rows = jdbc.sql(CANDIDATE_SELECT + where + query.orderBy("c.id")).params(params)
			.query(RecruitmentQueries::candidateRaw).stream()) {
			rows.forEach(row -> {
				batch.add(row);
				if (batch.size() == 500) {
					namedCandidates(batch).forEach(sink);
					batch.clear();
				}
			});
		}
		namedCandidates(batch).forEach(sink);
	}

	public @Nullable CandidateView candidate(CandidateScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = candidateWhere(scope, CandidateFilter.none(), params) + " AND c.id = :id";
		params.put("id", id);
		List<CandidateRaw> rows = jdbc.sql(CANDIDATE_SELECT + where).params(params)
			.query(RecruitmentQueries::candidateRaw).list();
		return rows.isEmpty() ? null : namedCandidates(rows).get(0);
	}

	public CandidateDetail detail(CandidateView candidate, List<FileView> files) {
		List<CandidateDetail.Document> documents = jdbc.sql("SELECT * FROM people_candidate_document WHERE "
				+ "candidate_id = :id ORDER BY added_on, id").param("id", candidate.id())
			.query((rs, n) -> new CandidateDetail.Document(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")),
					rs.getString("title"), rs.getString("url"), rs.getString("added_by"),
					rs.getObject("added_on", LocalDate.class)))
			.list();
		Map<Long, List<CandidateDetail.Score>> scores = new HashMap<>();
		jdbc.sql("""
				SELECT s.interview_id, s.requirement_id, q.qualification_name, s.score
				FROM people_interview_score s
				JOIN people_interview i ON i.id = s.interview_id
				JOIN people_requisition_requirement q ON q.id = s.requirement_id
				WHERE i.candidate_id = :id ORDER BY q.mandatory DESC, q.qualification_name""")
			.param("id", candidate.id())
			.query(rs -> {
				scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new CandidateDetail.Score(rs.getLong(2), rs.getString(3), rs.getInt(4)));
			});
		List<CandidateDetail.Interview> interviews = jdbc.sql("SELECT * FROM people_interview WHERE candidate_id = :id "
				+ "ORDER BY held_on, id").param("id", candidate.id())
			.query((rs, n) -> new CandidateDetail.Interview(rs.getLong("id"), rs.getString("interviewer"),
					rs.getString("interviewer_name"), rs.getObject("held_on", LocalDate.class), rs.getString("notes"),
					Recommendation.valueOf(rs.getString("recommendation")),
					scores.getOrDefault(rs.getLong("id"), List.of())))
			.list();
		return new CandidateDetail(candidate, documents, files, interviews, requirements(candidate.requisitionId()));
	}

	private static final String CANDIDATE_SELECT = """
			SELECT c.*, s.name_en, s.name_es, s.terminal, r.job_role,
			       (SELECT AVG(CAST(x.score AS DECIMAL(10, 4))) FROM people_interview_score x
			        JOIN people_interview i ON i.id = x.interview_id WHERE i.candidate_id = c.id) AS average_score,
			       (SELECT COUNT(*) FROM people_interview i WHERE i.candidate_id = c.id) AS interviews
			FROM people_candidate c
			JOIN people_stage s ON s.code = c.stage
			JOIN people_requisition r ON r.id = c.requisition_id""";

	private String candidateWhere(CandidateScope scope, CandidateFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ");
		if (scope.all()) {
			where.append("1 = 1");
		}
		else if (scope.units().isEmpty()) {
			where.append("1 = 0");
		}
		else {
			where.append("c.unit_id IN (:scopeUnits)");
			params.put("scopeUnits", scope.units());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			int i = 0;
			for (String word : SearchText.words(filter.q())) {
				where.append(" AND ").append(SearchText.folded("c.first_name", "c.last_name", "c.email", "c.phone"))
					.append(" LIKE :w").append(i);
				params.put("w" + i, "%" + word + "%");
				i++;
			}
		}
		if (filter.stage() != null && !filter.stage().isBlank()) {
			where.append(" AND c.stage = :stage");
			params.put("stage", filter.stage());
		}
		if (filter.source() != null) {
			where.append(" AND c.source = :source");
			params.put("source", filter.source().name());
		}
		if (filter.requisitionId() != null) {
			where.append(" AND c.requisition_id = :requisition");
			params.put("requisition", filter.requisitionId());
		}
		if (filter.units() != null) {
			where.append(filter.units().isEmpty() ? " AND 1 = 0" : " AND c.unit_id IN (:units)");
			params.put("units", filter.units());
		}
		return where.toString();
	}

	private record CandidateRaw(long id, long version, long requisitionId, long unitId, JobRole jobRole,
			String firstName, String lastName, @Nullable String email, @Nullable String phone, CandidateSource source,
			@Nullable String sourceDetail, String stage, String nameEn, String nameEs, boolean terminal,
			LocalDate appliedOn, LocalDate stageOn, @Nullable String rejectionReason, @Nullable LocalDate hiredOn,
			@Nullable Long staffId, @Nullable BigDecimal averageScore, long interviews) {
	}

	private static CandidateRaw candidateRaw(ResultSet rs, int n) throws SQLException {
		return new CandidateRaw(rs.getLong("id"), rs.getLong("version"), rs.getLong("requisition_id"),
				rs.getLong("unit_id"), JobRole.valueOf(rs.getString("job_role")), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
				CandidateSource.valueOf(rs.getString("source")), rs.getString("source_detail"), rs.getString("stage"),
				rs.getString("name_en"), rs.getString("name_es"), rs.getBoolean("terminal"),
				rs.getObject("applied_on", LocalDate.class), rs.getObject("stage_on", LocalDate.class),
				rs.getString("rejection_reason"), rs.getObject("hired_on", LocalDate.class),
				rs.getObject("staff_id", Long.class), rs.getBigDecimal("average_score"), rs.getLong("interviews"));
	}

	private List<CandidateView> namedCandidates(List<CandidateRaw> rows) {
		Map<Long, String> units = org.unitNames(rows.stream().map(CandidateRaw::unitId).collect(Collectors.toSet()));
		boolean spanish = "es".equals(LocaleContextHolder.getLocale().getLanguage());
		return rows.stream().map(c -> new CandidateView(c.id(), c.version(), c.requisitionId(), c.unitId(),
				units.getOrDefault(c.unitId(), "#" + c.unitId()), c.jobRole(), c.firstName(), c.lastName(), c.email(),
				c.phone(), c.source(), c.sourceDetail(), c.stage(), spanish ? c.nameEs() : c.nameEn(), c.terminal(),
				c.appliedOn(), c.stageOn(), c.rejectionReason(), c.hiredOn(), c.staffId(),
				c.averageScore() == null ? null : c.averageScore().setScale(2, RoundingMode.HALF_UP), c.interviews()))
			.toList();
	}

	// ---- stages

	public List<StageView> stages(boolean includeArchived) {
		return jdbc.sql("SELECT * FROM people_stage" + (includeArchived ? "" : " WHERE archived = FALSE")
				+ " ORDER BY position, code")
			.query((rs, n) -> new StageView(rs.getString("code"), rs.getString("name_en"), rs.getString("name_es"),
					rs.getInt("position"), rs.getBoolean("terminal"), rs.getBoolean("archived"), rs.getLong("version")))
			.list();
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
