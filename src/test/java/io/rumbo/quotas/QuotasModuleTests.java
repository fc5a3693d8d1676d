package io.rumbo.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.planning.SalesHistory;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.quotas.QuotaReading.PersonQuota;
import io.rumbo.quotas.QuotaViews.QuotaLevelView;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

/**
 * The quotas module with everything it depends on and no demo company: a small company (a region with two teams)
 * whose plan asks 1,000.00 a month of one team and 2,000.00 of the other, one person who moves between the teams on
 * 20 June and one hired on 10 March with the default ramp. Each test uses a fiscal year of its own.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class QuotasModuleTests {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN, Role.DIRECTOR));

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "quotas");
	}

	// Sales comes before quotas but quotas does not call it; what it implements for planning and customers is mocked
	// (no sale in this company: last year's baseline and the customer facts are empty).
	@MockitoBean
	SalesHistory salesHistory;

	@MockitoBean
	CustomerSalesHistory customerSales;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	PlanWorkflow plans;

	@Autowired
	PlanTargets targets;

	@Autowired
	PlanReading planReading;

	@Autowired
	QuotaManagement quotas;

	@Autowired
	QuotaQueries queries;

	@Autowired
	QuotaReading reading;

	static int nextYear = 2016;

	int year;

	OrgUnitView company;

	OrgUnitView team1;

	OrgUnitView team2;

	StaffView a1;

	StaffView a2;

	StaffView b1;

	StaffView hire;

	StaffView mover;

	CurrentUser b1User;

	@BeforeEach
	void company() {
		year = nextYear++;
		String code = "Q" + System.nanoTime() % 1_000_000_000;
		LocalDate founded = LocalDate.of(2010, 1, 1);
		company = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null,
				null, founded, null));
		OrgUnitView region = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "R", "Región", OrgUnitKind.REGION,
				null, company.id(), null, founded, null));
		team1 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T1", "Equipo 1", OrgUnitKind.TEAM, null,
				region.id(), null, founded, null));
		team2 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T2", "Equipo 2", OrgUnitKind.TEAM, null,
				region.id(), null, founded, null));
		LocalDate longAgo = LocalDate.of(2012, 1, 1);
		a1 = person(code + "A1", team1, longAgo, null);
		a2 = person(code + "A2", team1, longAgo, null);
		var account = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "b1", "B1", null,
				"Un-secreto-muy-largo-2026!", Set.of(Role.REP)));
		b1 = person(code + "B1", team2, longAgo, account.id());
		b1User = new CurrentUser(new UserId(account.id()), account.username(), "B1", Set.of(Role.REP));
		hire = person(code + "N1", team2, LocalDate.of(year, 3, 10), null);
		mover = person(code + "M1", team1, longAgo, null);
		staff.update(ADMIN, mover.id(), mover.version(), new StaffManagement.StaffDetails(mover.employeeNumber(),
				mover.firstName(), mover.lastName(), null, null, mover.hireDate(), team2.id(), JobRole.SALESPERSON,
				StaffStatus.ACTIVE, 3, null, LocalDate.of(year, 6, 20)));
		ProductLineView line = catalog.createLine(ADMIN, new CatalogManagement.LineDetails("L-" + code, "Línea", "Line",
				true));
		PlanViews.VersionView draft = plans.create(ADMIN, year, "Plan " + year, BigDecimal.ZERO, Map.of()).versions()
			.get(0);
		List<PlanViews.TargetCell> cells = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			cells.add(new PlanViews.TargetCell(team1.id(), line.id(), m, new BigDecimal("1000.00"), BigDecimal.TEN,
					new BigDecimal("300.00")));
			cells.add(new PlanViews.TargetCell(team2.id(), line.id(), m, new BigDecimal("2000.00"), BigDecimal.TEN,
					new BigDecimal("600.00")));
		}
		targets.writeTargets(ADMIN, draft.id(), null, cells);
		PlanViews.VersionView v = plans.submit(ADMIN, draft.id(), planReading.version(ADMIN, draft.id()).version());
		v = plans.approve(ADMIN, v.id(), v.version());
		plans.activate(ADMIN, v.id(), v.version());
	}

	private StaffView person(String number, OrgUnitView unit, LocalDate hired, Long userId) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, "Nombre", number, null, null, hired,
				unit.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, userId, null));
	}

	private QuotaLevelView level(QuotaVersionView v, OrgUnitView unit, Metric metric) {
		return queries.level(ADMIN, v.id(), unit.id(), metric);
	}

	private static BigDecimal total(QuotaLevelView level, String kind, long id) {
		return level.rows().stream().filter(r -> r.kind().equals(kind) && r.id() == id).findFirst().orElseThrow()
			.total();
	}

	@Test
	void thePlanIsTheStartAndEveryLevelAddsUpToTheCent() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		assertThat(v.metrics()).contains(Metric.REVENUE, Metric.MARGIN, Metric.UNITS, Metric.NEW_CUSTOMERS);
		QuotaLevelView top = level(v, company, Metric.REVENUE);
		assertThat(top.unitTotal()).as("the plan's 3,000.00 a month").isEqualByComparingTo("36000.00");
		assertThat(top.reference()).isEqualByComparingTo("36000.00");
		assertThat(top.mismatch()).isEqualByComparingTo("0");
		// The region splits as the plan does: team 1 its 12,000.00, team 2 its 24,000.00.
		QuotaLevelView t1 = level(v, team1, Metric.REVENUE);
		assertThat(t1.unitTotal()).isEqualByComparingTo("12000.00");
		assertThat(level(v, team2, Metric.REVENUE).unitTotal()).isEqualByComparingTo("24000.00");
		// Team 1's 1,000.00 a month: a1, a2 and the mover share months 1-6 (333.33 each, the extra cent rotating:
		// a1 gets it in months 1 and 4), a1 and a2 months 7-12 (500.00 each).
		assertThat(total(t1, "PERSON", a1.id())).isEqualByComparingTo("5000.00");
		assertThat(total(t1, "PERSON", mover.id())).as("six months in team 1").isEqualByComparingTo("2000.00");
		assertThat(t1.mismatch()).isEqualByComparingTo("0");
		assertThat(t1.allocated()).isEqualByComparingTo("12000.00");
	}

	@Test
	void aMoverIsProratedInEachUnitAndANewHireRamps() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		QuotaLevelView t2 = level(v, team2, Metric.REVENUE);
		// Team 2: 2,000.00 a month. b1 all year; the hire from March (tenure month 1: hired before the 15th); the
		// mover from July (666.67 / 666.67 / 666.66 a month with b1 and the hire).
		assertThat(total(t2, "PERSON", mover.id())).as("months 7-12 in team 2").isEqualByComparingTo("4000.00");
		QuotaViews.QuotaLevelRow hired = t2.rows().stream().filter(r -> r.id() == hire.id()).findFirst().orElseThrow();
		assertThat(hired.months().get(1)).as("February, before the hire").isEqualByComparingTo("0");
		// March: 2,000.00 split between b1 and the hire = 1,000.00, ramped 25 % = 250.00; April 50 %, May 75 %.
		assertThat(hired.months().get(2)).isEqualByComparingTo("250.00");
		assertThat(hired.months().get(3)).isEqualByComparingTo("500.00");
		assertThat(hired.months().get(4)).isEqualByComparingTo("750.00");
		assertThat(hired.months().get(5)).isEqualByComparingTo("1000.00");
		// The ramp leaves part of the team's figure unassigned, and the mismatch says how much: 750 + 500 + 250.
		assertThat(t2.mismatch()).isEqualByComparingTo("1500.00");
		assertThat(hired.fullTotal().subtract(hired.total())).isEqualByComparingTo("1500.00");
	}

	@Test
	void overAssignmentAndAHandSplitShowTheirMismatch() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		v = quotas.allocate(ADMIN, v.id(), v.version(), team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("10"), Map.of()), null);
		QuotaLevelView t1 = level(v, team1, Metric.REVENUE);
		assertThat(t1.pool()).isEqualByComparingTo("13200.00");
		assertThat(t1.allocated()).isEqualByComparingTo("13200.00");
		assertThat(t1.mismatch()).as("10 % over-assigned").isEqualByComparingTo("-1200.00");

		v = quotas.allocate(ADMIN, v.id(), v.version(), team1.id(), Metric.REVENUE, new QuotaManagement.Allocation(
				AllocationMethod.MANUAL, BigDecimal.ZERO, Map.of("PERSON:" + a1.id(), new BigDecimal("10000"),
						"PERSON:" + a2.id(), new BigDecimal("5000"))), null);
		t1 = level(v, team1, Metric.REVENUE);
		assertThat(total(t1, "PERSON", a1.id())).isEqualByComparingTo("10000.00");
		assertThat(total(t1, "PERSON", mover.id())).as("no hand figure").isEqualByComparingTo("0");
		assertThat(t1.mismatch()).as("3,000.00 more than the team's figure").isEqualByComparingTo("-3000.00");

		long stale = v.version() - 1;
		long versionId = v.id();
		assertThatThrownBy(() -> quotas.allocate(ADMIN, versionId, stale, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, BigDecimal.ZERO, Map.of()), null))
			.isInstanceOf(StaleVersionException.class);
	}

	@Test
	void publishedQuotasAreReadOnceReleasedAndAcknowledged(AssertablePublishedEvents events) {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		Set<StaffId> people = Set.of(StaffId.of(a1.id()), StaffId.of(b1.id()), StaffId.of(mover.id()));
		assertThat(reading.personQuotas(year, people, Set.of())).as("a draft is nobody's quota").isEmpty();
		v = quotas.publish(ADMIN, v.id(), v.version(), false);
		assertThat(events.ofType(QuotaPublished.class)).hasSize(1);
		assertThat(reading.unitQuotas(year, List.of(UnitId.of(company.id())), Set.of(Metric.REVENUE))).hasSize(12);
		assertThat(reading.unitQuotas(year, List.of(UnitId.of(team1.id())), Set.of(Metric.REVENUE)))
			.as("the region's level is not released yet").isEmpty();
		assertThat(reading.personQuotas(year, people, Set.of(Metric.REVENUE))).isEmpty();

		long region = level(v, team1, Metric.REVENUE).parentUnitId();
		v = quotas.release(ADMIN, v.id(), v.version(), region);
		v = quotas.release(ADMIN, v.id(), v.version(), team1.id());
		v = quotas.release(ADMIN, v.id(), v.version(), team2.id());
		List<PersonQuota> revenue = reading.personQuotas(year, people, Set.of(Metric.REVENUE));
		List<PersonQuota> moved = revenue.stream().filter(q -> q.staff().value() == mover.id()).toList();
		assertThat(moved).hasSize(12);
		assertThat(moved.get(0).unit()).isEqualTo(UnitId.of(team1.id()));
		assertThat(moved.get(0).month()).isEqualTo(LocalDate.of(year, 1, 1));
		assertThat(moved.get(11).unit()).isEqualTo(UnitId.of(team2.id()));
		assertThat(revenue.stream().filter(q -> q.staff().value() == a1.id()).map(PersonQuota::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("5000.00");
		assertThat(reading.personQuotas(year, people, Set.of(Metric.REVENUE), List.of(12, 1)))
			.as("the months asked for, in the order of the whole year's")
			.isEqualTo(revenue.stream().filter(q -> q.month().getMonthValue() == 1 || q.month().getMonthValue() == 12)
				.toList());

		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> assertThat(s.acknowledged()).isFalse());
		quotas.acknowledge(b1User, year, "De acuerdo");
		assertThat(events.ofType(QuotaAcknowledged.class)).hasSize(1);
		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> {
			assertThat(s.acknowledged()).isTrue();
			assertThat(s.comment()).isEqualTo("De acuerdo");
		});

		// A change to a released level is a new version with a reason; team 2's people keep their acknowledgement.
		long published = v.id();
		long lock = v.version();
		assertThatThrownBy(() -> quotas.allocate(ADMIN, published, lock, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("5"), Map.of()), " "))
			.isInstanceOf(ValidationFailedException.class);
		QuotaVersionView revised = quotas.allocate(ADMIN, published, lock, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("5"), Map.of()), "Más ambición");
		assertThat(revised.number()).isEqualTo(2);
		assertThat(revised.state()).isEqualTo("PUBLISHED");
		assertThat(queries.version(ADMIN, published).state()).isEqualTo("SUPERSEDED");
		assertThat(events.ofType(QuotaRevised.class)).hasSize(1);
		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> {
			assertThat(s.versionNumber()).isEqualTo(2);
			assertThat(s.acknowledged()).as("b1's quota did not change").isTrue();
		});
		assertThat(reading.personQuotas(year, Set.of(StaffId.of(a1.id())), Set.of(Metric.REVENUE)).stream()
			.map(PersonQuota::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).as("5 % over: 6 x 350 + 6 x 525")
			.isEqualByComparingTo("5250.00");
	}
}
