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
 * 20 June and one hired on 10 March with the default ramp. Each test uses a fiscal year of its own. The test classes
 * of the module extend it and share one application context (with the imports module, which runs the quota
 * import: quotas only implements its {@code Importer}, so Modulith would not start it as a dependency).
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import(CleanDatabase.class)
abstract class QuotaTestCompany {

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

	@Autowired
	QuotaPeople people;

	/** Years go back from 2015, so every person of the fixture (hired in 1990 or in the test's year) is in the past. */
	static int nextYear = 2015;

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

	/** Team 1's leader (no quota of their own): a manager of team 1 only. */
	CurrentUser lead;

	@BeforeEach
	void company() {
		year = nextYear--;
		String code = "Q" + System.nanoTime() % 1_000_000_000;
		LocalDate founded = LocalDate.of(1980, 1, 1);
		company = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null,
				null, founded, null));
		OrgUnitView region = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "R", "Región", OrgUnitKind.REGION,
				null, company.id(), null, founded, null));
		team1 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T1", "Equipo 1", OrgUnitKind.TEAM, null,
				region.id(), null, founded, null));
		team2 = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code + "T2", "Equipo 2", OrgUnitKind.TEAM, null,
				region.id(), null, founded, null));
		LocalDate longAgo = LocalDate.of(1990, 1, 1);
		a1 = person(code + "A1", team1, longAgo, null);
		a2 = person(code + "A2", team1, longAgo, null);
		var account = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "b1", "B1", null,
				"Un-secreto-muy-largo-2026!", Set.of(Role.REP)));
		b1 = person(code + "B1", team2, longAgo, account.id());
		b1User = new CurrentUser(new UserId(account.id()), account.username(), "B1", Set.of(Role.REP));
		hire = person(code + "N1", team2, LocalDate.of(year, 3, 10), null);
		mover = person(code + "M1", team1, longAgo, null);
		var leadAccount = users.create(ADMIN, new UserManagement.NewUser(code.toLowerCase() + "lead", "Lead", null,
				"Un-secreto-muy-largo-2026!", Set.of(Role.MANAGER)));
		StaffView leader = staff.create(ADMIN, new StaffManagement.StaffDetails(code + "L1", "Jefa", code + "L1", null,
				null, longAgo, team1.id(), JobRole.TEAM_LEADER, StaffStatus.ACTIVE, 4, leadAccount.id(), null));
		team1 = units.update(ADMIN, team1.id(), team1.version(), new OrgUnitManagement.UnitDetails(code + "T1",
				"Equipo 1", OrgUnitKind.TEAM, null, region.id(), leader.id(), founded, null));
		lead = new CurrentUser(new UserId(leadAccount.id()), leadAccount.username(), "Lead", Set.of(Role.MANAGER));
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

	StaffView person(String number, OrgUnitView unit, LocalDate hired, Long userId) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, "Nombre", number, null, null, hired,
				unit.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, userId, null));
	}

	QuotaLevelView level(QuotaVersionView v, OrgUnitView unit, Metric metric) {
		return queries.level(ADMIN, v.id(), unit.id(), metric);
	}

	static BigDecimal total(QuotaLevelView level, String kind, long id) {
		return level.rows().stream().filter(r -> r.kind().equals(kind) && r.id() == id).findFirst().orElseThrow()
			.total();
	}
}
