package io.rumbo.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffId;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.GapEnrolment;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.domain.Enrolment;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Running training: PEOPLE keeps programmes and their sessions; people are enrolled in a session by themselves, by a
 * manager for their subtree, by PEOPLE, on hiring (onboarding), from the gap report and from an improvement plan
 * ({@link #enrolForImprovement}). A session holds at most its capacity (seats of every enrolment not cancelled,
 * counted under a lock on the session) and a person at most one open enrolment per programme. PEOPLE records
 * attendance and completion with a score; a completion that passes grants the programme's qualification
 * ({@link QualificationGranted}).
 */
@Service
public class Training {

	static final String AUDIT_ENROLMENT = "PEOPLE_ENROLMENT";

	private final JdbcClient jdbc;
	private final TrainingQueries queries;
	private final Qualifications catalogue;
	private final StaffQualifications holdings;
	private final GapReport gaps;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Training(JdbcClient jdbc, TrainingQueries queries, Qualifications catalogue, StaffQualifications holdings,
			GapReport gaps, DataScopes scopes, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.catalogue = catalogue;
		this.holdings = holdings;
		this.gaps = gaps;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- enrolling

	/**
	 * Enrols a person in a session: themselves (SELF), a person of the manager's subtree (MANAGER), anyone for PEOPLE
	 * and the director (PEOPLE). A person outside the actor's reach is "not found".
	 */
	@Transactional
	public EnrolmentView enrol(CurrentUser actor, SessionId session, long staffId, @Nullable String note) {
		EnrolmentSource source = sourceFor(actor, staffId);
		long id = place(session.value(), staffId, source, actor.username(), note,
				PeopleAccess.mayManage(actor));
		return queries.enrolment(actor, EnrolmentId.of(id));
	}

	/**
	 * Enrols a person as support promised by an improvement plan: the improvement module (later in the module order)
	 * calls this for the plan's person, with the plan's manager as the actor; the same rules as {@link #enrol}.
	 */
	@Transactional
	public EnrolmentView enrolForImprovement(CurrentUser actor, SessionId session, long staffId, String planTitle) {
		sourceFor(actor, staffId);
		long id = place(session.value(), staffId, EnrolmentSource.IMPROVEMENT, actor.username(), planTitle, false);
		return queries.enrolment(actor, EnrolmentId.of(id));
	}

	/**
	 * Withdraws an enrolment an improvement plan made, when its support action is removed or the plan cancelled: an
	 * enrolment still only enrolled is cancelled (seat freed, audited as WITHDRAW); one attended, completed, failed or
	 * already cancelled stays as it is, as history. The plan owns the enrolment: it is withdrawn on the plan's behalf
	 * even when the actor no longer sees the person (moved to another team), audited with the actor. Answers whether
	 * it was withdrawn.
	 */
	@Transactional
	public boolean withdrawForImprovement(CurrentUser actor, EnrolmentId id) {
		List<EnrolmentView> found = queries.madeByPlans(List.of(id.value()));
		if (found.isEmpty() || found.get(0).status() != EnrolmentStatus.ENROLLED || found.get(0).attended()) {
			return false;
		}
		EnrolmentView before = found.get(0);
		Enrolment e = state(before, before.version());
		e.cancel();
		if (!update(before, e)) {
			throw new StaleVersionException(before.version(), queries.madeByPlans(List.of(id.value())).get(0));
		}
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("status", EnrolmentStatus.CANCELLED);
		after.put("onBehalfOf", "IMPROVEMENT_PLAN");
		after.put("by", actor.username());
		audit.record(AUDIT_ENROLMENT, before.id(), "WITHDRAW", before, after, before.personName() + " · "
				+ before.programmeName());
		return true;
	}

	/**
	 * Enrols the people the gap report shows lacking a qualification (within the filter and the actor's scope) in a
	 * session of a programme that grants it: those already enrolled in the programme are counted and skipped, and
	 * once the session is full the rest are counted as without a seat.
	 */
	@Transactional
	public GapEnrolment enrolGaps(CurrentUser actor, long qualificationId, SessionId session, GapReport.Filter filter) {
		if (!PeopleAccess.mayEnrolOthers(actor)) {
			throw new AccessRefusedException("people");
		}
		SessionView s = queries.session(session);
		ProgrammeView p = queries.programme(ProgrammeId.of(s.programmeId()));
		if (p.qualificationId() == null || p.qualificationId() != qualificationId) {
			throw ValidationFailedException.of("sessionId", "people.gaps.sessionDoesNotGrant");
		}
		EnrolmentSource source = EnrolmentSource.GAP_REPORT;
		int enrolled = 0;
		int already = 0;
		int noSeat = 0;
		List<Long> staff = new ArrayList<>();
		DataScope scope = scopes.of(actor);
		for (Long person : gaps.peopleMissing(actor, filter, qualificationId)) {
			Optional<Long> unit = unitOf(person);
			if (unit.isEmpty() || !scope.managesUnit(unit.get())) {
				continue;
			}
			if (openIn(person, p.id())) {
				already++;
				continue;
			}
			try {
				place(session.value(), person, source, actor.username(), null, false);
				enrolled++;
				staff.add(person);
			}
			catch (ConflictException full) {
				if (!"people.enrolment.full".equals(full.messageKey())) {
					throw full;
				}
				noSeat++;
			}
		}
		return new GapEnrolment(session.value(), enrolled, already, noSeat, staff);
	}

	/**
	 * Enrols a new hire in the next onboarding session that has a free seat (the earliest not yet ended); answers
	 * the enrolment, or nothing when no onboarding session is open or they are already enrolled in onboarding.
	 */
	@Transactional
	public Optional<Long> enrolNewHire(long staffId) {
		LocalDate today = LocalDate.now(clock);
		List<Long> sessions = jdbc.sql("""
				SELECT s.id FROM people_session s JOIN people_programme p ON p.id = s.programme_id
				WHERE p.kind = 'ONBOARDING' AND p.archived = FALSE AND s.cancelled = FALSE AND s.ends_on >= :today
				  AND (SELECT COUNT(*) FROM people_enrolment e WHERE e.session_id = s.id AND e.status <> 'CANCELLED')
				      < s.capacity
				ORDER BY s.starts_on, s.id""").param("today", today).query(Long.class).list();
		boolean enrolled = jdbc.sql("""
				SELECT COUNT(*) FROM people_enrolment e JOIN people_programme p ON p.id = e.programme_id
				WHERE e.staff_id = :staff AND p.kind = 'ONBOARDING' AND e.status <> 'CANCELLED'""")
			.param("staff", staffId).query(Long.class).single() > 0;
		if (sessions.isEmpty() || enrolled) {
			return Optional.empty();
		}
		for (Long session : sessions) {
			try {
				return Optional.of(place(session, staffId, EnrolmentSource.HIRING, "system", null, false));
			}
			catch (ConflictException full) {
				// Filled meanwhile: the next session.
			}
		}
		return Optional.empty();
	}

	private EnrolmentSource sourceFor(CurrentUser actor, long staffId) {
		DataScope scope = scopes.of(actor);
		Optional<Long> unit = unitOf(staffId);
		if (unit.isEmpty()) {
			throw new NotFoundException("person", staffId);
		}
		if (scope.ownStaffId() != null && scope.ownStaffId() == staffId) {
			return EnrolmentSource.SELF;
		}
		if (PeopleAccess.mayManage(actor) || actor.has(Role.DIRECTOR)) {
			return EnrolmentSource.PEOPLE;
		}
		if (actor.has(Role.MANAGER) && scope.managesUnit(unit.get())) {
			return EnrolmentSource.MANAGER;
		}
		if (scope.seesStaff(staffId, unit.get())) {
			throw new AccessRefusedException("people");
		}
		throw new NotFoundException("person", staffId);
	}

	private Optional<Long> unitOf(long staffId) {
		return jdbc.sql("SELECT unit_id FROM people_person WHERE staff_id = :s AND active = TRUE").param("s", staffId)
			.query(Long.class).optional();
	}

	private boolean openIn(long staffId, long programmeId) {
		return jdbc.sql("SELECT COUNT(*) FROM people_enrolment WHERE staff_id = :s AND programme_id = :p AND status IN "
				+ "('ENROLLED', 'ATTENDED')").param("s", staffId).param("p", programmeId).query(Long.class).single() > 0;
	}

	private record LockedSession(long id, long programmeId, LocalDate startsOn, LocalDate endsOn, int capacity,
			boolean cancelled, boolean programmeArchived, String title) {
	}

	/**
	 * Takes a seat, under a lock on the session row so that two enrolments never both take the last seat. A session
	 * that has ended takes no one, except when PEOPLE records a training already held ({@code past}).
	 */
	private long place(long sessionId, long staffId, EnrolmentSource source, String by, @Nullable String note,
			boolean past) {
		LockedSession s = jdbc.sql("SELECT id, programme_id, starts_on, ends_on, capacity, cancelled, title FROM "
				+ "people_session WHERE id = :id FOR UPDATE")
			.param("id", sessionId)
			.query((rs, n) -> new LockedSession(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getBoolean(6), false, rs.getString(7)))
			.optional()
			.orElseThrow(() -> new NotFoundException("session", sessionId));
		boolean archived = jdbc.sql("SELECT archived FROM people_programme WHERE id = :id").param("id", s.programmeId())
			.query(Boolean.class).single();
		LocalDate today = LocalDate.now(clock);
		if (s.cancelled() || archived || (!past && s.endsOn().isBefore(today))) {
			throw new ConflictException("people.enrolment.sessionClosed", s.title());
		}
		if (unitOf(staffId).isEmpty()) {
			throw ValidationFailedException.of("staffId", "people.holding.unknownPerson");
		}
		if (openIn(staffId, s.programmeId())) {
			throw new ConflictException("people.enrolment.duplicate");
		}
		int taken = jdbc.sql("SELECT COUNT(*) FROM people_enrolment WHERE session_id = :s AND status <> 'CANCELLED'")
			.param("s", sessionId).query(Integer.class).single();
		if (!Enrolment.seatFree(taken, s.capacity())) {
			throw new ConflictException("people.enrolment.full", s.title(), s.capacity());
		}
		Optional<Long> earlier = jdbc.sql("SELECT id FROM people_enrolment WHERE session_id = :s AND staff_id = :p")
			.param("s", sessionId).param("p", staffId).query(Long.class).optional();
		long id;
		if (earlier.isPresent()) {
			// A seat given up and taken again, or a session completed before and taken again: the same row anew.
			jdbc.sql("""
					UPDATE people_enrolment SET status = 'ENROLLED', source = :source, enrolled_by = :by, enrolled_on = :on,
					    note = :note, attended = FALSE, score = NULL, completed_on = NULL, version = version + 1
					WHERE id = :id""")
				.param("source", source.name()).param("by", by).param("on", today).param("note", note)
				.param("id", earlier.get()).update();
			id = earlier.get();
		}
		else {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO people_enrolment (session_id, programme_id, staff_id, status, source, enrolled_by,
					    enrolled_on, note, attended, version)
					VALUES (:session, :programme, :staff, 'ENROLLED', :source, :by, :on, :note, FALSE, 0)""")
				.param("session", sessionId).param("programme", s.programmeId()).param("staff", staffId)
				.param("source", source.name()).param("by", by).param("on", today).param("note", note)
				.update(key, "id");
			id = key.getKey().longValue();
		}
		audit.record(AUDIT_ENROLMENT, id, "ENROL", null, Map.of("session", sessionId, "staff", staffId, "source",
				source.name()), s.title());
		return id;
	}

	// ---- attendance, completion, cancelling

	@Transactional
	public EnrolmentView attend(CurrentUser actor, EnrolmentId id, long version) {
		Qualifications.requireManager(actor);
		EnrolmentView before = queries.enrolment(actor, id);
		Enrolment e = state(before, version);
		e.attend();
		return write(actor, before, e, "ATTEND");
	}

	/**
	 * Records the end of a training with its assessment: COMPLETED grants the programme's qualification (a new holding
	 * or a renewal at the higher level, expiring after the qualification's validity), FAILED grants nothing.
	 */
	@Transactional
	public EnrolmentView complete(CurrentUser actor, EnrolmentId id, long version, @Nullable BigDecimal score,
			@Nullable LocalDate completedOn) {
		Qualifications.requireManager(actor);
		EnrolmentView before = queries.enrolment(actor, id);
		ProgrammeView programme = queries.programme(ProgrammeId.of(before.programmeId()));
		Enrolment e = state(before, version);
		LocalDate on = completedOn == null ? LocalDate.now(clock) : completedOn;
		if (on.isAfter(LocalDate.now(clock))) {
			throw ValidationFailedException.of("completedOn", "people.holding.obtainedFuture");
		}
		boolean passed = e.complete(score, programme.passScore(), on, before.startsOn());
		EnrolmentView after = write(actor, before, e, passed ? "COMPLETE" : "FAIL");
		if (passed && programme.qualificationId() != null && programme.grantLevel() != null) {
			QualificationView qualification = catalogue.get(QualificationId.of(programme.qualificationId()));
			StaffQualifications.Grant grant = holdings.grant(before.staffId(), qualification, programme.grantLevel(), on,
					id.value(), actor.username());
			audit.record(StaffQualifications.AUDIT, before.staffId() + ":" + qualification.id(), "GRANT", null,
					Map.of("level", grant.level(), "enrolment", id.value()), before.personName() + " · "
							+ qualification.name());
			events.publishEvent(new QualificationGranted(StaffId.of(before.staffId()),
					QualificationId.of(qualification.id()), grant.level(), on, grant.expiresOn(), id));
		}
		events.publishEvent(new TrainingCompleted(id, ProgrammeId.of(before.programmeId()),
				SessionId.of(before.sessionId()), StaffId.of(before.staffId()), passed, score, on));
		return after;
	}

	/** Gives up a seat: PEOPLE, the manager of the person, or the person while still only enrolled. */
	@Transactional
	public EnrolmentView cancel(CurrentUser actor, EnrolmentId id, long version) {
		EnrolmentView before = queries.enrolment(actor, id);
		DataScope scope = scopes.of(actor);
		boolean own = scope.ownStaffId() != null && scope.ownStaffId() == before.staffId();
		boolean manages = actor.hasAny(Role.MANAGER, Role.DIRECTOR) && scope.managesUnit(before.unitId());
		if (!PeopleAccess.mayManage(actor) && !own && !manages) {
			throw new AccessRefusedException("people");
		}
		Enrolment e = state(before, version);
		e.cancel();
		return write(actor, before, e, "CANCEL");
	}

	private static Enrolment state(EnrolmentView view, long version) {
		if (view.version() != version) {
			throw new StaleVersionException(version, view);
		}
		return new Enrolment(view.status(), view.attended(), view.score(), view.completedOn());
	}

	private EnrolmentView write(CurrentUser actor, EnrolmentView before, Enrolment e, String action) {
		if (!update(before, e)) {
			throw new StaleVersionException(before.version(), queries.enrolment(actor, EnrolmentId.of(before.id())));
		}
		EnrolmentView after = queries.enrolment(actor, EnrolmentId.of(before.id()));
		audit.record(AUDIT_ENROLMENT, before.id(), action, before, after, before.personName() + " · "
				+ before.programmeName());
		return after;
	}

	/** Writes an enrolment's new state with the version read; false when someone changed it meanwhile. */
	private boolean update(EnrolmentView before, Enrolment e) {
		int updated = jdbc.sql("""
				UPDATE people_enrolment SET status = :status, attended = :attended, score = :score,
				    completed_on = :completed, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", e.status().name()).param("attended", e.attended()).param("score", e.score())
			.param("completed", e.completedOn()).param("id", before.id()).param("version", before.version())
			.update();
		return updated > 0;
	}

}
