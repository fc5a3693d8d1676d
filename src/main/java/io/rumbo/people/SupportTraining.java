package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.people.PeopleViews.EnrolmentView;

/**
 * Training as the support an improvement plan promises (decision 0039): the improvement module, later in the module
 * order, offers a person the upcoming sessions that suit them, enrols them when a plan's training action names a
 * session, reads back the enrolments' status and withdraws those not yet attended when the action goes or the plan is
 * cancelled. The rules of enrolling stay {@link Training}'s (capacity, one open enrolment per programme, scope).
 */
@Service
public class SupportTraining {

	/**
	 * A session a plan may name: it starts today or later, is not cancelled, its programme is not archived, it has a
	 * free seat and the person has no open enrolment in its programme; {@code fillsGap}: the programme grants a
	 * qualification the person lacks (those come first).
	 */
	public record SessionChoice(long id, long programmeId, String programme, String title, LocalDate startsOn,
			LocalDate endsOn, int free, boolean fillsGap) {
	}

	private final JdbcClient jdbc;
	private final Training training;
	private final TrainingQueries queries;
	private final GapReport gaps;
	private final DataScopes scopes;
	private final Clock clock;

	SupportTraining(JdbcClient jdbc, Training training, TrainingQueries queries, GapReport gaps, DataScopes scopes,
			Clock clock) {
		this.jdbc = jdbc;
		this.training = training;
		this.queries = queries;
		this.gaps = gaps;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * The sessions to offer for a person the actor manages (none for a person out of reach); {@code keep}: sessions
	 * already named by the plan, offered even when they no longer qualify (full, or the person is enrolled in them).
	 */
	@Transactional(readOnly = true)
	public List<SessionChoice> sessionsFor(CurrentUser actor, long staffId, Collection<Long> keep) {
		Long unit = jdbc.sql("SELECT unit_id FROM people_person WHERE staff_id = :s AND active = TRUE")
			.param("s", staffId).query(Long.class).optional().orElse(null);
		if (unit == null || !(PeopleAccess.mayManage(actor) || scopes.of(actor).managesUnit(unit))) {
			return List.of();
		}
		Set<Long> missing = gaps.qualificationsMissing(actor, staffId);
		Map<String, Object> params = new HashMap<>();
		params.put("today", LocalDate.now(clock));
		params.put("staff", staffId);
		params.put("keep", keep.isEmpty() ? List.of(-1L) : keep);
		return jdbc.sql("""
				SELECT s.id, p.id, p.name, s.title, s.starts_on, s.ends_on, s.capacity - (SELECT COUNT(*)
				         FROM people_enrolment e WHERE e.session_id = s.id AND e.status <> 'CANCELLED') AS free,
				       p.qualification_id
				FROM people_session s JOIN people_programme p ON p.id = s.programme_id
				WHERE s.cancelled = FALSE AND (s.id IN (:keep) OR (p.archived = FALSE AND s.starts_on >= :today
				  AND NOT EXISTS (SELECT 1 FROM people_enrolment o WHERE o.programme_id = p.id AND o.staff_id = :staff
				                  AND o.status IN ('ENROLLED', 'ATTENDED'))
				  AND (SELECT COUNT(*) FROM people_enrolment e WHERE e.session_id = s.id AND e.status <> 'CANCELLED')
				      < s.capacity))
				ORDER BY s.starts_on, s.id""")
			.params(params)
			.query((rs, n) -> {
				long qualification = rs.getLong(8);
				boolean fills = !rs.wasNull() && missing.contains(qualification);
				return new SessionChoice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), Math.max(0, rs.getInt(7)),
						fills);
			})
			.list()
			.stream()
			.sorted((a, b) -> Boolean.compare(b.fillsGap(), a.fillsGap()))
			.toList();
	}

	/** Enrols the plan's person (source IMPROVEMENT, the plan's title as the note); see {@link Training#enrol}. */
	@Transactional
	public EnrolmentView enrol(CurrentUser actor, SessionId session, long staffId, String planTitle) {
		return training.enrolForImprovement(actor, session, staffId, planTitle);
	}

	/** See {@link Training#withdrawForImprovement}. */
	@Transactional
	public boolean withdraw(CurrentUser actor, EnrolmentId enrolment) {
		return training.withdrawForImprovement(actor, enrolment);
	}

	/** The enrolments a plan made, as the reader may see them, by id. */
	@Transactional(readOnly = true)
	public Map<Long, EnrolmentView> enrolments(CurrentUser actor, Collection<Long> ids) {
		Map<Long, EnrolmentView> byId = new HashMap<>();
		queries.enrolments(actor, ids).forEach(e -> byId.put(e.id(), e));
		return byId;
	}

	/** The session a plan names, for a description when the action has none. */
	@Transactional(readOnly = true)
	public @Nullable String sessionName(SessionId session) {
		return jdbc.sql("SELECT p.name, s.title FROM people_session s JOIN people_programme p ON p.id = s.programme_id "
				+ "WHERE s.id = :id").param("id", session.value())
			.query((rs, n) -> rs.getString(1) + " — " + rs.getString(2)).optional().orElse(null);
	}
}
