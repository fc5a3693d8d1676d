package io.rumbo.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.sizing.SizingInputs.Group;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * The sizing module with a small company of its own: team 1 has a salesperson, a key account manager and a team
 * leader, team 2 is led by another manager. The calculators through the service (the worked examples), a scenario's
 * headcount by the job roles it sizes, its gap applied once as positions of its chosen role, and a manager kept to
 * the subtree they lead.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class SizingModuleTests {

	/** A fiscal year of this test alone. */
	static final int YEAR = 2093;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "sizing");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	SizingScenarios scenarios;

	TwoTeamCompany company;

	OrgUnitView team1;

	CurrentUser director;

	CurrentUser lead1;

	CurrentUser lead2;

	@BeforeEach
	void company() {
		company = new TwoTeamCompany(units, staff, users, "S");
		team1 = company.team1;
		director = company.account("dir", Role.DIRECTOR);
		company.person("A", team1, JobRole.SALESPERSON, company.account("ana", Role.REP));
		company.person("K", team1, JobRole.KEY_ACCOUNT_MANAGER, company.account("kam", Role.REP));
		lead1 = company.account("lead1", Role.MANAGER);
		team1 = company.lead(team1, company.person("L1", team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		company.lead(company.team2, company.person("L2", company.team2, JobRole.TEAM_LEADER, lead2));
	}

	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

	private static SizingInputs breakdown() {
		return new SizingInputs(Map.of("forecastSales", n("1000000"), "salesPerSalesperson", n("250000")), List.of());
	}

	@Test
	void theCalculatorsWorkThroughTheService() {
		assertThat(scenarios.calculate(SizingMethod.WORKLOAD, new SizingInputs(Map.of("callsPerSalesperson",
				n("1000")), List.of(new Group("A", n("1000"), n("36"), null), new Group("B", n("2000"), n("12"), null))))
			.result()).isEqualByComparingTo("60");
		assertThat(scenarios.calculate(SizingMethod.BREAKDOWN, new SizingInputs(Map.of("forecastSales",
				n("10000000"), "salesPerSalesperson", n("250000")), List.of())).result()).isEqualByComparingTo("40");
	}

	@Test
	void aScenarioCountsTheRolesItSizesAndPlansItsGapOnceInItsRole() {
		ScenarioView both = scenarios.save(director, new SizingScenarios.Draft("Ambos", SizingMethod.BREAKDOWN,
				team1.id(), YEAR, breakdown(), null));
		assertThat(both.roles()).containsExactly(JobRole.SALESPERSON, JobRole.KEY_ACCOUNT_MANAGER);
		assertThat(scenarios.headcount(director, both).filled()).as("salesperson and key account manager")
			.isEqualTo(2);

		ScenarioView kam = scenarios.save(lead1, new SizingScenarios.Draft("Grandes cuentas", SizingMethod.BREAKDOWN,
				team1.id(), YEAR, breakdown(), null, List.of(JobRole.KEY_ACCOUNT_MANAGER), null));
		assertThat(kam.positionRole()).isEqualTo(JobRole.KEY_ACCOUNT_MANAGER);
		assertThat(scenarios.headcount(lead1, kam).filled()).isEqualTo(1);
		assertThat(scenarios.headcount(lead1, kam).gap()).isEqualTo(4);
		ScenarioView applied = scenarios.apply(lead1, kam.id(), kam.version(), null);
		assertThat(applied.appliedBy()).isEqualTo(lead1.username());
		assertThat(units.positions(director, team1.id())).filteredOn(p -> p.jobRole() == JobRole.KEY_ACCOUNT_MANAGER)
			.extracting(PositionView::planned)
			.containsExactly(4);
		assertThat(units.positions(director, team1.id())).filteredOn(p -> p.jobRole() == JobRole.SALESPERSON)
			.extracting(PositionView::planned)
			.allMatch(p -> p == 0);
		assertThatThrownBy(() -> scenarios.apply(lead1, kam.id(), applied.version(), null))
			.isInstanceOf(ConflictException.class);
		assertThat(scenarios.headcount(lead1, scenarios.get(lead1, both.id())).planned())
			.as("the key account manager positions count for a scenario of both roles").isEqualTo(4);
	}

	@Test
	void aScenarioRefusesARoleThatDoesNotSellAndAGapRoleItDoesNotSize() {
		assertThatThrownBy(() -> scenarios.save(director, new SizingScenarios.Draft("Jefes", SizingMethod.BREAKDOWN,
				team1.id(), YEAR, breakdown(), null, List.of(JobRole.TEAM_LEADER), null)))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> scenarios.save(director, new SizingScenarios.Draft("Mezcla", SizingMethod.BREAKDOWN,
				team1.id(), YEAR, breakdown(), null, List.of(JobRole.SALESPERSON), JobRole.AGENT)))
			.isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void aManagerSizesOnlyTheSubtreeTheyLead() {
		assertThatThrownBy(() -> scenarios.save(lead2, new SizingScenarios.Draft("Ajeno", SizingMethod.BREAKDOWN,
				team1.id(), YEAR, breakdown(), null)))
			.isInstanceOf(ValidationFailedException.class);
	}
}
