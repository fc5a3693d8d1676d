package io.rumbo.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.ScorecardViews.ScorecardSummary;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.AwardProposals;
import io.rumbo.incentives.Awards;
import io.rumbo.incentives.Estimates;
import io.rumbo.incentives.ProposalStatus;
import io.rumbo.incentives.RecognitionFeed;
import io.rumbo.incentives.RecognitionViews.FeedItem;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.ObjectiveManagement.ObjectiveView;
import io.rumbo.planning.PlanPerformance;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanState;
import io.rumbo.planning.PlanViews.Performance;
import io.rumbo.planning.PlanViews.PerformanceRow;
import io.rumbo.planning.PlanViews.PlanView;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.planning.StrategyManagement.StrategyView;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.PeriodView;
import io.rumbo.quotas.AttainmentViews.PersonView;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityView;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.sales.OpportunityAttention;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityQueries.PipelineTotals;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.TaskManagement;
import io.rumbo.sales.TaskView;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The figures of each panel of the home pages, read through the API of the module that owns them and within the
 * reader's data scope (each of those facades applies it in SQL). Every panel is its own read, so the page asks for
 * them one by one and a failing one fails alone. Lists are short (the first {@link #SHOWN} rows, with the total where
 * the owner answers it) and each panel links to its module's full list.
 */
@Service
public class HomePanels {

	/** Rows a list panel shows; the full list is a link away. */
	public static final int SHOWN = 5;

	private final Attainment attainment;
	private final ActivityManagement activities;
	private final TaskManagement tasks;
	private final OpportunityQueries opportunities;
	private final OpportunityAttention attention;
	private final ServiceManagement service;
	private final RecognitionFeed feed;
	private final io.rumbo.lessons.LessonQueries lessons;
	private final Scorecards scorecards;
	private final Estimates estimates;
	private final AwardProposals proposals;
	private final PlanReading plans;
	private final PlanPerformance performance;
	private final StrategyManagement strategies;
	private final ObjectiveManagement objectives;
	private final FiscalCalendar calendar;
	private final ForecastCalls forecasts;
	private final OrgDirectory org;
	private final Clock clock;

	HomePanels(Attainment attainment, ActivityManagement activities, TaskManagement tasks,
			OpportunityQueries opportunities, OpportunityAttention attention, ServiceManagement service,
			RecognitionFeed feed, Scorecards scorecards, Estimates estimates, AwardProposals proposals,
			PlanReading plans, PlanPerformance performance, StrategyManagement strategies,
			ObjectiveManagement objectives, FiscalCalendar calendar, ForecastCalls forecasts, OrgDirectory org,
			Clock clock, io.rumbo.lessons.LessonQueries lessons) {
		this.lessons = lessons;
		this.forecasts = forecasts;
		this.org = org;
		this.attainment = attainment;
		this.activities = activities;
		this.tasks = tasks;
		this.opportunities = opportunities;
		this.attention = attention;
		this.service = service;
		this.feed = feed;
		this.scorecards = scorecards;
		this.estimates = estimates;
		this.proposals = proposals;
		this.plans = plans;
		this.performance = performance;
		this.strategies = strategies;
		this.objectives = objectives;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The reader's own staff record; absent for a user who is no member of staff (their panels are empty). */
	public @Nullable Long self(CurrentUser user) {
		StaffId self = attainment.self(user);
		return self == null ? null : self.value();
	}

	// The salesperson's page.

	/** The reader's attainment and pace of each quota of the current fiscal year; null when they hold none. */
	public @Nullable PersonView targets(CurrentUser user) {
		StaffId self = attainment.self(user);
		return self == null ? null : attainment.person(user, self, null, List.of());
	}

	/**
	 * The last day of the week a salesperson plans: this week's Sunday, or on a Saturday or Sunday the next week's,
	 * so the weekend shows the coming week rather than nothing.
	 */
	static LocalDate weekEnd(LocalDate today) {
		LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		return today.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? sunday.plusWeeks(1) : sunday;
	}

	/** Today's activities and the rest of the week's (to Sunday), planned or done, of the reader. */
	public record Agenda(LocalDate today, LocalDate weekEnd, List<ActivityView> todays, List<ActivityView> later) {
	}

	public Agenda agenda(CurrentUser user) {
		LocalDate today = LocalDate.now(clock);
		LocalDate sunday = weekEnd(today);
		Long self = self(user);
		List<ActivityView> week = self == null ? List.of()
				: activities.list(user, new ActivityManagement.Filter(self, null, null, today, sunday, null),
						ListQuery.of(0, 50, List.of("plannedOn"), ActivityManagement.SORTS, "plannedOn")).content();
		return new Agenda(today, sunday, week.stream().filter(a -> a.plannedOn().equals(today)).toList(),
				week.stream().filter(a -> a.plannedOn().isAfter(today)).toList());
	}

	/** Open tasks given to the reader or to their team, overdue and due by Sunday, with how many there are. */
	public record Tasks(LocalDate weekEnd, List<TaskView> overdue, long overdueCount, List<TaskView> due,
			long dueCount) {
	}

	public Tasks tasks(CurrentUser user) {
		LocalDate today = LocalDate.now(clock);
		LocalDate sunday = weekEnd(today);
		ListQuery first = ListQuery.of(0, SHOWN, List.of("dueOn"), TaskManagement.SORTS, "dueOn");
		PageResponse<TaskView> overdue = tasks.list(user, new TaskManagement.Filter(null, null, null, true, true,
				null, null), first);
		PageResponse<TaskView> due = tasks.list(user, new TaskManagement.Filter(null, null, null, true, false,
				today, sunday), first);
		return new Tasks(sunday, overdue.content(), overdue.page().totalElements(), due.content(),
				due.page().totalElements());
	}

	/** The reader's open deals expected to close in the current fiscal month, and their sum. */
	public record Closing(LocalDate from, LocalDate to, List<OpportunityView> deals, BigDecimal amount) {
	}

	public Closing closing(CurrentUser user) {
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		FiscalPeriod month = years.month(years.yearOf(today), years.monthOf(today));
		Long self = self(user);
		List<OpportunityView> deals = self == null ? List.of()
				: attention.closing(user, self, month.start(), month.lastDay(), 50);
		return new Closing(month.start(), month.lastDay(), deals.stream().limit(SHOWN).toList(),
				deals.stream().map(OpportunityView::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** The reader's open deals nothing happened on for {@code days} days. */
	public record Stale(int days, List<OpportunityAttention.Stale> deals) {
	}

	public Stale stale(CurrentUser user) {
		Long self = self(user);
		return new Stale(OpportunityAttention.STALE_DAYS, self == null ? List.of()
				: attention.stale(user, self, OpportunityAttention.STALE_DAYS, SHOWN));
	}

	/** The latest service cases of the reader's customers (attributed to them), open ones counted. */
	public record Cases(List<ServiceCaseView> latest, long open) {
	}

	public Cases cases(CurrentUser user) {
		Long self = self(user);
		if (self == null) {
			return new Cases(List.of(), 0);
		}
		List<ServiceCaseView> latest = service.cases(user, new ServiceManagement.CaseFilter(null, null, self, null,
				null, null, null, null, null), ListQuery.of(0, SHOWN, List.of("openedOn,desc"),
						ServiceManagement.CASE_SORTS, "openedOn")).content();
		long open = service.cases(user, new ServiceManagement.CaseFilter(null, null, self, null, true, null, null,
				null, null), ListQuery.of(0, 1, List.of("openedOn,desc"), ServiceManagement.CASE_SORTS, "openedOn"))
			.page().totalElements();
		return new Cases(latest, open);
	}

	/**
	 * The team's latest awards and badges, the reader's reviewed scorecards waiting for their acknowledgement, and the
	 * latest success cases shared with the reader's scope (lessons, decision 0032).
	 */
	public record Feed(List<FeedItem> items, List<ScorecardSummary> toAcknowledge,
			List<io.rumbo.lessons.LessonView> successCases) {
	}

	public Feed feed(CurrentUser user) {
		List<FeedItem> items = feed.list(user, RecognitionFeed.Filter.none(),
				ListQuery.of(0, SHOWN, List.of("on,desc"), RecognitionFeed.SORTS, "on")).content();
		Long self = self(user);
		List<ScorecardSummary> reviewed = self == null ? List.of()
				: scorecards.list(user, new Scorecards.Filter(null, self, ScorecardState.REVIEWED),
						ListQuery.of(0, SHOWN, List.of("cycle,desc"), Scorecards.SORTS, "cycle")).content();
		return new Feed(items, reviewed, lessons.recentCases(user, SHOWN));
	}

	/** What the reader's incentive plan pays so far (the period's and the year's), as estimated today. */
	public Estimates.@Nullable Estimate earnings(CurrentUser user) {
		Long self = self(user);
		return self == null ? null : estimates.estimate(user, self, null);
	}

	// The manager's page.

	/**
	 * The team's revenue attainment and pace of the current fiscal year, one row per quota holder in the reader's
	 * scope: those at risk first (the furthest below the threshold first), then by attainment from the lowest.
	 */
	public record Team(PeriodView period, List<Row> rows, long atRisk) {
	}

	public Team team(CurrentUser user) {
		PeriodView period = attainment.period(null);
		List<Row> rows = attainment.people(user, null, List.of(Attainment.DEFAULT_MEASURE), null).stream()
			.sorted(Comparator.comparing((Row r) -> !r.pace().atRisk())
				.thenComparing(r -> r.pace().projectedAttainment(), Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(r -> r.pace().attainment(), Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(Row::name))
			.toList();
		return new Team(period, rows, rows.stream().filter(r -> r.pace().atRisk()).count());
	}

	/**
	 * Pipeline coverage of the current fiscal year: the weighted open pipeline of the reader's scope against the
	 * revenue quota its people still have to reach, in total and per person, the lowest coverage first.
	 */
	public record Coverage(PeriodView period, PipelineTotals pipeline, BigDecimal remaining,
			@Nullable BigDecimal coverage, List<PersonCoverage> people) {
	}

	/** A person's weighted open pipeline, their remaining revenue quota and the coverage (null without quota left). */
	public record PersonCoverage(long staffId, String name, BigDecimal weighted, BigDecimal remaining,
			@Nullable BigDecimal coverage) {
	}

	public Coverage coverage(CurrentUser user) {
		PeriodView period = attainment.period(null);
		List<Row> rows = attainment.people(user, null, List.of(Metric.REVENUE), null);
		PipelineTotals pipeline = opportunities.totals(user, null, null);
		Map<Long, BigDecimal> weighted = rows.isEmpty() ? Map.of() : attention.weightedByOwner(user);
		List<PersonCoverage> people = rows.stream().map(r -> {
			BigDecimal remaining = r.pace().gap().max(BigDecimal.ZERO);
			BigDecimal own = weighted.getOrDefault(r.id(), BigDecimal.ZERO);
			return new PersonCoverage(r.id(), r.name(), own, remaining, ratio(own, remaining));
		})
			.sorted(Comparator.comparing(PersonCoverage::coverage, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(PersonCoverage::name))
			.toList();
		BigDecimal remaining = people.stream().map(PersonCoverage::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Coverage(period, pipeline, remaining, ratio(pipeline.weighted(), remaining), people);
	}

	/** Weighted pipeline over the quota still to reach, as the metrics catalogue's pipeline coverage reads. */
	private static @Nullable BigDecimal ratio(BigDecimal weighted, BigDecimal remaining) {
		return remaining.signum() > 0 ? weighted.divide(remaining, 2, RoundingMode.HALF_UP) : null;
	}

	/**
	 * The forecast calls of the current fiscal month still due in the reader's scope: the salespeople who have not
	 * called yet, by name (the full roll-up is the team forecast page).
	 */
	public record ForecastDue(ForecastCalls.Period period, List<String> people, long count) {
	}

	public ForecastDue forecast(CurrentUser user) {
		ForecastCalls.Period period = forecasts.period(null);
		List<ForecastCalls.DueCall> due = forecasts.due(user, period.code());
		Map<StaffId, String> names = org.namesOfStaff(due.stream().map(ForecastCalls.DueCall::staff).toList());
		List<String> people = due.stream().map(d -> names.getOrDefault(d.staff(), "#" + d.staff().value()))
			.sorted()
			.limit(SHOWN)
			.toList();
		return new ForecastDue(period, people, due.size());
	}

	/** Open tasks past their due date and visits planned before today not recorded as done, in the reader's scope. */
	public record Overdue(LocalDate today, List<TaskView> tasks, long taskCount, List<ActivityView> visits,
			long visitCount) {
	}

	public Overdue overdue(CurrentUser user) {
		LocalDate today = LocalDate.now(clock);
		PageResponse<TaskView> late = tasks.list(user, new TaskManagement.Filter(null, null, null, true, true, null,
				null), ListQuery.of(0, SHOWN, List.of("dueOn"), TaskManagement.SORTS, "dueOn"));
		PageResponse<ActivityView> missed = activities.list(user, new ActivityManagement.Filter(null, null, null,
				null, today.minusDays(1), false), ListQuery.of(0, SHOWN, List.of("plannedOn"), ActivityManagement.SORTS,
						"plannedOn"));
		return new Overdue(today, late.content(), late.page().totalElements(), missed.content(),
				missed.page().totalElements());
	}

	/** Scorecards waiting for the manager's review, and reviewed ones waiting for the person's acknowledgement. */
	public record Evaluations(List<ScorecardSummary> toReview, long toReviewCount, List<ScorecardSummary> unacknowledged,
			long unacknowledgedCount) {
	}

	public Evaluations evaluations(CurrentUser user) {
		ListQuery first = ListQuery.of(0, SHOWN, List.of("cycle,desc"), Scorecards.SORTS, "cycle");
		PageResponse<ScorecardSummary> review = scorecards.list(user,
				new Scorecards.Filter(null, null, ScorecardState.TO_REVIEW), first);
		PageResponse<ScorecardSummary> acknowledge = scorecards.list(user,
				new Scorecards.Filter(null, null, ScorecardState.REVIEWED), first);
		return new Evaluations(review.content(), review.page().totalElements(), acknowledge.content(),
				acknowledge.page().totalElements());
	}

	/**
	 * What waits for the reader's decision: award proposals from evaluations (managers and directors) and, for a
	 * director, plan versions submitted for approval.
	 */
	public record Approvals(List<ProposalView> proposals, long proposalCount, List<SubmittedVersion> versions) {
	}

	/** A plan version submitted for approval. */
	public record SubmittedVersion(long planId, String planName, int fiscalYear, VersionView version) {
	}

	public Approvals approvals(CurrentUser user) {
		PageResponse<ProposalView> open = Awards.mayGrant(user)
				? proposals.list(user, ProposalStatus.OPEN,
						ListQuery.of(0, SHOWN, List.of("nominatedAt,desc"), AwardProposals.SORTS, "nominatedAt"))
				: null;
		List<SubmittedVersion> versions = !io.rumbo.planning.PlanPermissions.mayApprove(user) ? List.of()
				: plans.plans(user).stream()
					.flatMap(p -> p.versions().stream().filter(v -> v.state() == PlanState.SUBMITTED)
						.map(v -> new SubmittedVersion(p.id(), p.name(), p.fiscalYear(), v)))
					.toList();
		return new Approvals(open == null ? List.of() : open.content(), open == null ? 0 : open.page().totalElements(),
				versions);
	}

	// The director's page.

	/** The plan of the current fiscal year (the one with a version that counts); null when there is none. */
	public @Nullable PlanView currentPlan(CurrentUser user) {
		int year = calendar.currentYear();
		return plans.plans(user).stream().filter(p -> p.fiscalYear() == year && p.current() != null).findFirst()
			.orElse(null);
	}

	/** Plan against actual and forecast of the current fiscal year by region: the company's and its first level's. */
	public record PlanByRegion(PlanView plan, Performance figures, List<PerformanceRow> regions) {
	}

	public @Nullable PlanByRegion plan(CurrentUser user) {
		PlanView plan = currentPlan(user);
		if (plan == null) {
			return null;
		}
		Performance figures = performance.performance(user, plan.id(), "unit", null);
		int top = figures.rows().stream().mapToInt(PerformanceRow::depth).min().orElse(0);
		return new PlanByRegion(plan, figures, figures.rows().stream().filter(r -> r.depth() == top + 1).toList());
	}

	/** The strategies of the current plan with what they were expected to bring and what the tagged orders did. */
	public record Strategies(PlanView plan, List<StrategyView> strategies) {
	}

	public @Nullable Strategies strategies(CurrentUser user) {
		PlanView plan = currentPlan(user);
		return plan == null ? null : new Strategies(plan, strategies.list(plan.id()));
	}

	/** The objectives of the current fiscal year. */
	public record Objectives(@Nullable PlanView plan, int fiscalYear, List<ObjectiveView> objectives) {
	}

	public Objectives objectives(CurrentUser user) {
		int year = calendar.currentYear();
		return new Objectives(currentPlan(user), year, objectives.list(year));
	}
}
