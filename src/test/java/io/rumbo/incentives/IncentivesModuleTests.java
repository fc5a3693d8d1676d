package io.rumbo.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.rumbo.incentives.IncentiveCalculation.Line;
import io.rumbo.incentives.IncentiveCalculation.PersonResult;
import io.rumbo.incentives.IncentiveCalculation.Preview;
import io.rumbo.incentives.PlanViews.BonusLine;
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
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * Plans, versions, approval, assignments and the preview on a small company of its own (a team of two salespeople
 * and their leader), with figures written as metrics facts and quotas as a published quota version, each test in a
 * fiscal year of its own. The preview's figures are checked against amounts worked out by hand.
 */
class IncentivesModuleTests extends IncentivesModuleTestSupport {

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
	IncentiveCalculation calculation;

	@Autowired
	JdbcClient jdbc;

	/** Each test a fiscal year of its own, going back, so quotas and facts never meet. */
	static int nextYear = 2015;

	int year;
	FiscalPeriod quarter;
	OrgUnitView company;
	OrgUnitView team;
	StaffView ana;
	StaffView bruno;
	StaffView lucia;
	CurrentUser anaUser;
	CurrentUser brunoUser;
	CurrentUser lead;

	@BeforeEach
	void company() {
		year = nextYear--;
		quarter = calendar.years().quarter(year, 1);
		String code = "I" + System.nanoTime() % 1_000_000_000;
		LocalDate founded = LocalDate.of(1980, 1, 1);
		company = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null,
				null, founded, null));
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
		lucia = person(code + "L", "Lucía", JobRole.TEAM_LEADER, leadAccount.id());
		units.update(ADMIN, team.id(), team.version(), new OrgUnitManagement.UnitDetails(code + "T", "Equipo",
				OrgUnitKind.TEAM, null, company.id(), lucia.id(), founded, null));
		lead = new CurrentUser(new UserId(leadAccount.id()), leadAccount.username(), "Lead", Set.of(Role.MANAGER));
	}

	StaffView person(String number, String name, JobRole role, Long userId) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, name, number, null, null,
				LocalDate.of(1990, 1, 1), team.id(), role, StaffStatus.ACTIVE, 3, userId, null));
	}

	LocalDate month(int n) {
		return quarter.start().plusMonths(n - 1);
	}

	void fact(StaffView person, LocalDate month, long line, String measure, String amount) {
		jdbc.sql("""
				INSERT INTO metrics_fact (staff_id, unit_id, month_start, line_id, measure, amount)
				VALUES (:s, :u, :month, :line, :m, :a)""")
			.param("s", person.id()).param("u", team.id()).param("month", month).param("line", line)
			.param("m", measure).param("a", new BigDecimal(amount)).update();
	}

	/** A published quota version of the year: revenue quotas by person and for the team, months 1 to 3. */
	void quotas(String anaMonth, String brunoMonth, String teamMonth) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO quotas_version (fiscal_year, number, state, plan_version_id, ramp, created_by, created_at,
				  published_by, published_at, version)
				VALUES (:year, 1, 'PUBLISHED', 0, '100', 'test', :now, 'test', :now, 0)""")
			.param("year", year).param("now", now).update();
		long version = jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :year").param("year", year)
			.query(Long.class).single();
		for (long unit : List.of(company.id(), team.id())) {
			jdbc.sql("INSERT INTO quotas_release (version_id, unit_id, released_by, released_at) "
					+ "VALUES (:v, :u, 'test', :now)").param("v", version).param("u", unit).param("now", now).update();
		}
		for (int m = 1; m <= 3; m++) {
			jdbc.sql("""
					INSERT INTO quotas_unit_month (version_id, unit_id, parent_unit_id, metric, fiscal_month, amount)
					VALUES (:v, :u, :p, 'REVENUE', :m, :a)""")
				.param("v", version).param("u", team.id()).param("p", company.id()).param("m", m)
				.param("a", new BigDecimal(teamMonth)).update();
			for (var q : List.of(List.of(ana.id(), anaMonth), List.of(bruno.id(), brunoMonth))) {
				jdbc.sql("""
						INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month,
						  full_amount, amount)
						VALUES (:v, :s, :u, 'REVENUE', :m, :a, :a)""")
					.param("v", version).param("s", q.get(0)).param("u", team.id()).param("m", m)
					.param("a", new BigDecimal((String) q.get(1))).update();
			}
		}
	}

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	static TierLine tier(String from, String to, String pays) {
		return new TierLine(d(from), to == null ? null : d(to), d(pays));
	}

	static ComponentDetails component(String name, Metric metric, MeasuredOn on, Long line, Cadence cadence,
			TableBasis basis, TableKind kind, List<TierLine> tiers, List<BonusLine> bonuses, LocalDate windowFrom,
			LocalDate windowTo) {
		return new ComponentDetails(name, metric, on, line, cadence, basis, kind, TierBoundary.LOWER_INCLUSIVE, tiers,
				null, null, null, null, null, null, bonuses, null, windowFrom, windowTo);
	}

	/**
	 * The reps' plan: revenue quarterly at 5 % to quota, 6 % to 125 %, 7 % above (on attainment); margin at the
	 * flat rate of the highest tier; a SPIFF of 25 per unit of product line 77 in the quarter's second month.
	 */
	PlanDetails reps(String name) {
		return new PlanDetails(name, year, JobRole.SALESPERSON, company.id(), List.of(), ProrationRule.MONTHS, null,
				DrawKind.NONE, null, ClawbackPolicy.PRORATED, d("50"),
				List.of(component("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null, Cadence.QUARTER,
						TableBasis.ATTAINMENT, TableKind.MARGINAL,
						List.of(tier("0", "100", "5"), tier("100", "125", "6"), tier("125", null, "7")), List.of(),
						null, null),
						component("Margin", Metric.MARGIN, MeasuredOn.PERSON, null, Cadence.QUARTER, TableBasis.VALUE,
								TableKind.FLAT, List.of(tier("0", "10000", "1"), tier("10000", "50000", "2"),
										tier("50000", "100000", "3"), tier("100000", null, "4")),
								List.of(), null, null),
						component("SPIFF", Metric.UNITS, MeasuredOn.PERSON, 77L, Cadence.MONTH, TableBasis.VALUE,
								TableKind.PER_UNIT, List.of(tier("0", null, "25")), List.of(), month(2),
								month(3).minusDays(1))));
	}

	/** The leaders' plan: 3,000 when the team reaches its revenue quota, 1,500 more at 120 %. */
	PlanDetails leaders(String name) {
		return new PlanDetails(name, year, JobRole.TEAM_LEADER, company.id(), List.of(), ProrationRule.DAYS, null,
				DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(component("Team bonus", Metric.REVENUE, MeasuredOn.TEAM, null, Cadence.QUARTER,
						TableBasis.ATTAINMENT, TableKind.MARGINAL, List.of(tier("0", null, "0")),
						List.of(new BonusLine(d("100"), d("3000")), new BonusLine(d("120"), d("1500"))), null,
						null)));
	}

	@Test
	void validationNamesTheComponentAndTheTier() {
		PlanDetails ok = reps("Reps");
		ComponentDetails gap = new ComponentDetails("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.QUARTER, TableBasis.VALUE, TableKind.MARGINAL, TierBoundary.LOWER_INCLUSIVE,
				List.of(tier("0", "100", "1"), tier("150", null, "2")), null, null, d("100"), null, null, null,
				List.of(), null, null, null);
		ComponentDetails proportional = new ComponentDetails("Hunter", Metric.NEW_CUSTOMERS, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.PROPORTIONAL, TierBoundary.LOWER_INCLUSIVE,
				List.of(tier("0", null, "100")), null, null, null, null, null, null, List.of(), null, null, null);
		PlanDetails wrong = new PlanDetails("Wrong", year, null, null, List.of(), ok.prorationRule(), null,
				DrawKind.RECOVERABLE, null, ClawbackPolicy.FULL, null, List.of(gap, proportional));
		assertThatThrownBy(() -> plans.create(ADMIN, wrong)).isInstanceOfSatisfying(ValidationFailedException.class,
				ex -> assertThat(ex.errors())
					.extracting(ValidationFailedException.FieldError::field, ValidationFailedException.FieldError::messageKey)
					.containsExactlyInAnyOrder(
							org.assertj.core.groups.Tuple.tuple("drawAmount", "incentives.plan.drawAmount.required"),
							org.assertj.core.groups.Tuple.tuple("components[0].tiers[1].from", "incentives.tier.gap"),
							org.assertj.core.groups.Tuple.tuple("components[0].acceleratorMultiplier",
									"incentives.component.multiplier.pair"),
							org.assertj.core.groups.Tuple.tuple("components[1].tiers[0].to",
									"incentives.tier.proportionalBounded")));
		assertThatThrownBy(() -> plans.create(ADMIN, wrong)).isInstanceOfSatisfying(ValidationFailedException.class,
				ex -> assertThat(ex.errors()).filteredOn(e -> e.field().equals("components[0].tiers[1].from"))
					.singleElement()
					.satisfies(e -> assertThat(e.arguments()).containsExactly("Revenue", 2)));
		assertThatThrownBy(() -> plans.create(FINANCE, ok)).isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> plans.create(anaUser, ok)).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aDirectorApprovesAndAChangeToAnApprovedPlanIsANewVersion(AssertablePublishedEvents events) {
		PlanView draft = plans.create(ADMIN, reps("Reps " + year));
		assertThat(draft.state()).isEqualTo(PlanState.DRAFT);
		assertThat(draft.number()).isEqualTo(1);
		assertThat(draft.details().components()).hasSize(3);
		assertThat(draft.details().components().get(0).tiers()).extracting(TierLine::pays)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(d("5"), d("6"), d("7"));
		assertThatThrownBy(() -> plans.get(anaUser, draft.id())).as("a draft is not the reps'")
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> plans.approve(ADMIN, draft.id(), draft.version())).as("only a director approves")
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> plans.approve(DIRECTOR, draft.id(), draft.version() + 1))
			.isInstanceOf(StaleVersionException.class);
		PlanView edited = plans.update(ADMIN, draft.id(), draft.version(), reps("Reps " + year + " (edited)"));
		assertThat(edited.id()).isEqualTo(draft.id());
		assertThat(edited.version()).isGreaterThan(draft.version());
		assertThatThrownBy(() -> plans.update(ADMIN, draft.id(), draft.version(), reps("Stale")))
			.isInstanceOf(StaleVersionException.class);

		PlanView approved = plans.approve(DIRECTOR, edited.id(), edited.version());
		assertThat(approved.state()).isEqualTo(PlanState.APPROVED);
		assertThat(approved.approvedBy()).isEqualTo("director");
		events.assertThat().contains(IncentivePlanApproved.class)
			.matching(e -> e.plan().value() == approved.id() && e.replaced() == null);
		assertThat(plans.assignments(FINANCE, approved.id())).extracting(PlanViews.AssignmentView::staffId)
			.as("the population: the company's salespeople, not their leader")
			.containsExactlyInAnyOrder(ana.id(), bruno.id());
		assertThat(plans.get(anaUser, approved.id()).code()).isEqualTo(approved.code());
		assertThatThrownBy(() -> plans.approve(DIRECTOR, approved.id(), approved.version()))
			.isInstanceOf(ConflictException.class);

		PlanView v2 = plans.update(ADMIN, approved.id(), approved.version(), reps("Reps " + year + " v2"));
		assertThat(v2.number()).isEqualTo(2);
		assertThat(v2.code()).isEqualTo(approved.code());
		assertThat(v2.state()).isEqualTo(PlanState.DRAFT);
		assertThat(plans.get(ADMIN, approved.id()).state()).as("the approved version is unchanged")
			.isEqualTo(PlanState.APPROVED);
		assertThatThrownBy(() -> plans.update(ADMIN, approved.id(), approved.version(), reps("Again")))
			.as("one draft at a time")
			.isInstanceOf(ConflictException.class);
		plans.approve(DIRECTOR, v2.id(), v2.version());
		assertThat(plans.get(ADMIN, approved.id()).state()).isEqualTo(PlanState.ARCHIVED);
		events.assertThat().contains(IncentivePlanApproved.class)
			.matching(e -> e.plan().value() == v2.id() && e.replaced() != null
					&& e.replaced().value() == approved.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'INCENTIVE_PLAN' "
				+ "AND action IN ('CREATE', 'UPDATE', 'APPROVE', 'NEW_VERSION') AND entity_id IN (:ids)")
			.param("ids", List.of(String.valueOf(approved.id()), String.valueOf(v2.id())))
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(plans.list(FINANCE, new IncentivePlans.Filter(approved.code(), year, null),
				ListQuery.of(0, 20, null, IncentivePlans.SORTS, "name")).content()).hasSize(2);
		assertThat(plans.list(anaUser, new IncentivePlans.Filter(approved.code(), year, null),
				ListQuery.of(0, 20, null, IncentivePlans.SORTS, "name")).content())
			.as("a rep sees the approved and archived versions of their plan, never the drafts")
			.extracting(PlanViews.PlanSummary::state)
			.containsExactlyInAnyOrder(PlanState.APPROVED, PlanState.ARCHIVED);
	}

	@Test
	void theRepsSeeOnlyTheirOwnPlanAndTheManagerTheirPeoples() {
		PlanView reps = approve(plans.create(ADMIN, reps("Reps " + year)));
		PlanView leaders = approve(plans.create(ADMIN, leaders("Leaders " + year)));
		assertThatThrownBy(() -> plans.get(anaUser, leaders.id())).isInstanceOf(NotFoundException.class);
		assertThat(plans.get(lead, leaders.id()).id()).isEqualTo(leaders.id());
		assertThat(plans.get(lead, reps.id()).id()).as("her people are on it").isEqualTo(reps.id());
		assertThat(plans.assignments(anaUser, reps.id())).extracting(PlanViews.AssignmentView::staffId)
			.containsExactly(ana.id());
		assertThat(plans.assignments(lead, reps.id())).hasSize(2);
	}

	/**
	 * Ana: quarterly quota 100,000 (40,000 + 30,000 + 30,000), revenue 150,000: 5,000 + 1,500 + 1,750 = 8,250; margin
	 * 15,000 at 2 % = 300; 12 units of line 77 in month 2 at 25 = 300 (the 5 of month 1 are outside the window).
	 * Bruno, on the plan from the second month (an override; by months: 2 of 3): quota 100,000, revenue 60,000 at 5 %
	 * = 3,000 x 0.666667 = 2,000.00; margin 8,000 at 1 % = 80 x 0.666667 = 53.33; the SPIFF month is wholly his: 0.
	 * Lucía: team revenue 210,000 against the team's 200,000 = 105 %: the 3,000 bonus.
	 */
	@Test
	void thePreviewPaysWhatTheHandComputedExampleSays() {
		quotas("40000", "33333.34", "66666.67");
		jdbc.sql("UPDATE quotas_person_month SET amount = 33333.33, full_amount = 33333.33 WHERE staff_id = :s "
				+ "AND fiscal_month > 1").param("s", bruno.id()).update();
		fact(ana, month(1), 0, "REVENUE", "150000");
		fact(ana, month(1), 0, "MARGIN", "15000");
		fact(ana, month(1), 77, "UNITS", "5");
		fact(ana, month(2), 77, "UNITS", "12");
		fact(bruno, month(2), 0, "REVENUE", "60000");
		fact(bruno, month(2), 0, "MARGIN", "8000");
		jdbc.sql("UPDATE quotas_person_month SET amount = 30000, full_amount = 30000 WHERE staff_id = :s "
				+ "AND fiscal_month > 1").param("s", ana.id()).update();
		PlanView reps = approve(plans.create(ADMIN, reps("Reps " + year)));
		PlanView leaders = approve(plans.create(ADMIN, leaders("Leaders " + year)));
		plans.assign(ADMIN, reps.id(), bruno.id(), month(2), null, false, null);

		String q1 = calendar.years().code(quarter);
		Preview preview = calculation.preview(FINANCE, reps.id(), q1);
		assertThat(preview.people()).extracting(PersonResult::staffId).containsExactly(ana.id(), bruno.id());
		PersonResult anaResult = preview.people().get(0);
		Line revenue = anaResult.lines().get(0);
		assertThat(revenue.value()).isEqualByComparingTo("150000");
		assertThat(revenue.quota()).isEqualByComparingTo("100000");
		assertThat(revenue.attainment()).isEqualTo(d("150.00"));
		assertThat(revenue.tier()).isEqualTo(3);
		assertThat(revenue.rate()).isEqualByComparingTo("7");
		assertThat(revenue.amount()).isEqualTo(d("8250.00"));
		assertThat(anaResult.lines()).extracting(Line::componentName, Line::amount)
			.contains(org.assertj.core.groups.Tuple.tuple("Margin", d("300.00")),
					org.assertj.core.groups.Tuple.tuple("SPIFF", d("300.00")));
		assertThat(anaResult.amount()).isEqualTo(d("8850.00"));
		PersonResult brunoResult = preview.people().get(1);
		assertThat(brunoResult.lines()).extracting(Line::componentName, Line::proration, Line::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Revenue", d("0.666667"), d("2000.00")),
					org.assertj.core.groups.Tuple.tuple("Margin", d("0.666667"), d("53.33")),
					org.assertj.core.groups.Tuple.tuple("SPIFF", d("1.000000"), d("0.00")));
		assertThat(preview.total()).isEqualTo(d("10903.33"));

		assertThat(calculation.preview(anaUser, reps.id(), q1).people()).extracting(PersonResult::staffId)
			.as("a rep previews only their own figures")
			.containsExactly(ana.id());

		Preview team = calculation.preview(lead, leaders.id(), q1);
		assertThat(team.people()).singleElement().satisfies(p -> {
			assertThat(p.staffId()).isEqualTo(lucia.id());
			assertThat(p.lines().get(0).value()).isEqualByComparingTo("210000");
			assertThat(p.lines().get(0).attainment()).isEqualTo(d("105.00"));
			assertThat(p.amount()).isEqualTo(d("3000.00"));
		});
	}

	PlanView approve(PlanView draft) {
		return plans.approve(DIRECTOR, draft.id(), draft.version());
	}
}
