package io.rumbo.improvement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.improvement.PlanOutcome;
import io.rumbo.improvement.PlanStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * An improvement plan for one person: written as a draft (goals and support may change), active once the manager
 * starts it (check-ins, progress by hand, an extension with a new deadline), closed with its outcome (met or not met)
 * and the reason. Every transition is guarded here; a refused one changes nothing (409). The unit is the person's,
 * for data scope.
 */
@Entity
@Table(name = "improvement_plan")
public class ImprovementPlan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long staffId;

	private long unitId;

	private String title;

	private @Nullable String reason;

	@Enumerated(EnumType.STRING)
	private PlanStatus status;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private int checkInEveryDays;

	private @Nullable LocalDate lastCheckInOn;

	private String openedBy;

	private LocalDate openedOn;

	private @Nullable LocalDate activatedOn;

	private @Nullable LocalDate closedOn;

	@Enumerated(EnumType.STRING)
	private @Nullable PlanOutcome outcome;

	private @Nullable String outcomeReason;

	private int extensions;

	/** The closed scorecard (evaluation) the plan was opened from, if any. */
	private @Nullable Long sourceScorecardId;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "plan_id", nullable = false)
	@OrderColumn(name = "position")
	private List<ImprovementGoal> goals = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "improvement_support", joinColumns = @JoinColumn(name = "plan_id"))
	@OrderColumn(name = "position")
	private List<Support> supports = new ArrayList<>();

	@Version
	private long version;

	protected ImprovementPlan() {
		this.title = "";
		this.status = PlanStatus.DRAFT;
		this.startsOn = LocalDate.MIN;
		this.endsOn = LocalDate.MIN;
		this.openedBy = "";
		this.openedOn = LocalDate.MIN;
	}

	public ImprovementPlan(long staffId, long unitId, String openedBy, LocalDate openedOn) {
		this();
		this.staffId = staffId;
		this.unitId = unitId;
		this.openedBy = openedBy;
		this.openedOn = openedOn;
	}

	/** Records the closed scorecard this plan answers; set once, when the plan is opened from it. */
	public void openedFrom(long scorecardId) {
		requireStatus(PlanStatus.DRAFT, "improvement.plan.notDraft");
		this.sourceScorecardId = scorecardId;
	}

	public @Nullable Long sourceScorecardId() {
		return sourceScorecardId;
	}

	/** What the plan asks and promises; only a draft is rewritten, an active plan is extended instead. */
	public void describe(String title, @Nullable String reason, LocalDate startsOn, LocalDate endsOn,
			int checkInEveryDays, List<ImprovementGoal.GoalDraft> goals, List<Support> supports) {
		requireStatus(PlanStatus.DRAFT, "improvement.plan.notDraft");
		this.title = title;
		this.reason = reason;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.checkInEveryDays = checkInEveryDays;
		this.goals.clear();
		goals.forEach(g -> this.goals.add(new ImprovementGoal(g)));
		this.supports.clear();
		this.supports.addAll(supports);
	}

	/** The draft's support actions with the enrolments made for them when the plan starts (decision 0039). */
	public void supportsEnrolled(List<Support> supports) {
		requireStatus(PlanStatus.DRAFT, "improvement.plan.notDraft");
		this.supports.clear();
		this.supports.addAll(supports);
	}

	/** The manager starts the plan: from now on the person sees the pace, check-ins fall due. */
	public void activate(LocalDate today) {
		requireStatus(PlanStatus.DRAFT, "improvement.plan.notDraft");
		if (goals.isEmpty()) {
			throw new ConflictException("improvement.plan.noGoals");
		}
		this.status = PlanStatus.ACTIVE;
		this.activatedOn = today;
	}

	/** A check-in held on a day: the next one falls due {@code checkInEveryDays} after the latest. */
	public void checkIn(LocalDate heldOn, Map<Long, BigDecimal> manualProgress) {
		requireStatus(PlanStatus.ACTIVE, "improvement.plan.notActive");
		for (ImprovementGoal goal : manualProgress.isEmpty() ? List.<ImprovementGoal>of() : goals) {
			BigDecimal progress = manualProgress.get(goal.id());
			if (progress != null && goal.manual()) {
				goal.progress(progress);
			}
		}
		if (lastCheckInOn == null || heldOn.isAfter(lastCheckInOn)) {
			this.lastCheckInOn = heldOn;
		}
	}

	/**
	 * The outcome at the end, with its reason. Met or not met closes the plan; extended keeps it running to
	 * {@code newEnd} (after the current end), and the goals due on the old end are due on the new one.
	 */
	public void conclude(PlanOutcome outcome, String reason, @Nullable LocalDate newEnd, LocalDate today) {
		requireStatus(PlanStatus.ACTIVE, "improvement.plan.notActive");
		this.outcome = outcome;
		this.outcomeReason = reason;
		if (outcome == PlanOutcome.EXTENDED) {
			if (newEnd == null || !newEnd.isAfter(endsOn)) {
				throw new ConflictException("improvement.plan.extendAfterEnd");
			}
			goals.forEach(g -> g.moveDeadline(endsOn, newEnd));
			this.endsOn = newEnd;
			this.extensions++;
			return;
		}
		this.status = PlanStatus.CLOSED;
		this.closedOn = today;
	}

	/** Cancels a draft or an active plan with the reason; what it promised is withdrawn by the service. */
	public void cancel(String reason, LocalDate today) {
		if (status != PlanStatus.DRAFT && status != PlanStatus.ACTIVE) {
			throw new ConflictException("improvement.plan.notOpen");
		}
		this.status = PlanStatus.CANCELLED;
		this.outcomeReason = reason;
		this.closedOn = today;
	}

	/** The day the next check-in is due: every so many days from the start, counted from the latest one held. */
	public LocalDate nextCheckInOn() {
		return (lastCheckInOn == null ? startsOn : lastCheckInOn).plusDays(checkInEveryDays);
	}

	/** The person moved to another unit: whoever leads it sees the plan from now on. */
	public void follow(long unitId) {
		this.unitId = unitId;
	}

	private void requireStatus(PlanStatus wanted, String refusal) {
		if (status != wanted) {
			throw new ConflictException(refusal);
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("staffId", staffId);
		state.put("unitId", unitId);
		state.put("title", title);
		state.put("reason", reason);
		state.put("status", status);
		state.put("startsOn", startsOn.toString());
		state.put("endsOn", endsOn.toString());
		state.put("checkInEveryDays", checkInEveryDays);
		state.put("lastCheckInOn", lastCheckInOn == null ? null : lastCheckInOn.toString());
		state.put("outcome", outcome);
		state.put("outcomeReason", outcomeReason);
		state.put("extensions", extensions);
		state.put("goals", goals.stream().map(ImprovementGoal::auditState).toList());
		state.put("supports", supports.stream().map(Support::toString).toList());
		state.put("sourceScorecardId", sourceScorecardId);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Plan not saved yet");
		}
		return id;
	}

	public long version() {
		return version;
	}

	public long staffId() {
		return staffId;
	}

	public long unitId() {
		return unitId;
	}

	public String title() {
		return title;
	}

	public PlanStatus status() {
		return status;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public LocalDate endsOn() {
		return endsOn;
	}

	public List<ImprovementGoal> goals() {
		return List.copyOf(goals);
	}

	public List<Support> supports() {
		return List.copyOf(supports);
	}
}
