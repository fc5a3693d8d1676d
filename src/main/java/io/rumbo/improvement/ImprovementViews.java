package io.rumbo.improvement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the pages and the API show of improvement plans. Measures are named by their catalogue code. */
public final class ImprovementViews {

	private ImprovementViews() {
	}

	/** A plan in a list: {@code goalsBehind} counts its goals behind their pace today. */
	@Schema(name = "ImprovementPlanRow")
	public record PlanRow(long id, long version, long staffId, @Nullable String personName, long unitId,
			@Nullable String unitName, String title, PlanStatus status, LocalDate startsOn, LocalDate endsOn,
			LocalDate nextCheckInOn, boolean checkInOverdue, int goals, int goalsBehind, @Nullable PlanOutcome outcome) {
	}

	/** A plan with its goals and their pace as of {@code asOf} (today, or the day it closed). */
	@Schema(name = "ImprovementPlanView")
	public record PlanView(long id, long version, long staffId, @Nullable String personName, long unitId,
			@Nullable String unitName, String title, @Nullable String reason, PlanStatus status, LocalDate startsOn,
			LocalDate endsOn, int checkInEveryDays, @Nullable LocalDate lastCheckInOn, LocalDate nextCheckInOn,
			boolean checkInOverdue, String openedBy, LocalDate openedOn, @Nullable LocalDate activatedOn,
			@Nullable LocalDate closedOn, @Nullable PlanOutcome outcome, @Nullable String outcomeReason, int extensions,
			LocalDate asOf, List<GoalView> goals, List<SupportView> supports, List<CheckInView> checkIns,
			@Nullable Long scorecardId) {
	}

	/**
	 * A goal: measured ({@code metric} a code of the catalogue, with comparison, target and grain) or checked by hand
	 * ({@code manual}, its progress in {@code pace}).
	 */
	@Schema(name = "ImprovementGoalView")
	public record GoalView(long id, String name, boolean manual, @Nullable String metric,
			@Nullable Comparison comparison, @Nullable BigDecimal target, @Nullable Grain grain, LocalDate dueOn,
			GoalPace pace) {
	}

	/**
	 * A support action; for a training that names a session, {@code sessionId} and the enrolment it made as the reader
	 * may see it ({@code enrolment}, none when out of the reader's sight).
	 */
	@Schema(name = "ImprovementSupportView")
	public record SupportView(SupportKind kind, String description, @Nullable Long sessionId,
			@Nullable SupportEnrolment enrolment) {
	}

	/** The enrolment a training action made: its status (enrolled, attended, completed with the score, cancelled...). */
	@Schema(name = "ImprovementSupportEnrolment")
	public record SupportEnrolment(long id, long programmeId, String programmeName, String sessionTitle,
			LocalDate startsOn, String status, @Nullable BigDecimal score, @Nullable LocalDate completedOn) {
	}

	/** A check-in with what each goal showed that day. */
	@Schema(name = "ImprovementCheckInView")
	public record CheckInView(long id, LocalDate heldOn, @Nullable String notes, String recordedBy,
			List<Reading> readings) {
	}

	@Schema(name = "ImprovementReading")
	public record Reading(long goalId, @Nullable BigDecimal actual, @Nullable BigDecimal progress,
			BigDecimal expectedProgress, GoalStatus status) {
	}

	@Schema(name = "ImprovementAlertKind")
	public enum AlertKind {
		GOAL_BEHIND, CHECK_IN_OVERDUE
	}

	/** Something on an active plan that needs the person's or the manager's attention. */
	@Schema(name = "ImprovementAlert")
	public record Alert(long planId, long staffId, @Nullable String personName, AlertKind kind,
			@Nullable String goalName, LocalDate dueOn) {
	}
}
