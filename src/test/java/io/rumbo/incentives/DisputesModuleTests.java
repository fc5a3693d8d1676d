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
import io.rumbo.incentives.DisputeViews.DisputeView;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PayoutViews.StatementLine;
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
 * Disputes of statement lines on the company of PayoutRunsModuleTests (Ana and Bruno, salespeople, Lucía their
 * leader; a plan paying 10 % of the month's revenue with a recoverable draw), in fiscal years of their own: Ana
 * questions a line of her January statement, finance adjusts it, the locked January run stays as it was, February's
 * run pays the adjustment once (also when recalculated), March's neither pays it again nor claws it back; who may
 * raise, answer and read.
 */
class DisputesModuleTests extends IncentivesModuleTestSupport {

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
	Disputes disputes;

	@Autowired
	JdbcClient jdbc;

	/** Each test a fiscal year of its own, far from the plans' tests (which go back from 2015). */
	static int nextYear = 2091;

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
	void anAdjustmentLeavesTheLockedRunAndIsPaidOnceByTheNextRun(AssertablePublishedEvents events) {
		revenue(ana, 1, "30000");
		RunView january = approved(1);
		StatementView before = statement(anaUser, january, ana);
		StatementLine line = before.lines().get(0);

		DisputeView dispute = disputes.raise(anaUser, line.id(), "  Order 4711 of 31 January is missing.  ");
		assertThat(dispute.state()).isEqualTo(DisputeState.OPEN);
		assertThat(dispute.comment()).isEqualTo("Order 4711 of 31 January is missing.");
		assertThat(dispute.lineAmount()).isEqualByComparingTo("3000");
		events.assertThat().contains(DisputeRaised.class)
			.matching(e -> e.dispute().value() == dispute.id() && e.staff().value() == ana.id()
					&& e.lineId() == line.id());
		assertThat(statement(anaUser, january, ana).lines().get(0).dispute())
			.isEqualTo(new DisputeViews.LineDispute(dispute.id(), DisputeState.OPEN));
		assertThatThrownBy(() -> disputes.raise(anaUser, line.id(), "again"))
			.as("one open dispute per line").isInstanceOf(ConflictException.class);

		assertThatThrownBy(() -> disputes.adjust(FINANCE, dispute.id(), dispute.version() + 1,
				new BigDecimal("150"), "late")).isInstanceOf(StaleVersionException.class);
		DisputeView adjusted = disputes.adjust(FINANCE, dispute.id(), dispute.version(), new BigDecimal("150.004"),
				"Order 4711 was booked late; 10 % of 1,500.");
		assertThat(adjusted.state()).isEqualTo(DisputeState.ADJUSTED);
		assertThat(adjusted.adjustment()).isEqualByComparingTo("150.00");
		assertThat(adjusted.paidRunId()).isNull();
		events.assertThat().contains(DisputeAnswered.class)
			.matching(e -> e.dispute().value() == dispute.id() && e.outcome() == DisputeState.ADJUSTED
					&& e.adjustment() != null && e.adjustment().compareTo(new BigDecimal("150")) == 0);
		assertThatThrownBy(() -> disputes.reject(FINANCE, dispute.id(), adjusted.version(), "no"))
			.as("an outcome is final").isInstanceOf(ConflictException.class);
		assertThat(jdbc.sql("SELECT action FROM identity_audit_event WHERE entity_type = 'PAYOUT_DISPUTE' "
				+ "AND entity_id = :id ORDER BY id").param("id", String.valueOf(dispute.id())).query(String.class).list())
			.containsExactly("RAISE", "ADJUST");

		StatementView after = statement(FINANCE, january, ana);
		assertThat(after.summary()).as("the locked run is unchanged").isEqualTo(before.summary());
		assertThat(after.lines()).extracting(StatementLine::id, StatementLine::amount)
			.containsExactlyElementsOf(before.lines().stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.id(),
					l.amount())).toList());
		assertThat(runs.get(FINANCE, january.id()).total()).isEqualByComparingTo(january.total());

		RunView february = runs.create(FINANCE, month(2), plan.id());
		february = runs.recalculate(FINANCE, february.id(), february.version());
		StatementView anaFebruary = statement(FINANCE, february, ana);
		assertThat(anaFebruary.lines()).filteredOn(l -> l.citesDispute() != null).singleElement().satisfies(l -> {
			assertThat(l.kind()).isEqualTo(PayoutLineKind.ADJUSTMENT);
			assertThat(l.citesDispute()).isEqualTo(dispute.id());
			assertThat(l.forPeriod()).isEqualTo(month(1));
			assertThat(l.amount()).isEqualByComparingTo("150");
		});
		assertThat(anaFebruary.summary().adjustments()).isEqualByComparingTo("150");
		assertThat(statement(FINANCE, february, bruno).lines()).noneMatch(l -> l.citesDispute() != null);
		runs.approve(FINANCE, february.id(), february.version());
		assertThat(disputes.get(anaUser, dispute.id()).paidRunId()).isEqualTo(february.id());

		RunView march = runs.create(FINANCE, month(3), plan.id());
		assertThat(statement(FINANCE, march, ana).lines()).as("paid once, never taken back")
			.noneMatch(l -> l.kind() != PayoutLineKind.EARNING);
		assertThat(statement(FINANCE, march, ana).summary().adjustments()).isEqualByComparingTo("0");
	}

	@Test
	void onlyTheOwnerRaisesOnlyFinanceAnswersAndEachReadsTheirScope() {
		revenue(ana, 1, "10000");
		revenue(bruno, 1, "20000");
		RunView draft = runs.create(FINANCE, month(1), plan.id());
		long anaLine = statement(FINANCE, draft, ana).lines().get(0).id();
		assertThatThrownBy(() -> disputes.raise(anaUser, anaLine, "draft"))
			.as("a draft is not hers to see yet").isInstanceOf(NotFoundException.class);
		RunView run = runs.approve(FINANCE, draft.id(), draft.version());

		assertThatThrownBy(() -> disputes.raise(brunoUser, anaLine, "not mine"))
			.as("someone else's line, out of scope").isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> disputes.raise(lead, anaLine, "on her behalf"))
			.as("the manager sees it but does not raise it").isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> disputes.raise(FINANCE, anaLine, "finance"))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> disputes.raise(anaUser, anaLine, "   "))
			.isInstanceOf(io.rumbo.shared.domain.ValidationFailedException.class);

		DisputeView dispute = disputes.raise(anaUser, anaLine, "Why 10 %?");
		assertThatThrownBy(() -> disputes.answer(lead, dispute.id(), dispute.version(), "because"))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> disputes.answer(ADMIN, dispute.id(), dispute.version(), "because"))
			.as("administrators do not approve runs, so they do not answer disputes")
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> disputes.answer(anaUser, dispute.id(), dispute.version(), "myself"))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> disputes.get(brunoUser, dispute.id())).isInstanceOf(NotFoundException.class);

		assertThat(list(anaUser, run)).extracting(DisputeView::id).containsExactly(dispute.id());
		assertThat(list(brunoUser, run)).isEmpty();
		assertThat(list(lead, run)).extracting(DisputeView::id).containsExactly(dispute.id());
		assertThat(list(DIRECTOR, run)).extracting(DisputeView::id).containsExactly(dispute.id());

		DisputeView answered = disputes.answer(FINANCE, dispute.id(), dispute.version(), "The plan's flat rate.");
		assertThat(answered.state()).isEqualTo(DisputeState.ANSWERED);
		assertThat(answered.response()).isEqualTo("The plan's flat rate.");
		assertThat(list(FINANCE, run)).extracting(DisputeView::state).containsExactly(DisputeState.ANSWERED);
		DisputeView again = disputes.raise(anaUser, anaLine, "Still unclear.");
		DisputeView rejected = disputes.reject(FINANCE, again.id(), again.version(), "Answered in dispute "
				+ dispute.id() + ".");
		assertThat(rejected.state()).isEqualTo(DisputeState.REJECTED);
		assertThat(runs.create(FINANCE, month(2), plan.id())).as("nothing to pay for an answer or a rejection")
			.satisfies(next -> assertThat(statement(FINANCE, next, ana).lines())
				.noneMatch(l -> l.citesDispute() != null));
	}

	List<DisputeView> list(CurrentUser reader, RunView run) {
		return disputes.list(reader, new Disputes.Filter(null, run.id(), null),
				ListQuery.of(0, 50, null, Disputes.SORTS, "raisedAt")).content();
	}
}
