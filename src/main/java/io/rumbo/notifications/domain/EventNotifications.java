package io.rumbo.notifications.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.rumbo.evaluation.EvaluationClosed;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.incentives.AwardGranted;
import io.rumbo.incentives.BadgeEarned;
import io.rumbo.incentives.DisputeAnswered;
import io.rumbo.incentives.DisputeRaised;
import io.rumbo.incentives.PayoutRunApproved;
import io.rumbo.incentives.Statements;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.ReportingLines;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.PlanVersionApproved;
import io.rumbo.planning.PlanVersionSubmitted;
import io.rumbo.quotas.QuotaPeople;
import io.rumbo.quotas.QuotaPublished;
import io.rumbo.quotas.QuotaRevised;
import io.rumbo.sales.ForecastCallSubmitted;
import io.rumbo.sales.TaskAssigned;
import io.rumbo.shared.web.ListQuery;

/**
 * Turns the other modules' events into notifications: who is told, with which facts and link. Each listener runs
 * after the publishing transaction committed, in its own, and may run again for the same event (the registry re-runs
 * open publications at start): the event key makes the second run add nothing.
 */
@Component
class EventNotifications {

	private static final ListQuery ALL = new ListQuery(0, 1, List.of()).unpaged();

	private final Deliveries deliveries;
	private final Recipients recipients;
	private final ReportingLines lines;
	private final QuotaPeople quotaPeople;
	private final Statements statements;
	private final OrgDirectory org;
	private final io.rumbo.planning.FiscalCalendar calendar;

	EventNotifications(Deliveries deliveries, Recipients recipients, ReportingLines lines, QuotaPeople quotaPeople,
			Statements statements, OrgDirectory org, io.rumbo.planning.FiscalCalendar calendar) {
		this.org = org;
		this.calendar = calendar;
		this.deliveries = deliveries;
		this.recipients = recipients;
		this.lines = lines;
		this.quotaPeople = quotaPeople;
		this.statements = statements;
	}

	/** The person given the task, or for a team task the team's members; not the author telling themselves. */
	@ApplicationModuleListener
	void on(TaskAssigned assigned) {
		Set<UserId> to = assigned.assignee() != null ? recipients.person(assigned.assignee())
				: recipients.people(lines.members(List.of(assigned.unit())));
		to = new LinkedHashSet<>(to);
		to.removeAll(recipients.named(List.of(assigned.assignedBy())));
		deliveries.deliver(Delivery.of("task-assigned:" + assigned.task().value() + ":"
				+ (assigned.assignee() == null ? "u" + assigned.unit().value() : assigned.assignee().value()),
				NotificationKind.TASK_ASSIGNED, to, "/tasks", assigned.title(), assigned.dueOn(),
				recipients.displayName(assigned.assignedBy())));
	}

	/** The people and the sub-units' managers of the released units: their quota binds, to be acknowledged. */
	@ApplicationModuleListener
	void on(QuotaPublished published) {
		Set<StaffId> people = new LinkedHashSet<>(lines.members(published.units()));
		people.addAll(lines.subUnitManagers(published.units()));
		deliveries.deliver(Delivery.of("quota-published:" + published.versionId() + ":"
				+ published.publishedAt().toEpochMilli(), NotificationKind.QUOTA_PUBLISHED, recipients.people(people),
				"/targets", published.fiscalYear(), published.versionNumber()));
	}

	/** Whoever holds a quota in the new version and has not acknowledged it (an unchanged quota stays acknowledged). */
	@ApplicationModuleListener
	void on(QuotaRevised revised) {
		List<StaffId> people = quotaPeople.people(Recipients.SYSTEM, revised.fiscalYear(), ALL)
			.content()
			.stream()
			.filter(p -> !p.acknowledged())
			.map(p -> StaffId.of(p.id()))
			.toList();
		deliveries.deliver(Delivery.of("quota-revised:" + revised.versionId(), NotificationKind.QUOTA_REVISED,
				recipients.people(people), "/targets", revised.fiscalYear(), revised.versionNumber(), revised.reason()));
	}

	/** Each person of the cycle, with a link to their own scorecard, to acknowledge by the deadline. */
	@ApplicationModuleListener
	void on(EvaluationClosed closed) {
		for (EvaluationClosed.Result result : closed.results()) {
			deliveries.deliver(Delivery.of("evaluation-closed:" + result.scorecard().value(),
					NotificationKind.EVALUATION_CLOSED, recipients.person(result.staff()),
					"/evaluation/scorecards/" + result.scorecard().value(), closed.from(), closed.to(),
					closed.acknowledgeBy()));
		}
	}

	/** The directors, who approve or send back a submitted plan. */
	@ApplicationModuleListener
	void on(PlanVersionSubmitted submitted) {
		deliveries.deliver(Delivery.of("plan-submitted:" + submitted.versionId().value(),
				NotificationKind.PLAN_SUBMITTED, recipients.withRole(Role.DIRECTOR), "/plans/" + submitted.planId(),
				submitted.planName(), submitted.number(), recipients.displayName(submitted.submittedBy())));
	}

	/** Who submitted the plan. */
	@ApplicationModuleListener
	void on(PlanVersionApproved approved) {
		deliveries.deliver(Delivery.of("plan-approved:" + approved.versionId().value(), NotificationKind.PLAN_APPROVED,
				recipients.named(List.of(approved.submittedBy())), "/plans/" + approved.planId(), approved.planName(),
				approved.number(), recipients.displayName(approved.approvedBy())));
	}

	/** The person who passed a milestone of their quota. */
	@ApplicationModuleListener
	void on(BadgeEarned badge) {
		// A milestone of a period already over when it was recorded (the first check after a start, a rebuild, the
		// demo's history) is no news: a person would find dozens of old milestones in their inbox at once.
		if (!calendar.years().parse(badge.period()).end().isAfter(badge.earnedOn())) {
			return;
		}
		deliveries.deliver(Delivery.of("badge:" + badge.staff().value() + ":" + badge.measure() + ":" + badge.period()
				+ ":" + badge.milestone().name(), NotificationKind.MILESTONE_REACHED, recipients.person(badge.staff()),
				"/recognition", badge.milestone().percent(), NotificationTexts.metric(badge.measure()),
				badge.period()));
	}

	@ApplicationModuleListener
	void on(AwardGranted award) {
		deliveries.deliver(Delivery.of("award:" + award.award().value(), NotificationKind.AWARD_GRANTED,
				recipients.person(award.staff()), "/recognition", award.kind(), award.period(), award.citation()));
	}

	/** Everyone with a statement in the approved run: it is theirs to read now. */
	@ApplicationModuleListener
	void on(PayoutRunApproved approved) {
		List<StaffId> people = statements.list(Recipients.SYSTEM,
				new Statements.Filter(approved.run().value(), null, null, null), ALL)
			.content()
			.stream()
			.map(s -> StaffId.of(s.staffId()))
			.distinct()
			.toList();
		deliveries.deliver(Delivery.of("statement-ready:" + approved.run().value(), NotificationKind.STATEMENT_READY,
				recipients.people(people), "/incentives/statements", approved.periodCode()));
	}

	/** Finance, who answers disputes. */
	@ApplicationModuleListener
	void on(DisputeRaised raised) {
		deliveries.deliver(Delivery.of("dispute-raised:" + raised.dispute().value(), NotificationKind.DISPUTE_RAISED,
				recipients.withRole(Role.FINANCE), "/incentives/disputes/" + raised.dispute().value(), raised.planCode(),
				raised.periodCode(), recipients.displayName(raised.raisedBy())));
	}

	/** The person whose statement line was questioned. */
	@ApplicationModuleListener
	void on(DisputeAnswered answered) {
		deliveries.deliver(Delivery.of("dispute-answered:" + answered.dispute().value(),
				NotificationKind.DISPUTE_ANSWERED, recipients.person(answered.staff()),
				"/incentives/disputes/" + answered.dispute().value(), answered.planCode(), answered.outcome().name(),
				answered.response()));
	}

	/**
	 * The manager of a salesperson who called their forecast: it is in, to roll up. A manager's own team call goes
	 * upwards and is read on the team page; it tells nobody.
	 */
	@ApplicationModuleListener
	void on(ForecastCallSubmitted submitted) {
		if (submitted.team()) {
			return;
		}
		String name = org.namesOfStaff(List.of(submitted.staff())).getOrDefault(submitted.staff(),
				submitted.submittedBy());
		Set<UserId> to = new LinkedHashSet<>(recipients.managersOf(List.of(submitted.staff())));
		// A manager who calls for themselves is not told of their own call.
		to.removeAll(recipients.person(submitted.staff()));
		deliveries.deliver(Delivery.of("forecast-submitted:" + submitted.callId(), NotificationKind.FORECAST_SUBMITTED,
				to, "/forecast/team?period=" + submitted.periodCode(), name, submitted.periodCode(),
				NotificationTexts.money(submitted.mostLikely())));
	}

	/**
	 * The people of the unit's subtree a success case was shared with (the whole company for its root), but not the
	 * one who shared it; once per case (decision 0032).
	 */
	@ApplicationModuleListener
	void on(io.rumbo.lessons.SuccessCaseShared shared) {
		Set<io.rumbo.organization.UnitId> units = org.subtree(shared.sharedWith());
		Set<UserId> to = new LinkedHashSet<>(recipients.people(lines.members(units)));
		to.removeAll(recipients.named(List.of(shared.sharedBy())));
		String unit = org.namesOfUnits(List.of(shared.sharedWith())).getOrDefault(shared.sharedWith(), "");
		deliveries.deliver(Delivery.of("success-case-shared:" + shared.lesson().value(),
				NotificationKind.SUCCESS_CASE_SHARED, to, "/lessons/" + shared.lesson().value(), shared.title(), unit));
	}

	/**
	 * Whoever raised the requisition and the manager of its unit: candidates may now be hired. Not the director who
	 * approved it; once per requisition (branch people-recruit, decision 0036).
	 */
	@ApplicationModuleListener
	void on(io.rumbo.people.RequisitionApproved approved) {
		Set<UserId> to = new LinkedHashSet<>(recipients.named(List.of(approved.requestedBy())));
		if (approved.unitManager() != null) {
			to.addAll(recipients.person(approved.unitManager()));
		}
		to.removeAll(recipients.named(List.of(approved.approvedBy())));
		String unit = org.namesOfUnits(List.of(approved.unit())).getOrDefault(approved.unit(), "");
		deliveries.deliver(Delivery.of("requisition-approved:" + approved.requisition().value(),
				NotificationKind.REQUISITION_APPROVED, to, "/people/requisitions/" + approved.requisition().value(),
				unit, recipients.displayName(approved.approvedBy()), String.valueOf(approved.requisition().value())));
	}
}
