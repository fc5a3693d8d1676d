package io.rumbo.notifications.domain;

import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.rumbo.identity.UserId;
import io.rumbo.improvement.ImprovementQueries;
import io.rumbo.improvement.ImprovementViews.Alert;
import io.rumbo.improvement.ImprovementViews.AlertKind;
import io.rumbo.metrics.Metric;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.organization.ReportingLines;
import io.rumbo.organization.StaffId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.sales.TaskManagement;
import io.rumbo.sales.TaskView;
import io.rumbo.shared.jobs.ScheduledJob;
import io.rumbo.shared.web.ListQuery;

/**
 * The notifications that come from time passing rather than from an event, as jobs of the shared runner (once
 * across instances, a missed run caught up at start): the weekly digest, the at-risk alert for managers and the
 * daily check of tasks due, check-ins overdue and goals behind, the weekly reminder of forecast calls due. Each keys its deliveries by the day or week it is
 * for, so a run repeated the same day tells nobody twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NotificationJobs {

	private static final ListQuery ALL = new ListQuery(0, 1, List.of()).unpaged();

	private final Deliveries deliveries;
	private final Recipients recipients;
	private final ReportingLines lines;
	private final Attainment attainment;
	private final TaskManagement tasks;
	private final ImprovementQueries improvement;
	private final ForecastCalls forecast;

	NotificationJobs(Deliveries deliveries, Recipients recipients, ReportingLines lines, Attainment attainment,
			TaskManagement tasks, ImprovementQueries improvement, ForecastCalls forecast) {
		this.forecast = forecast;
		this.deliveries = deliveries;
		this.recipients = recipients;
		this.lines = lines;
		this.attainment = attainment;
		this.tasks = tasks;
		this.improvement = improvement;
	}

	@Bean
	ScheduledJob weeklyDigest(@Value("${rumbo.notifications.digest-cron:0 0 7 * * MON}") String cron) {
		return new ScheduledJob("notifications/weekly-digest", cron, due -> digest(due.toLocalDate()));
	}

	@Bean
	ScheduledJob atRiskAlert(@Value("${rumbo.notifications.at-risk-cron:0 0 8 * * MON}") String cron) {
		return new ScheduledJob("notifications/at-risk", cron, due -> atRisk(due.toLocalDate()));
	}

	@Bean
	ScheduledJob dueChecks(@Value("${rumbo.notifications.due-cron:0 30 6 * * *}") String cron) {
		return new ScheduledJob("notifications/due-checks", cron, (ZonedDateTime due) -> dueChecks(due.toLocalDate()));
	}

	@Bean
	ScheduledJob forecastDue(@Value("${rumbo.notifications.forecast-due-cron:0 0 9 * * THU}") String cron) {
		return new ScheduledJob("notifications/forecast-due", cron, due -> forecastDue());
	}

	/**
	 * Each salesperson who has not called their forecast for the current fiscal month yet: a reminder, once per person
	 * and period (the key holds both), however many Thursdays pass before they call. The month is the clock's: a run
	 * caught up after a restart reminds of the month it runs in.
	 */
	public int forecastDue() {
		int delivered = 0;
		for (ForecastCalls.DueCall due : forecast.due(null)) {
			delivered += deliveries.deliver(Delivery.of("forecast-due:" + due.staff().value() + ":" + due.periodCode(),
					NotificationKind.FORECAST_DUE, recipients.person(due.staff()), "/forecast", due.periodCode(),
					due.periodEnd().minusDays(1)));
		}
		return delivered;
	}

	/**
	 * One digest per person who holds a revenue quota or has open tasks due in the coming week: their attainment of
	 * the period so far and what is due. Answers how many were delivered.
	 */
	public int digest(LocalDate day) {
		Map<StaffId, String> attained = new LinkedHashMap<>();
		for (Row row : attainment.people(Recipients.SYSTEM, null, List.of(Metric.REVENUE), null)) {
			attained.put(StaffId.of(row.id()), row.pace().attainment() == null ? "–"
					: row.pace().attainment().setScale(0, RoundingMode.HALF_UP).toPlainString());
		}
		Map<StaffId, Integer> due = new HashMap<>();
		for (TaskView task : openTasks(day, day.plusDays(7))) {
			if (task.assigneeStaffId() != null) {
				due.merge(StaffId.of(task.assigneeStaffId()), 1, Integer::sum);
			}
		}
		Set<StaffId> people = new LinkedHashSet<>(attained.keySet());
		people.addAll(due.keySet());
		Map<StaffId, UserId> accounts = lines.accounts(people);
		int delivered = 0;
		for (StaffId person : people) {
			UserId account = accounts.get(person);
			if (account != null) {
				delivered += deliveries.deliver(Delivery.of("digest:" + day, NotificationKind.WEEKLY_DIGEST,
						Set.of(account), "/targets", attained.getOrDefault(person, "–"), due.getOrDefault(person, 0),
						day.plusDays(7)));
			}
		}
		return delivered;
	}

	/** Each manager of someone at risk of missing their revenue quota this period: who, in one notification. */
	public int atRisk(LocalDate day) {
		Map<StaffId, String> atRisk = new LinkedHashMap<>();
		String period = "";
		for (Row row : attainment.people(Recipients.SYSTEM, null, List.of(Metric.REVENUE), null)) {
			if (row.pace().atRisk()) {
				atRisk.put(StaffId.of(row.id()), row.name());
			}
		}
		if (atRisk.isEmpty()) {
			return 0;
		}
		period = attainment.period(null).code();
		Map<StaffId, StaffId> managers = lines.managers(atRisk.keySet());
		Map<StaffId, Set<String>> byManager = new LinkedHashMap<>();
		managers.forEach((person, manager) -> byManager.computeIfAbsent(manager, m -> new TreeSet<>())
			.add(atRisk.get(person)));
		Map<StaffId, UserId> accounts = lines.accounts(byManager.keySet());
		int delivered = 0;
		for (Map.Entry<StaffId, Set<String>> entry : byManager.entrySet()) {
			UserId account = accounts.get(entry.getKey());
			if (account != null) {
				delivered += deliveries.deliver(Delivery.of("at-risk:" + day, NotificationKind.AT_RISK, Set.of(account),
						"/targets/team", entry.getValue().size(), named(entry.getValue()), period));
			}
		}
		return delivered;
	}

	/** The most people an at-risk notification names; its title says how many there are, its link shows them all. */
	static final int MAX_NAMED = 20;

	/** The first {@link #MAX_NAMED} names, then "…": a manager of a large unit gets a notice, not a roster. */
	static String named(java.util.Collection<String> names) {
		List<String> first = names.stream().limit(MAX_NAMED).toList();
		return String.join(", ", first) + (names.size() > first.size() ? ", …" : "");
	}

	/** Tasks due today, check-ins overdue and goals behind their pace (the person and their manager). */
	public int dueChecks(LocalDate day) {
		int delivered = 0;
		for (TaskView task : openTasks(day, day)) {
			Set<UserId> to = task.assigneeStaffId() != null ? recipients.person(StaffId.of(task.assigneeStaffId()))
					: recipients.people(lines.members(List.of(io.rumbo.organization.UnitId.of(task.assigneeUnitId()))));
			delivered += deliveries.deliver(Delivery.of("task-due:" + task.id() + ":" + task.dueOn(),
					NotificationKind.TASK_DUE, to, "/tasks", task.title(), task.dueOn()));
		}
		LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (Alert alert : improvement.alerts(Recipients.SYSTEM)) {
			StaffId person = StaffId.of(alert.staffId());
			Set<UserId> to = new LinkedHashSet<>(recipients.person(person));
			to.addAll(recipients.managersOf(List.of(person)));
			String name = alert.personName() == null ? "" : alert.personName();
			if (alert.kind() == AlertKind.CHECK_IN_OVERDUE) {
				delivered += deliveries.deliver(Delivery.of("check-in:" + alert.planId() + ":" + alert.dueOn(),
						NotificationKind.CHECK_IN_DUE, to, "/improvement/" + alert.planId(), name, alert.dueOn()));
			}
			else {
				String goal = alert.goalName() == null ? "" : alert.goalName();
				delivered += deliveries.deliver(Delivery.of("goal-behind:" + alert.planId() + ":"
						+ Integer.toHexString(goal.hashCode()) + ":" + week, NotificationKind.GOAL_BEHIND, to,
						"/improvement/" + alert.planId(), name, goal, alert.dueOn()));
			}
		}
		return delivered;
	}

	private List<TaskView> openTasks(LocalDate from, LocalDate to) {
		List<TaskView> open = new ArrayList<>();
		tasks.each(Recipients.SYSTEM, new TaskManagement.Filter(null, null, null, true, false, from, to),
				ALL, open::add);
		return open;
	}
}
