package io.rumbo.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PayoutViews.StatementLine;
import io.rumbo.incentives.PayoutViews.StatementSummary;
import io.rumbo.incentives.PayoutViews.StatementView;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * Payout runs month after month on a small company of its own (Ana and Bruno, salespeople, and Lucía, their
 * leader), on a plan paying 10 % of the month's revenue with a recoverable draw of 2,000 a month and a 50 % clawback,
 * each test in a fiscal year of its own: the issue's draw example across three runs, a return after a paid month
 * clawed back in the next run, a late order adjusted, a locked run that never changes, roles and scopes.
 */
class PayoutRunsModuleTests extends IncentivesModuleTestSupport {

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	IncentivePlans plans;

	@Autowired
	PayoutRuns runs;

	@Autowired
	Statements statements;

	@Autowired
	JdbcClient jdbc;

	/** Each test a fiscal year of its own, far from the plans' tests (which go back from 2015). */
	static int nextYear = 2071;

	int year;
	FiscalPeriod quarter;
	OrgUnitView team;
	StaffView ana;
	StaffView bruno;
	CurrentUser anaUser;
	CurrentUser brunoUser;
	CurrentUser lead;
	PlanView plan;

	@BeforeEach
	void company() {
		year = nextYear++;
		quarter = calendar.years().quarter(year, 1);
		String code = "P" + System.nanoTime() % 1_000_000_000;
		LocalDate founded = LocalDate.of(1980, 1, 1);
		OrgUnitView company = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY,
				null, null, null, founded, null));
		team = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T", "Equipo", OrgUnitKind.TEAM, null,
				company.id(), null, founded, null));
		var anaAccount = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "ana", "Ana", null,
				PASSWORD, Set.of(Role.REP)));
		ana = person(code + "A", "Ana", JobRole.SALESPERSON, anaAccount.id());
		anaUser = new CurrentUser(new UserId(anaAccount.id()), anaAccount.username(), "Ana", Set.of(Role.REP));
		var brunoAccount = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "bruno", "Bruno", null,
				PASSWORD, Set.of(Role.REP)));
		bruno = person(code + "B", "Bruno", JobRole.SALESPERSON, brunoAccount.id());
		brunoUser = new CurrentUser(new UserId(brunoAccount.id()), brunoAccount.username(), "Bruno",
				Set.of(Role.REP));
		var leadAccount = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "lead", "Lead", null,
				PASSWORD, Set.of(Role.MANAGER)));
		StaffView lucia = person(code + "L", "Lucía", JobRole.TEAM_LEADER, leadAccount.id());
		units.update(ADMIN, team.id(), team.version(), new OrgUnitManagement.UnitDetails(code + "T", "Equipo",
				OrgUnitKind.TEAM, null, company.id(), lucia.id(), founded, null));
		lead = new CurrentUser(new UserId(leadAccount.id()), leadAccount.username(), "Lead", Set.of(Role.MANAGER));
		ComponentDetails revenue = new ComponentDetails("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("10"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(ADMIN, new PlanDetails("Commission " + code, year, JobRole.SALESPERSON,
				company.id(), List.of(), ProrationRule.MONTHS, null, DrawKind.RECOVERABLE, new BigDecimal("2000"),
				ClawbackPolicy.PRORATED, new BigDecimal("50"), List.of(revenue)));
		plan = plans.approve(DIRECTOR, draft.id(), draft.version());
	}

	StaffView person(String number, String name, JobRole role, Long userId) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, name, number, null, null,
				LocalDate.of(1990, 1, 1), team.id(), role, StaffStatus.ACTIVE, 3, userId, null));
	}

	String month(int n) {
		LocalDate start = quarter.start().plusMonths(n - 1);
		return calendar.years().code(new FiscalPeriod(start, start.plusMonths(1)));
	}

	/** Adds revenue to a person's month (a late order, or a return when negative), as the metrics engine would. */
	void revenue(StaffView person, int month, String amount) {
		int changed = jdbc.sql("UPDATE metrics_fact SET amount = amount + :a WHERE staff_id = :s AND unit_id = :u "
				+ "AND month_start = :month AND line_id = 0 AND measure = 'REVENUE'")
			.param("s", person.id()).param("u", team.id()).param("month", quarter.start().plusMonths(month - 1))
			.param("a", new BigDecimal(amount)).update();
		if (changed > 0) {
			return;
		}
		jdbc.sql("""
				INSERT INTO metrics_fact (staff_id, unit_id, month_start, line_id, measure, amount)
				VALUES (:s, :u, :month, 0, 'REVENUE', :a)""")
			.param("s", person.id()).param("u", team.id()).param("month", quarter.start().plusMonths(month - 1))
			.param("a", new BigDecimal(amount)).update();
	}

	RunView approved(int month) {
		RunView run = runs.create(FINANCE, month(month), plan.id());
		return runs.approve(FINANCE, run.id(), run.version());
	}

	StatementView statement(CurrentUser reader, RunView run, StaffView person) {
		return statements.get(reader, run.id(), plan.code(), person.id());
	}

	@Test
	void theDrawOfTheIssueIsCarriedFromRunToRunAndAReturnIsClawedBackInTheNextRun(
			AssertablePublishedEvents events) {
		revenue(ana, 1, "15000");
		revenue(ana, 2, "23750");
		revenue(ana, 3, "30000");
		revenue(bruno, 1, "100000");
		revenue(bruno, 2, "80000");

		RunView january = approved(1);
		assertThat(january.people()).isEqualTo(2);
		events.assertThat().contains(PayoutRunApproved.class)
			.matching(e -> e.run().value() == january.id() && e.planCodes().equals(List.of(plan.code())));
		StatementView anaJanuary = statement(FINANCE, january, ana);
		assertThat(anaJanuary.lines()).singleElement().satisfies(l -> {
			assertThat(l.kind()).isEqualTo(PayoutLineKind.EARNING);
			assertThat(l.value()).isEqualByComparingTo("15000");
			assertThat(l.rate()).isEqualByComparingTo("10");
			assertThat(l.amount()).isEqualByComparingTo("1500");
			assertThat(l.records()).isEqualTo("/api/v1/metrics/revenue/records?period=" + month(1) + "&person="
					+ ana.id());
		});
		assertThat(anaJanuary.summary().payable()).isEqualByComparingTo("2000");
		assertThat(anaJanuary.summary().owedAfter()).isEqualByComparingTo("500");
		assertThat(statement(FINANCE, january, bruno).summary().payable()).isEqualByComparingTo("10000");

		// Bruno's January order is returned after January was paid.
		revenue(bruno, 1, "-100000");
		RunView february = approved(2);
		StatementView brunoFebruary = statement(FINANCE, february, bruno);
		StatementLine clawback = brunoFebruary.lines()
			.stream()
			.filter(l -> l.kind() == PayoutLineKind.CLAWBACK)
			.findFirst()
			.orElseThrow();
		assertThat(clawback.forPeriod()).isEqualTo(month(1));
		assertThat(clawback.paidBefore()).isEqualByComparingTo("10000");
		assertThat(clawback.difference()).isEqualByComparingTo("-10000");
		assertThat(clawback.amount()).as("50 % of 10,000").isEqualByComparingTo("-5000");
		assertThat(brunoFebruary.summary().clawbacks()).isEqualByComparingTo("-5000");
		assertThat(brunoFebruary.summary().payable()).as("8,000 earned less 5,000").isEqualByComparingTo("3000");
		assertThat(statement(FINANCE, january, bruno).summary().payable()).as("the locked run never changes")
			.isEqualByComparingTo("10000");
		StatementSummary anaFebruary = statement(FINANCE, february, ana).summary();
		assertThat(anaFebruary.payable()).isEqualByComparingTo("2000");
		assertThat(anaFebruary.owedAfter()).isEqualByComparingTo("125");

		// A late February order for Bruno after February was paid: an adjustment in March.
		revenue(bruno, 2, "5000");
		RunView march = runs.create(FINANCE, month(3), plan.id());
		StatementView brunoMarch = statement(FINANCE, march, bruno);
		assertThat(brunoMarch.lines()).extracting(StatementLine::kind, StatementLine::forPeriod)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PayoutLineKind.EARNING, month(3)),
					org.assertj.core.groups.Tuple.tuple(PayoutLineKind.ADJUSTMENT, month(2)));
		assertThat(brunoMarch.summary().adjustments()).isEqualByComparingTo("500");
		assertThat(brunoMarch.lines().get(1).amount()).isEqualByComparingTo("500");
		assertThat(brunoMarch.summary().payable()).as("no March sales: the draw, 1,500 owed")
			.isEqualByComparingTo("2000");
		assertThat(brunoMarch.lines()).as("the January clawback is not taken twice")
			.noneMatch(l -> l.forPeriod().equals(month(1)));
		StatementSummary anaMarch = statement(FINANCE, march, ana).summary();
		assertThat(anaMarch.payable()).isEqualByComparingTo("2875");
		assertThat(anaMarch.owedAfter()).isEqualByComparingTo("0");
		assertThat(anaMarch.draw()).as("a recovery").isEqualByComparingTo("-125");

		// A draft is recalculated on the figures as they are now; a stale version is a 409.
		revenue(ana, 3, "1000");
		long marchRows = rows(march);
		RunView recalculated = runs.recalculate(FINANCE, march.id(), march.version());
		assertThat(rows(recalculated)).as("a recalculation replaces the draft's lines and statements")
			.isEqualTo(marchRows);
		assertThat(recalculated.version()).isGreaterThan(march.version());
		assertThat(statement(FINANCE, recalculated, ana).summary().payable()).isEqualByComparingTo("2975");
		assertThatThrownBy(() -> runs.recalculate(FINANCE, march.id(), march.version()))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> runs.recalculate(FINANCE, january.id(), january.version()))
			.as("a locked run is never recalculated")
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> runs.create(FINANCE, month(1), plan.id())).as("January is paid")
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> runs.create(FINANCE, calendar.years().code(quarter), plan.id()))
			.as("a quarter overlapping paid months")
			.isInstanceOf(ConflictException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'PAYOUT_RUN' "
				+ "AND entity_id IN (:ids)")
			.param("ids", List.of(String.valueOf(january.id()), String.valueOf(march.id())))
			.query(Long.class)
			.single()).as("calculated and approved; calculated and recalculated").isEqualTo(4);
		// No foreign key checks the rows' run (decision 0045): the run writes them with itself, in one transaction.
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM incentives_payout_line l WHERE l.plan_code = :plan
				  AND NOT EXISTS (SELECT 1 FROM incentives_payout_run r WHERE r.id = l.run_id)""")
			.param("plan", plan.code()).query(Long.class).single()).as("lines without their run").isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM incentives_payout_statement s WHERE s.plan_code = :plan
				  AND NOT EXISTS (SELECT 1 FROM incentives_payout_run r WHERE r.id = s.run_id)""")
			.param("plan", plan.code()).query(Long.class).single()).as("statements without their run").isZero();
	}

	/** A run's lines and statements, counted together. */
	long rows(RunView run) {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM incentives_payout_line WHERE run_id = :run)"
				+ " + (SELECT COUNT(*) FROM incentives_payout_statement WHERE run_id = :run)")
			.param("run", run.id()).query(Long.class).single();
	}

	@Test
	void financeApprovesAndEachPersonSeesOnlyTheStatementsTheirScopeHolds() {
		revenue(ana, 1, "15000");
		revenue(bruno, 1, "30000");
		RunView draft = runs.create(FINANCE, month(1), plan.id());
		assertThatThrownBy(() -> runs.create(lead, month(2), plan.id())).isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> runs.approve(ADMIN, draft.id(), draft.version()))
			.as("administrators calculate, finance approves")
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> runs.approve(FINANCE, draft.id(), draft.version() + 1))
			.isInstanceOf(StaleVersionException.class);
		assertThat(statements(anaUser, draft)).as("a draft is not the reps' yet").isEmpty();
		RunView run = runs.approve(FINANCE, draft.id(), draft.version());
		assertThat(run.state()).isEqualTo(RunState.APPROVED);
		assertThat(run.approvedBy()).isEqualTo("finance");
		assertThat(run.total()).isEqualByComparingTo("5000");

		assertThat(statements(anaUser, run)).extracting(StatementSummary::staffId).containsExactly(ana.id());
		assertThat(statements(lead, run)).extracting(StatementSummary::staffId)
			.containsExactlyInAnyOrder(ana.id(), bruno.id());
		assertThat(statements(DIRECTOR, run)).hasSize(2);
		assertThatThrownBy(() -> statement(anaUser, run, bruno)).as("out of scope is 404")
			.isInstanceOf(NotFoundException.class);
		assertThat(statement(brunoUser, run, bruno).summary().payable()).isEqualByComparingTo("3000");
		assertThatThrownBy(() -> runs.get(anaUser, run.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> runs.list(anaUser, new PayoutRuns.RunFilter(null, null),
				ListQuery.of(0, 20, null, PayoutRuns.RUN_SORTS, "period"))).isInstanceOf(AccessRefusedException.class);
		assertThat(runs.list(FINANCE, new PayoutRuns.RunFilter(RunState.APPROVED, calendar.years().code(quarter)),
				ListQuery.of(0, 20, null, PayoutRuns.RUN_SORTS, "period")).content()).extracting(RunView::id)
			.containsExactly(run.id());
	}

	List<StatementSummary> statements(CurrentUser reader, RunView run) {
		return statements.list(reader, new Statements.Filter(run.id(), null, null, null),
				ListQuery.of(0, 50, null, Statements.SORTS, "staff")).content();
	}

	@Test
	void aDraftOfEveryPlanTakesInAPlanApprovedLaterAndTheNewerVersionOfItsPlans() {
		revenue(bruno, 1, "1000");
		RunView draft = runs.create(FINANCE, month(1), null);
		assertThat(draft.planCodes()).containsExactly(plan.code());
		// A plan approved after the draft was calculated (a channel's, decision 0042): 5 % for Bruno alone.
		ComponentDetails five = new ComponentDetails("Five", Metric.REVENUE, MeasuredOn.PERSON, null, Cadence.MONTH,
				TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("5"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView lateDraft = plans.create(ADMIN, new PlanDetails("Late " + plan.code(), year, null, null,
				List.of(bruno.id()), ProrationRule.MONTHS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(five)));
		PlanView late = plans.approve(DIRECTOR, lateDraft.id(), lateDraft.version());
		// And a newer version of the first plan, renamed.
		PlanView next = plans.update(ADMIN, plan.id(), plan.version(), new PlanDetails("Renamed " + plan.code(),
				plan.details().fiscalYear(), plan.details().populationRole(), plan.details().populationUnitId(),
				plan.details().namedPeople(), plan.details().prorationRule(), plan.details().planCap(),
				plan.details().drawKind(), plan.details().drawAmount(), plan.details().clawbackPolicy(),
				plan.details().clawbackPercent(), plan.details().components()));
		PlanView renamed = plans.approve(DIRECTOR, next.id(), next.version());

		RunView again = runs.recalculate(FINANCE, draft.id(), draft.version());
		assertThat(again.planCodes()).containsExactlyInAnyOrder(plan.code(), late.code());
		assertThat(again.planNames()).contains("Renamed " + plan.code()).doesNotContain(plan.details().name());
		assertThat(statements.get(FINANCE, again.id(), late.code(), bruno.id()).summary().payable())
			.isEqualByComparingTo("50");
		RunView single = runs.create(FINANCE, month(2), renamed.id());
		assertThat(runs.recalculate(FINANCE, single.id(), single.version()).planCodes())
			.as("a run of one plan stays a run of that plan").containsExactly(plan.code());
	}

}
