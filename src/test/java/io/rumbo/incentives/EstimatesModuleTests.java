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

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.Estimates.ComponentEstimate;
import io.rumbo.incentives.Estimates.CurvePoint;
import io.rumbo.incentives.Estimates.Estimate;
import io.rumbo.incentives.Estimates.OpportunityEstimate;
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
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The estimator on a small company of its own (two salespeople and their leader, in a fiscal year of each test's
 * own), as of the 15th of the quarter's second month: Ana has sold 40,000 of a quarterly quota of 100,000 (5 % to
 * quota, 6 % to 125 %, 7 % above), 15,000 of margin (2 %) and 12 units of the SPIFF's line in its one-month window
 * (25 each). Every figure below is worked out by hand.
 */
class EstimatesModuleTests extends IncentivesModuleTestSupport {

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
	Estimates estimates;

	@Autowired
	IncentiveCalculation calculation;

	@Autowired
	JdbcClient jdbc;

	/** Each test a fiscal year of its own (apart from the other incentive tests' years), going back. */
	static int nextYear = 2045;

	int year;
	FiscalPeriod quarter;
	LocalDate today;
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
		today = quarter.start().plusMonths(1).plusDays(14);
		String code = "E" + System.nanoTime() % 1_000_000_000;
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

	/** A published quota version: revenue of 40,000 + 30,000 + 30,000 for Ana and Bruno in the first quarter. */
	void quotas() {
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
			for (long person : List.of(ana.id(), bruno.id())) {
				jdbc.sql("""
						INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month,
						  full_amount, amount)
						VALUES (:v, :s, :u, 'REVENUE', :m, :a, :a)""")
					.param("v", version).param("s", person).param("u", team.id()).param("m", m)
					.param("a", new BigDecimal(m == 1 ? "40000" : "30000")).update();
			}
		}
	}

	void opportunity(StaffView owner, String title, String amount, LocalDate expectedClose, String stage) {
		jdbc.sql("""
				INSERT INTO sales_opportunity (customer_id, title, amount, expected_close, stage_code,
				  forecast_category, owner_staff_id, owner_unit_id, version)
				VALUES (0, :title, :amount, :close, :stage, 'PIPELINE', :owner, :unit, 0)""")
			.param("title", title).param("amount", new BigDecimal(amount)).param("close", expectedClose)
			.param("stage", stage).param("owner", owner.id()).param("unit", team.id()).update();
	}

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	static TierLine tier(String from, String to, String pays) {
		return new TierLine(d(from), to == null ? null : d(to), d(pays));
	}

	static ComponentDetails component(String name, Metric metric, Long line, Cadence cadence, TableBasis basis,
			TableKind kind, List<TierLine> tiers, LocalDate windowFrom, LocalDate windowTo) {
		return new ComponentDetails(name, metric, MeasuredOn.PERSON, line, cadence, basis, kind,
				TierBoundary.LOWER_INCLUSIVE, tiers, null, null, null, null, null, null, List.of(), null, windowFrom,
				windowTo);
	}

	PlanView repsPlan() {
		PlanDetails details = new PlanDetails("Reps " + year, year, JobRole.SALESPERSON, company.id(), List.of(),
				ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(component("Revenue", Metric.REVENUE, null, Cadence.QUARTER, TableBasis.ATTAINMENT,
						TableKind.MARGINAL, List.of(tier("0", "100", "5"), tier("100", "125", "6"),
								tier("125", null, "7")), null, null),
						component("Margin", Metric.MARGIN, null, Cadence.QUARTER, TableBasis.VALUE, TableKind.FLAT,
								List.of(tier("0", "10000", "1"), tier("10000", "50000", "2"),
										tier("50000", null, "3")), null, null),
						component("SPIFF", Metric.UNITS, 77L, Cadence.MONTH, TableBasis.VALUE, TableKind.PER_UNIT,
								List.of(tier("0", null, "25")), month(2), month(3).minusDays(1))));
		PlanView draft = plans.create(ADMIN, details);
		return plans.approve(DIRECTOR, draft.id(), draft.version());
	}

	void anasFigures() {
		quotas();
		fact(ana, month(1), 0, "REVENUE", "30000");
		fact(ana, month(2), 0, "REVENUE", "10000");
		fact(ana, month(1), 0, "MARGIN", "15000");
		fact(ana, month(1), 77, "UNITS", "5");
		fact(ana, month(2), 77, "UNITS", "12");
	}

	@Test
	void earnedSoFarAndTheWhatIfAtAnAttainmentAcrossTheAcceleratedTiers() {
		anasFigures();
		PlanView plan = repsPlan();
		Estimate estimate = estimates.estimate(anaUser, ana.id(), d("150"), today);
		assertThat(estimate.planCode()).isEqualTo(plan.code());
		assertThat(estimate.components()).extracting(ComponentEstimate::name).containsExactly("Revenue", "Margin",
				"SPIFF");
		ComponentEstimate revenue = estimate.components().get(0);
		assertThat(revenue.from()).isEqualTo(quarter.start());
		assertThat(revenue.value()).isEqualByComparingTo("40000");
		assertThat(revenue.quota()).isEqualByComparingTo("100000");
		assertThat(revenue.attainment()).isEqualTo(d("40.00"));
		assertThat(revenue.periodToDate()).as("40,000 at 5 %").isEqualTo(d("2000.00"));
		assertThat(revenue.moves()).isTrue();
		assertThat(revenue.whatIfValue()).isEqualTo(d("150000.00"));
		assertThat(revenue.whatIfTier()).isEqualTo(3);
		assertThat(revenue.whatIf()).as("5,000 + 1,500 + 1,750").isEqualTo(d("8250.00"));
		ComponentEstimate margin = estimate.components().get(1);
		assertThat(margin.moves()).as("no quota: as it is").isFalse();
		assertThat(margin.periodToDate()).isEqualTo(d("300.00"));
		assertThat(margin.whatIf()).isEqualTo(d("300.00"));
		ComponentEstimate spiff = estimate.components().get(2);
		assertThat(spiff.from()).as("the SPIFF's month, today's").isEqualTo(month(2));
		assertThat(spiff.periodToDate()).as("12 units x 25, the month before is outside its window")
			.isEqualTo(d("300.00"));
		assertThat(estimate.periodToDate()).isEqualTo(d("2600.00"));
		assertThat(estimate.yearToDate()).isEqualTo(d("2600.00"));
		assertThat(estimate.whatIf()).isEqualTo(d("8850.00"));
		assertThat(estimate.curve()).hasSize(31);
		assertThat(estimate.curve().get(0)).isEqualTo(new CurvePoint(d("0"), d("600.00")));
		assertThat(estimate.curve()).filteredOn(p -> p.attainment().intValue() == 100).singleElement()
			.extracting(CurvePoint::amount).isEqualTo(d("5600.00"));
		assertThat(estimate.curve().get(30).amount()).isEqualTo(d("8850.00"));
		assertThat(estimates.estimate(anaUser, ana.id(), null, today).whatIf()).as("100 % by default")
			.isEqualTo(d("5600.00"));
		assertThatThrownBy(() -> estimates.estimate(anaUser, ana.id(), d("1000.01"), today))
			.isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void eachOpenOpportunityAddsWhatWinningItPaysInThePeriodItClosesSortedByIt() {
		anasFigures();
		repsPlan();
		opportunity(ana, "Big deal", "60000", month(3).plusDays(9), "NEGOTIATION");
		opportunity(ana, "Overdue", "10000", month(1).plusDays(3), "PROPOSAL");
		opportunity(ana, "Next year", "90000", quarter.start().plusYears(1).plusMonths(1), "PROSPECTING");
		opportunity(ana, "Lost one", "50000", month(3), "LOST");
		opportunity(bruno, "Bruno's", "20000", month(3), "PROPOSAL");
		List<OpportunityEstimate> deals = estimates.estimate(anaUser, ana.id(), null, today).opportunities();
		assertThat(deals).extracting(OpportunityEstimate::title).as("open ones, hers, by what they add")
			.containsExactly("Big deal", "Overdue", "Next year");
		OpportunityEstimate big = deals.get(0);
		assertThat(big.adds()).as("40,000 -> 100,000 of revenue: 5,000 - 2,000").isEqualTo(d("3000.00"));
		assertThat(big.counted()).containsEntry("revenue", d("60000.0000"));
		assertThat(big.marginUnknown()).as("no products, no cost: its margin is not known").isTrue();
		assertThat(deals.get(1).adds()).as("counted today: 40,000 -> 50,000 at 5 %").isEqualTo(d("500.00"));
		assertThat(deals.get(2).outsideYear()).isTrue();
		assertThat(deals.get(2).adds()).isEqualTo(d("0.00"));
	}

	@Test
	void aRepSeesOnlyThemselfAManagerTheirTeamAndNobodyElseIsFound() {
		anasFigures();
		repsPlan();
		assertThat(estimates.people(anaUser, today)).extracting(Estimates.Person::id)
			.containsExactly(ana.id());
		assertThat(estimates.people(lead, today)).extracting(Estimates.Person::id)
			.containsExactlyInAnyOrder(ana.id(), bruno.id());
		assertThatThrownBy(() -> estimates.estimate(brunoUser, ana.id(), null, today))
			.isInstanceOf(NotFoundException.class);
		assertThat(estimates.estimate(lead, ana.id(), null, today).whatIf()).isEqualTo(d("5600.00"));
		assertThat(estimates.estimate(FINANCE, ana.id(), null, today).periodToDate()).isEqualTo(d("2600.00"));
		Estimate leader = estimates.estimate(lead, lucia.id(), null, today);
		assertThat(leader.planId()).as("the leader is on no plan of this year").isNull();
		assertThat(leader.components()).isEmpty();
		assertThatThrownBy(() -> estimates.estimate(anaUser, Long.MAX_VALUE, null, today))
			.isInstanceOf(NotFoundException.class);
	}
	long insert(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < params.length; i += 2) {
			spec = spec.param((String) params[i], params[i + 1]);
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		spec.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A booked (or cancelled) order of one product line, credited by shares. */
	void order(LocalDate date, String status, long product, String quantity, String net, Object... credits) {
		long id = insert("""
				INSERT INTO sales_order (customer_id, order_date, status, net_amount, cost_amount, margin_amount,
				  units, version)
				VALUES (0, :date, :status, :net, 0, :net, :quantity, 0)""", "date", date, "status", status, "net",
				d(net), "quantity", d(quantity));
		jdbc.sql("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  net_amount, cost_amount, margin_amount)
				VALUES (:id, 1, :product, :quantity, 500, 0, :net, 0, :net)""")
			.param("id", id).param("product", product).param("quantity", d(quantity)).param("net", d(net)).update();
		for (int i = 0; i < credits.length; i += 2) {
			jdbc.sql("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent) "
					+ "VALUES (:id, :staff, :unit, :share)")
				.param("id", id).param("staff", ((StaffView) credits[i]).id()).param("unit", team.id())
				.param("share", d((String) credits[i + 1])).update();
		}
	}

	@Test
	void aSpiffPerDealPaysTheBookedDealsWithALineOfItInItsWindow() {
		String code = "D" + year;
		long line = insert("INSERT INTO catalog_product_line (code, name_es, name_en, active, version) "
				+ "VALUES (:code, 'Línea', 'Line', TRUE, 0)", "code", code);
		long other = insert("INSERT INTO catalog_product_line (code, name_es, name_en, active, version) "
				+ "VALUES (:code, 'Otra', 'Other', TRUE, 0)", "code", code + "X");
		long product = insert("INSERT INTO catalog_product (sku, name_es, name_en, line_id, unit_of_measure, list_price,"
				+ " active, version) VALUES (:sku, 'P', 'P', :line, 'UNIT', 500, TRUE, 0)", "sku", code + "P", "line",
				line);
		long otherProduct = insert("INSERT INTO catalog_product (sku, name_es, name_en, line_id, unit_of_measure,"
				+ " list_price, active, version) VALUES (:sku, 'Q', 'Q', :line, 'UNIT', 500, TRUE, 0)", "sku",
				code + "Q", "line", other);
		order(month(2).plusDays(3), "BOOKED", product, "2", "1000", ana, "100");
		order(month(2).plusDays(5), "BOOKED", product, "1", "500", ana, "50", bruno, "50");
		order(month(2).plusDays(6), "BOOKED", otherProduct, "4", "2000", ana, "100");
		order(month(1).plusDays(6), "BOOKED", product, "1", "500", ana, "100");
		order(month(2).plusDays(7), "BOOKED", product, "-1", "-500", ana, "100");
		order(month(2).plusDays(8), "CANCELLED", product, "1", "500", ana, "100");
		ComponentDetails perDeal = component("SPIFF per deal", Metric.ORDERS, line, Cadence.MONTH, TableBasis.VALUE,
				TableKind.PER_UNIT, List.of(tier("0", null, "500")), month(2), month(3).minusDays(1));
		PlanView draft = plans.create(ADMIN, new PlanDetails("Deals " + year, year, JobRole.SALESPERSON,
				company.id(), List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(perDeal)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());
		var preview = calculation.preview(FINANCE, plan.id(),
				calendar.years().code(new FiscalPeriod(month(2), month(3))));
		assertThat(preview.people()).extracting(IncentiveCalculation.PersonResult::staffId,
				p -> p.lines().get(0).value(), IncentiveCalculation.PersonResult::amount)
			.as("Ana: her deal and the split one (not the other line's, the earlier month's, the return or the "
					+ "cancelled); Bruno: the split one")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ana.id(), d("2"), d("1000.00")),
					org.assertj.core.groups.Tuple.tuple(bruno.id(), d("1"), d("500.00")));
	}
}
