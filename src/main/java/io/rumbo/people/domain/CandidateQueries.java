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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.CandidateDetail;
import io.rumbo.people.FileView;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.CandidateView;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.Recommendation;
import io.rumbo.people.StageView;
import io.rumbo.shared.search.SearchText;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The SQL reads of candidates (decision 0036): lists and one candidate within the reader's candidate scope, a
 * candidate's page (document links, interviews with scores; files come from the file store) and the pipeline's stages.
 */
@Repository
public class CandidateQueries {

	public static final Map<String, String> CANDIDATE_SORTS = Map.of("appliedOn", "c.applied_on", "lastName",
			"c.last_name", "stage", "s.position", "stageOn", "c.stage_on", "source", "c.source");

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
	private final RecruitmentQueries requisitions;

	CandidateQueries(JdbcClient jdbc, OrgDirectory org, RecruitmentQueries requisitions) {
		this.jdbc = jdbc;
		this.org = org;
		this.requisitions = requisitions;
	}

	// ---- candidates

	public PageResponse<CandidateView> candidates(CandidateScope scope, CandidateFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = candidateWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM people_candidate c JOIN people_stage s ON s.code = c.stage" + where)
			.params(params).query(Long.class).single();
		List<CandidateRaw> rows = jdbc.sql(CANDIDATE_SELECT + where + query.orderBy("c.id") + query.limit())
			.params(params).query(CandidateQueries::candidateRaw).list();
		return PageResponse.of(namedCandidates(rows), query, total);
	}

	public void eachCandidate(CandidateScope scope, CandidateFilter filter, ListQuery query,
			Consumer<CandidateView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = candidateWhere(scope, filter, params);
		List<CandidateRaw> batch = new ArrayList<>();
		try (var rows = jdbc.sql(CANDIDATE_SELECT + where + query.orderBy("c.id")).params(params)
			.query(CandidateQueries::candidateRaw).stream()) {
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
			.query(CandidateQueries::candidateRaw).list();
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
		return new CandidateDetail(candidate, documents, files, interviews, requisitions.requirements(candidate.requisitionId()));
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
}
