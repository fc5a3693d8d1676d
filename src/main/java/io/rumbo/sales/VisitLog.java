package io.rumbo.sales;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A visit or call logged where it happened (the customer page, often on a phone): the activity done on the day with
 * its outcome and next step and, when the salesperson gives a day for it, a follow-up task for the activity's owner
 * with the next step as its title. Both are saved in one transaction through {@link ActivityManagement} and
 * {@link TaskManagement}, so their rules (scope, owner, audit, events) apply unchanged.
 */
@Service
public class VisitLog {

	/** The longest task title; a longer next step is cut there and kept whole in the task's description. */
	static final int TASK_TITLE = 200;

	/** The width of the activity's outcome and next step columns. */
	static final int TEXT = 300;

	/** What was done: the day (today or earlier), the outcome, the next step and, optionally, when to follow it up. */
	public record Visit(long customerId, ActivityType type, LocalDate on, @Nullable String outcome,
			@Nullable String nextStep, @Nullable LocalDate followUpOn) {
	}

	public record Logged(ActivityView activity, @Nullable TaskView followUp) {
	}

	private final ActivityManagement activities;
	private final TaskManagement tasks;
	private final Clock clock;

	VisitLog(ActivityManagement activities, TaskManagement tasks, Clock clock) {
		this.activities = activities;
		this.tasks = tasks;
		this.clock = clock;
	}

	@Transactional
	public Logged log(CurrentUser actor, Visit visit) {
		String nextStep = visit.nextStep() == null || visit.nextStep().isBlank() ? null : visit.nextStep().trim();
		if (visit.on().isAfter(LocalDate.now(clock))) {
			// Logged means done; a visit still to come is planned on the agenda instead.
			throw ValidationFailedException.of("plannedOn", "sales.visit.date.future");
		}
		if (visit.outcome() != null && visit.outcome().trim().length() > TEXT) {
			throw ValidationFailedException.of("outcome", "sales.visit.tooLong", TEXT);
		}
		if (nextStep != null && nextStep.length() > TEXT) {
			throw ValidationFailedException.of("nextStep", "sales.visit.tooLong", TEXT);
		}
		if (visit.followUpOn() != null && nextStep == null) {
			throw ValidationFailedException.of("nextStep", "sales.visit.nextStep.required");
		}
		if (visit.followUpOn() != null && visit.followUpOn().isBefore(visit.on())) {
			throw ValidationFailedException.of("dueOn", "sales.visit.followUp.beforeVisit");
		}
		ActivityView activity = activities.create(actor, new ActivityManagement.ActivityDetails(visit.customerId(), null,
				visit.type(), null, visit.on(), visit.on(), null, visit.outcome(), null, nextStep));
		TaskView followUp = null;
		if (visit.followUpOn() != null && nextStep != null) {
			String title = nextStep.length() > TASK_TITLE ? nextStep.substring(0, TASK_TITLE - 1) + "…" : nextStep;
			followUp = tasks.create(actor, new TaskManagement.TaskDetails(title, nextStep.length() > TASK_TITLE ? nextStep
					: null, activity.ownerStaffId(), null, visit.customerId(), visit.followUpOn()));
		}
		return new Logged(activity, followUp);
	}
}
