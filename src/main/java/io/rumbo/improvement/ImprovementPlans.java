package io.rumbo.improvement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.domain.ImprovementPlan;
import io.rumbo.improvement.domain.ImprovementPlanRepository;
import io.rumbo.improvement.domain.PlanRules;
import io.rumbo.improvement.domain.Support;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.people.EnrolmentId;
import io.rumbo.people.SessionId;
import io.rumbo.people.SupportTraining;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Running improvement plans: a manager (or a director) opens a plan for a person of their subtree as a draft, starts
 * it, records check-ins and ends it with an outcome. Each change is checked against the plan's state by the plan
 * itself, carries the version read (409 when stale) and is written to the audit trail with the state before and
 * after. The person and their peers never change a plan; the person reads it.
 */
@Service
public class ImprovementPlans {

	static final String AUDIT = "IMPROVEMENT_PLAN";

	/** A goal as a form or request gives it: {@code measure} a code of the catalogue, or none for a goal by hand. */
	public record GoalDetails(@Nullable String name, @Nullable String measure, @Nullable Comparison comparison,
			@Nullable BigDecimal target, @Nullable Grain grain, @Nullable LocalDate dueOn) {
	}

	/**
	 * A support action; {@code sessionId}: for a training, a session of the people module to enrol the person in (the
	 * description may then be left out: the session's name is used).
	 */
	public record SupportDetails(@Nullable SupportKind kind, @Nullable String description, @Nullable Long sessionId) {

		public SupportDetails(@Nullable SupportKind kind, @Nullable String description) {
			this(kind, description, null);
		}
	}

	public record PlanDetails(@Nullable Long staffId, @Nullable String title, @Nullable String reason,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Integer checkInEveryDays,
			List<GoalDetails> goals, List<SupportDetails> supports) {
	}

	/** A check-in: the day (today when left out), notes, and the progress (%) of goals checked by hand. */
	public record CheckInDetails(@Nullable LocalDate heldOn, @Nullable String notes, Map<Long, BigDecimal> progress) {
	}

	private final ImprovementPlanRepository plans;
	private final ImprovementQueries queries;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final SupportTraining training;
	private final Clock clock;

	ImprovementPlans(ImprovementPlanRepository plans, ImprovementQueries queries, OrgDirectory org, AuditTrail audit,
			JdbcClient jdbc, SupportTraining training, Clock clock) {
		this.training = training;
		this.plans = plans;
		this.queries = queries;
		this.org = org;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public PlanView open(CurrentUser actor, PlanDetails details) {
		return open(actor, details, null);
	}

	/** Opens a draft; {@code scorecardId}: the closed scorecard it answers ({@link PlansFromEvaluation}). */
	PlanView open(CurrentUser actor, PlanDetails details, @Nullable Long scorecardId) {
		if (!ImprovementQueries.mayOpen(actor)) {
			throw new AccessRefusedException("improvement");
		}
		Optional<OrgDirectory.StaffSummary> person = details.staffId() == null ? Optional.empty()
				: org.staff(StaffId.of(details.staffId()));
		if (person.isEmpty() || !person.get().active()
				|| !queries.mayManage(actor, person.get().id(), person.get().unitId())) {
			throw ValidationFailedException.of("staffId", "improvement.plan.person.outOfScope");
		}
		ImprovementPlan plan = new ImprovementPlan(person.get().id(), person.get().unitId(), actor.username(),
				LocalDate.now(clock));
		describe(actor, plan, details);
		if (scorecardId != null) {
			plan.openedFrom(scorecardId);
		}
		plans.saveAndFlush(plan);
		audit.record(AUDIT, plan.id(), "CREATE", null, plan.auditState(), plan.title());
		return queries.get(actor, ImprovementPlanId.of(plan.id()));
	}

	/** Rewrites a draft (its person stays); an active or closed plan is refused with 409. */
	@Transactional
	public PlanView revise(CurrentUser actor, ImprovementPlanId id, long version, PlanDetails details) {
		ImprovementPlan plan = managed(actor, id, version);
		var before = plan.auditState();
		describe(actor, plan, details);
		return saved(actor, plan, "UPDATE", before);
	}

	@Transactional
	public PlanView activate(CurrentUser actor, ImprovementPlanId id, long version) {
		ImprovementPlan plan = managed(actor, id, version);
		var before = plan.auditState();
		plan.supportsEnrolled(enrolled(actor, plan));
		plan.activate(LocalDate.now(clock));
		return saved(actor, plan, "ACTIVATE", before);
	}

	/** Records a check-in and what every goal showed that day (kept, so later figures never rewrite it). */
	@Transactional
	public PlanView checkIn(CurrentUser actor, ImprovementPlanId id, long version, CheckInDetails details) {
		ImprovementPlan plan = managed(actor, id, version);
		LocalDate today = LocalDate.now(clock);
		LocalDate heldOn = details.heldOn() == null ? today : details.heldOn();
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (heldOn.isAfter(today) || heldOn.isBefore(plan.startsOn())) {
			errors.add(new ValidationFailedException.FieldError("heldOn", "improvement.checkIn.heldOn.range"));
		}
		details.progress().forEach((goal, progress) -> {
			if (progress == null || progress.signum() < 0 || progress.compareTo(PlanRules.HUNDRED) > 0
					|| plan.goals().stream().noneMatch(g -> g.id() == goal && g.manual())) {
				errors.add(new ValidationFailedException.FieldError("progress", "improvement.checkIn.progress.range"));
			}
		});
		if (details.notes() != null && details.notes().length() > 4000) {
			errors.add(new ValidationFailedException.FieldError("notes", "improvement.plan.tooLong"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		var before = plan.auditState();
		plan.checkIn(heldOn, details.progress());
		plans.saveAndFlush(plan);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO improvement_check_in (plan_id, held_on, notes, recorded_by)
				VALUES (:plan, :heldOn, :notes, :by)""")
			.param("plan", plan.id())
			.param("heldOn", heldOn)
			.param("notes", PlanRules.blankToNull(details.notes()))
			.param("by", actor.username())
			.update(key, "id");
		long checkIn = key.getKeyAs(Number.class).longValue();
		queries.pacesOn(plan.id(), heldOn).forEach((goal, pace) -> jdbc.sql("""
				INSERT INTO improvement_check_in_goal (check_in_id, goal_id, actual, progress, expected_progress, status)
				VALUES (:checkIn, :goal, :actual, :progress, :expected, :status)""")
			.param("checkIn", checkIn)
			.param("goal", goal)
			.param("actual", pace.actual())
			.param("progress", pace.progress())
			.param("expected", pace.expectedProgress())
			.param("status", pace.status().name())
			.update());
		audit.record(AUDIT, plan.id(), "CHECK_IN", before, plan.auditState(), heldOn.toString());
		return queries.get(actor, id);
	}

	/** The outcome at the end with its reason: met or not met closes the plan, extended moves its end. */
	@Transactional
	public PlanView conclude(CurrentUser actor, ImprovementPlanId id, long version, @Nullable PlanOutcome outcome,
			@Nullable String reason, @Nullable LocalDate newEnd) {
		ImprovementPlan plan = managed(actor, id, version);
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (outcome == null) {
			errors.add(new ValidationFailedException.FieldError("outcome", "shared.validation.required"));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(new ValidationFailedException.FieldError("reason", "improvement.outcome.reason.required"));
		}
		if (outcome == PlanOutcome.EXTENDED && (newEnd == null || !newEnd.isAfter(plan.endsOn()))) {
			errors.add(new ValidationFailedException.FieldError("endsOn", "improvement.outcome.newEnd.range"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		var before = plan.auditState();
		plan.conclude(outcome, reason.trim(), newEnd, LocalDate.now(clock));
		return saved(actor, plan, outcome.name(), before);
	}

	private ImprovementPlan managed(CurrentUser actor, ImprovementPlanId id, long version) {
		PlanView current = queries.get(actor, id);
		if (!queries.mayManage(actor, current.staffId(), current.unitId())) {
			throw new AccessRefusedException("improvement");
		}
		ImprovementPlan plan = plans.findById(id.value())
			.orElseThrow(() -> new NotFoundException("improvementPlan", id.value()));
		if (plan.version() != version) {
			throw new StaleVersionException(version, current);
		}
		return plan;
	}

	private PlanView saved(CurrentUser actor, ImprovementPlan plan, String action, Map<String, Object> before) {
		plans.saveAndFlush(plan);
		audit.record(AUDIT, plan.id(), action, before, plan.auditState(), plan.title());
		return queries.get(actor, ImprovementPlanId.of(plan.id()));
	}

	/**
	 * Cancels a draft or an active plan with the reason; the enrolments its training actions made are withdrawn where
	 * not yet attended (decision 0039).
	 */
	@Transactional
	public PlanView cancel(CurrentUser actor, ImprovementPlanId id, long version, @Nullable String reason) {
		ImprovementPlan plan = managed(actor, id, version);
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw ValidationFailedException.of("reason", "improvement.outcome.reason.required");
		}
		var before = plan.auditState();
		plan.cancel(reason.trim(), LocalDate.now(clock));
		plan.supports().stream().map(Support::enrolmentId).filter(java.util.Objects::nonNull)
			.forEach(e -> training.withdraw(actor, EnrolmentId.of(e)));
		return saved(actor, plan, "CANCEL", before);
	}

	/**
	 * Gives the draft its checked details. A training action names a session; the person is enrolled only when the
	 * plan starts ({@link #enrolled}), so that a draft holds no seat. An enrolment a draft made before this rule is kept
	 * while its action names the same session and withdrawn when the action goes. A session that no longer exists is
	 * refused at the action's session ({@code supports[i].sessionId}).
	 */
	private void describe(CurrentUser actor, ImprovementPlan plan, PlanDetails details) {
		PlanRules.Checked checked = PlanRules.check(details);
		Map<Long, Long> before = new HashMap<>();
		plan.supports().stream().filter(s -> s.sessionId() != null && s.enrolmentId() != null)
			.forEach(s -> before.put(s.sessionId(), s.enrolmentId()));
		List<Support> supports = new ArrayList<>();
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		Map<Long, Long> kept = new HashMap<>();
		for (int i = 0; i < checked.supports().size(); i++) {
			Support s = checked.supports().get(i);
			if (s.sessionId() == null) {
				supports.add(s);
				continue;
			}
			String name = training.sessionName(SessionId.of(s.sessionId()));
			if (name == null) {
				errors.add(new ValidationFailedException.FieldError("supports[" + i + "].sessionId",
						"improvement.support.sessionUnavailable"));
				continue;
			}
			String description = s.description().isBlank() ? name : s.description();
			Long enrolment = before.get(s.sessionId());
			if (enrolment != null) {
				kept.put(s.sessionId(), enrolment);
			}
			supports.add(new Support(s.kind(), description.isBlank() ? "—" : description, s.sessionId(), enrolment));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		before.forEach((session, enrolment) -> {
			if (!enrolment.equals(kept.get(session))) {
				training.withdraw(actor, EnrolmentId.of(enrolment));
			}
		});
		plan.describe(checked.title(), checked.reason(), checked.startsOn(), checked.endsOn(), checked.every(),
				checked.goals(), supports);
	}

	/**
	 * The plan's support actions as it starts: each training action that names a session and has no enrolment yet
	 * enrols the person in it (through the people module, source IMPROVEMENT). A refusal (full session, closed,
	 * already enrolled in the programme, person out of reach) is reported at the action's session
	 * ({@code supports[i].sessionId}) and, being thrown, leaves the plan a draft.
	 */
	private List<Support> enrolled(CurrentUser actor, ImprovementPlan plan) {
		List<Support> supports = new ArrayList<>();
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		List<Support> current = plan.supports();
		for (int i = 0; i < current.size(); i++) {
			Support s = current.get(i);
			if (s.sessionId() == null || s.enrolmentId() != null) {
				supports.add(s);
				continue;
			}
			try {
				long enrolment = training.enrol(actor, SessionId.of(s.sessionId()), plan.staffId(), plan.title()).id();
				supports.add(s.enrolled(enrolment, s.description()));
			}
			catch (ConflictException | NotFoundException | AccessRefusedException refused) {
				errors.add(refusal("supports[" + i + "].sessionId", refused));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return supports;
	}

	private static ValidationFailedException.FieldError refusal(String field, RuntimeException refused) {
		if (refused instanceof ConflictException conflict) {
			return new ValidationFailedException.FieldError(field, conflict.messageKey(), conflict.arguments());
		}
		return new ValidationFailedException.FieldError(field, "improvement.support.sessionUnavailable");
	}
}
