package io.rumbo.people;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.ProgrammeRow;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reading training: programmes and their sessions (everyone reads them, to enrol), and enrolments within the reader's
 * data scope in SQL (a rep their own, a manager their subtree's, PEOPLE and the company-wide roles all); an enrolment
 * outside it is 404.
 */
@Service
public class TrainingQueries {

	public static final Map<String, String> PROGRAMME_SORTS = Map.of("name", "p.name", "code", "p.code", "kind",
			"p.kind");

	public static final Map<String, String> ENROLMENT_SORTS = Map.of("person", "pp.full_name", "startsOn",
			"s.starts_on", "status", "e.status", "programme", "p.name", "enrolledOn", "e.enrolled_on");

	public record ProgrammeFilter(@Nullable String q, @Nullable ProgrammeKind kind, @Nullable Boolean archived) {
	}

	public record EnrolmentFilter(@Nullable String q, @Nullable Long programmeId, @Nullable Long sessionId,
			@Nullable Long staffId, @Nullable Long unitId, @Nullable EnrolmentStatus status) {

		public static EnrolmentFilter ofSession(long sessionId) {
			return new EnrolmentFilter(null, null, sessionId, null, null, null);
		}

		public static EnrolmentFilter ofPerson(long staffId) {
			return new EnrolmentFilter(null, null, null, staffId, null, null);
		}
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final ExportCursor cursor;
	private final Clock clock;

	TrainingQueries(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, ExportCursor cursor, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.cursor = cursor;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<ProgrammeRow> programmes(ProgrammeFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!Boolean.TRUE.equals(filter.archived())) {
			where.append(" AND p.archived = FALSE");
		}
		if (filter.kind() != null) {
			where.append(" AND p.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(p.name) LIKE :q OR LOWER(p.code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		params.put("today", LocalDate.now(clock));
		long total = jdbc.sql("SELECT COUNT(*) FROM people_programme p" + where).params(params).query(Long.class)
			.single();
		List<ProgrammeRow> rows = jdbc.sql("""
				SELECT p.id, p.code, p.name, p.kind, q.name AS q_name, p.grant_level, p.archived,
				  (SELECT COUNT(*) FROM people_session s WHERE s.programme_id = p.id AND s.cancelled = FALSE) AS sessions,
				  (SELECT MIN(s.starts_on) FROM people_session s WHERE s.programme_id = p.id AND s.cancelled = FALSE
				     AND s.starts_on >= :today) AS next_on,
				  (SELECT COUNT(*) FROM people_enrolment e WHERE e.programme_id = p.id
				     AND e.status IN ('ENROLLED', 'ATTENDED')) AS enrolled,
				  (SELECT COUNT(*) FROM people_enrolment e WHERE e.programme_id = p.id AND e.status = 'COMPLETED')
				     AS completed
				FROM people_programme p LEFT JOIN people_qualification q ON q.id = p.qualification_id""" + where
				+ query.orderBy("p.id") + query.limit())
			.params(params)
			.query((rs, n) -> new ProgrammeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					ProgrammeKind.valueOf(rs.getString("kind")), rs.getString("q_name"),
					(Integer) rs.getObject("grant_level", Integer.class), rs.getInt("sessions"),
					rs.getObject("next_on", LocalDate.class), rs.getInt("enrolled"), rs.getInt("completed"),
					rs.getBoolean("archived")))
			.list();
		return PageResponse.of(rows, query, total);
	}

	@Transactional(readOnly = true)
	public ProgrammeView programme(ProgrammeId id) {
		List<ProgrammeView> found = jdbc.sql("""
				SELECT p.*, q.name AS q_name FROM people_programme p
				LEFT JOIN people_qualification q ON q.id = p.qualification_id WHERE p.id = :id""")
			.param("id", id.value())
			.query((rs, n) -> new ProgrammeView(rs.getLong("id"), rs.getLong("version"), rs.getString("code"),
					rs.getString("name"), ProgrammeKind.valueOf(rs.getString("kind")), rs.getString("description"),
					(Long) rs.getObject("qualification_id", Long.class), rs.getString("q_name"),
					(Integer) rs.getObject("grant_level", Integer.class), rs.getBigDecimal("pass_score"),
					rs.getBoolean("archived"), List.of()))
			.list();
		if (found.isEmpty()) {
			throw new NotFoundException("programme", id.value());
		}
		ProgrammeView p = found.get(0);
		return new ProgrammeView(p.id(), p.version(), p.code(), p.name(), p.kind(), p.description(),
				p.qualificationId(), p.qualificationName(), p.grantLevel(), p.passScore(), p.archived(),
				sessions(" WHERE s.programme_id = :id ORDER BY s.starts_on, s.id", Map.of("id", p.id())));
	}

	@Transactional(readOnly = true)
	public SessionView session(SessionId id) {
		List<SessionView> found = sessions(" WHERE s.id = :id", Map.of("id", id.value()));
		if (found.isEmpty()) {
			throw new NotFoundException("session", id.value());
		}
		return found.get(0);
	}

	/** The sessions still open to enrolment (not cancelled, not ended), of every programme or of one. */
	@Transactional(readOnly = true)
	public List<SessionOption> openSessions(@Nullable Long programmeId, @Nullable Long grantingQualificationId) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", LocalDate.now(clock));
		StringBuilder where = new StringBuilder(" WHERE s.cancelled = FALSE AND s.ends_on >= :today AND p.archived = FALSE");
		if (programmeId != null) {
			where.append(" AND p.id = :programme");
			params.put("programme", programmeId);
		}
		if (grantingQualificationId != null) {
			where.append(" AND p.qualification_id = :qualification");
			params.put("qualification", grantingQualificationId);
		}
		return jdbc.sql("""
				SELECT s.id, p.name, s.title, s.starts_on, s.capacity,
				  (SELECT COUNT(*) FROM people_enrolment e WHERE e.session_id = s.id AND e.status <> 'CANCELLED')
				FROM people_session s JOIN people_programme p ON p.id = s.programme_id""" + where
				+ " ORDER BY s.starts_on, s.id")
			.params(params)
			.query((rs, n) -> new SessionOption(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), Math.max(0, rs.getInt(5) - rs.getInt(6))))
			.list();
	}

	public static final Map<String, String> SESSION_SORTS = Map.of("startsOn", "s.starts_on", "title", "s.title");

	/** Sessions, of one programme or all; {@code open} true keeps those not cancelled and not ended. */
	@Transactional(readOnly = true)
	public PageResponse<SessionView> sessions(@Nullable Long programmeId, @Nullable Boolean open, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (programmeId != null) {
			where.append(" AND s.programme_id = :programme");
			params.put("programme", programmeId);
		}
		if (Boolean.TRUE.equals(open)) {
			where.append(" AND s.cancelled = FALSE AND s.ends_on >= :today");
			params.put("today", LocalDate.now(clock));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM people_session s" + where).params(params).query(Long.class)
			.single();
		return PageResponse.of(sessions(where + query.orderBy("s.id") + query.limit(), params), query, total);
	}

	/** A session to pick in a form: its programme, title, start and free seats. */
	public record SessionOption(long id, String programme, String title, LocalDate startsOn, int free) {
	}

	private List<SessionView> sessions(String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT s.*, (SELECT COUNT(*) FROM people_enrolment e WHERE e.session_id = s.id
				                AND e.status <> 'CANCELLED') AS taken
				FROM people_session s""" + where)
			.params(params)
			.query((rs, n) -> new SessionView(rs.getLong("id"), rs.getLong("version"), rs.getLong("programme_id"),
					rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), rs.getString("trainer"), rs.getString("location"),
					rs.getInt("capacity"), rs.getInt("taken"), rs.getBoolean("cancelled")))
			.list();
	}

	// ---- enrolments

	private static final String ENROLMENTS = """
			 FROM people_enrolment e
			JOIN people_session s ON s.id = e.session_id
			JOIN people_programme p ON p.id = e.programme_id
			JOIN people_person pp ON pp.staff_id = e.staff_id""";

	private static final String ENROLMENT_COLUMNS = "SELECT e.*, s.title, s.starts_on, s.ends_on, p.name AS p_name, "
			+ "pp.full_name, pp.unit_id";

	@Transactional(readOnly = true)
	public PageResponse<EnrolmentView> enrolments(CurrentUser actor, EnrolmentFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + ENROLMENTS + where).params(params).query(Long.class).single();
		return PageResponse.of(named(jdbc.sql(ENROLMENT_COLUMNS + ENROLMENTS + where + query.orderBy("e.id")
				+ query.limit()).params(params).query(TrainingQueries::enrolment).list()), query, total);
	}

	@Transactional(readOnly = true)
	public void eachEnrolment(CurrentUser actor, EnrolmentFilter filter, ListQuery query,
			Consumer<EnrolmentView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		cursor.each(ENROLMENT_COLUMNS + ENROLMENTS + where + query.orderBy("e.id"), params, TrainingQueries::enrolment,
				this::named, sink);
	}

	@Transactional(readOnly = true)
	public EnrolmentView enrolment(CurrentUser actor, EnrolmentId id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, new EnrolmentFilter(null, null, null, null, null, null), params) + " AND e.id = :id";
		params.put("id", id.value());
		List<EnrolmentView> found = named(jdbc.sql(ENROLMENT_COLUMNS + ENROLMENTS + where).params(params)
			.query(TrainingQueries::enrolment).list());
		if (found.isEmpty()) {
			throw new NotFoundException("enrolment", id.value());
		}
		return found.get(0);
	}

	/**
	 * The enrolments of these ids that improvement plans made (source IMPROVEMENT), whatever the reader's scope: a plan
	 * withdraws what it made on its own behalf.
	 */
	@Transactional(readOnly = true)
	List<EnrolmentView> madeByPlans(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return named(jdbc.sql(ENROLMENT_COLUMNS + ENROLMENTS + " WHERE e.source = 'IMPROVEMENT' AND e.id IN (:ids) "
				+ "ORDER BY e.id").param("ids", ids).query(TrainingQueries::enrolment).list());
	}

	/** The enrolments of these ids the actor may see (the others are left out, never refused). */
	@Transactional(readOnly = true)
	public List<EnrolmentView> enrolments(CurrentUser actor, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, new EnrolmentFilter(null, null, null, null, null, null), params)
				+ " AND e.id IN (:ids)";
		params.put("ids", ids);
		return named(jdbc.sql(ENROLMENT_COLUMNS + ENROLMENTS + where + " ORDER BY e.id").params(params)
			.query(TrainingQueries::enrolment).list());
	}

	private String where(CurrentUser actor, EnrolmentFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scopes.of(actor).sql(StaffQualifications.COLUMNS, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(pp.full_name) LIKE :q OR LOWER(p.name) LIKE :q OR LOWER(s.title) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		if (filter.programmeId() != null) {
			where.append(" AND e.programme_id = :programme");
			params.put("programme", filter.programmeId());
		}
		if (filter.sessionId() != null) {
			where.append(" AND e.session_id = :session");
			params.put("session", filter.sessionId());
		}
		if (filter.staffId() != null) {
			where.append(" AND e.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.unitId() != null) {
			where.append(" AND pp.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		if (filter.status() != null) {
			where.append(" AND e.status = :status");
			params.put("status", filter.status().name());
		}
		return where.toString();
	}

	private static EnrolmentView enrolment(ResultSet rs, int n) throws SQLException {
		BigDecimal score = rs.getBigDecimal("score");
		return new EnrolmentView(rs.getLong("id"), rs.getLong("version"), rs.getLong("session_id"),
				rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getLong("programme_id"), rs.getString("p_name"),
				rs.getLong("staff_id"), rs.getString("full_name"), rs.getLong("unit_id"), null,
				EnrolmentStatus.valueOf(rs.getString("status")), EnrolmentSource.valueOf(rs.getString("source")),
				rs.getString("enrolled_by"), rs.getObject("enrolled_on", LocalDate.class), rs.getString("note"),
				rs.getBoolean("attended"), score == null ? null : score.stripTrailingZeros(),
				rs.getObject("completed_on", LocalDate.class));
	}

	private List<EnrolmentView> named(List<EnrolmentView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, String> units = org.unitNames(rows.stream().map(EnrolmentView::unitId).distinct().toList());
		List<EnrolmentView> named = new ArrayList<>(rows.size());
		for (EnrolmentView e : rows) {
			named.add(new EnrolmentView(e.id(), e.version(), e.sessionId(), e.sessionTitle(), e.startsOn(), e.endsOn(),
					e.programmeId(), e.programmeName(), e.staffId(), e.personName(), e.unitId(), units.get(e.unitId()),
					e.status(), e.source(), e.enrolledBy(), e.enrolledOn(), e.note(), e.attended(), e.score(),
					e.completedOn()));
		}
		return named;
	}
}
