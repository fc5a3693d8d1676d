package io.rumbo.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.improvement.ImprovementViews.PlanRow;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * The improvement module with what it depends on and a small company of its own: two teams, each led by a manager,
 * two salespeople in the first. A plan is seen by its person and the managers above them only, and follows its person
 * when they move to the other team (organization's {@code StaffMoved}).
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class ImprovementModuleTests {

	static final CurrentUser ADMIN = TwoTeamCompany.ADMIN;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "improvement");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	ImprovementPlans plans;

	@Autowired
	ImprovementQueries queries;

	@Autowired
	JdbcClient jdbc;

	OrgUnitView team1;

	OrgUnitView team2;

	StaffView ana;

	CurrentUser anaUser;

	CurrentUser peer;

	CurrentUser lead1;

	CurrentUser lead2;

	@BeforeEach
	void company() {
		TwoTeamCompany company = new TwoTeamCompany(units, staff, users, "I");
		team1 = company.team1;
		team2 = company.team2;
		anaUser = company.account("ana", Role.REP);
		ana = company.person("A", team1, JobRole.SALESPERSON, anaUser);
		peer = company.account("peer", Role.REP);
		company.person("P", team1, JobRole.SALESPERSON, peer);
		lead1 = company.account("lead1", Role.MANAGER);
		team1 = company.lead(team1, company.person("L1", team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		team2 = company.lead(team2, company.person("L2", team2, JobRole.TEAM_LEADER, lead2));
	}

	@Test
	void aPlanIsSeenByItsPersonAndTheirManagersOnly() {
		PlanView plan = open(lead1);
		ImprovementPlanId id = ImprovementPlanId.of(plan.id());
		assertThat(queries.get(anaUser, id).title()).isEqualTo("Más visitas");
		assertThatThrownBy(() -> queries.get(peer, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> queries.get(lead2, id)).isInstanceOf(NotFoundException.class);
		assertThat(queries.list(peer, ImprovementQueries.Filter.none(), page()).content()).isEmpty();
		// The export streams what the list shows, with the goals counted per batch.
		List<PlanRow> exported = new ArrayList<>();
		queries.each(lead1, ImprovementQueries.Filter.none(), page().unpaged(), exported::add);
		assertThat(exported).isEqualTo(queries.list(lead1, ImprovementQueries.Filter.none(), page().unpaged()).content())
			.extracting(PlanRow::id).contains(plan.id());
		List<PlanRow> peers = new ArrayList<>();
		queries.each(peer, ImprovementQueries.Filter.none(), page().unpaged(), peers::add);
		assertThat(peers).isEmpty();
		assertThat(queries.mayManage(lead1, plan.staffId(), plan.unitId())).isTrue();
		assertThat(queries.mayManage(anaUser, plan.staffId(), plan.unitId())).isFalse();
		assertThatThrownBy(() -> plans.activate(lead1, id, plan.version() + 1)).isInstanceOf(StaleVersionException.class);
	}

	@Test
	void aCheckInKeepsWhatEachGoalShowedThatDay() {
		PlanView plan = open(lead1);
		ImprovementPlanId id = ImprovementPlanId.of(plan.id());
		plan = plans.activate(lead1, id, plan.version());
		long manual = plan.goals().get(1).id();
		plan = plans.checkIn(lead1, id, plan.version(),
				new ImprovementPlans.CheckInDetails(null, "Bien", Map.of(manual, new BigDecimal("25"))));
		assertThat(plan.checkIns()).hasSize(1);
		assertThat(plan.checkIns().get(0).readings()).extracting(ImprovementViews.Reading::goalId)
			.containsExactlyInAnyOrder(plan.goals().get(0).id(), manual);
		assertThat(plan.goals().get(1).pace().progress()).isEqualByComparingTo("25");
		// No visit in this company: the measured goal reads 0 from the metrics engine.
		assertThat(plan.goals().get(0).pace().actual()).isEqualByComparingTo("0");
		assertThat(jdbc.sql("SELECT progress FROM improvement_check_in_goal WHERE goal_id = :g").param("g", manual)
			.query(BigDecimal.class).single()).isEqualByComparingTo("25");
	}

	@Test
	void aPlanFollowsItsPersonToTheirNewTeam(Scenario scenario) {
		PlanView plan = open(lead1);
		ImprovementPlanId id = ImprovementPlanId.of(plan.id());
		StaffView current = staff.get(ADMIN, ana.id());
		scenario.stimulate(() -> staff.update(ADMIN, current.id(), current.version(), new StaffManagement.StaffDetails(
				current.employeeNumber(), current.firstName(), current.lastName(), null, null, current.hireDate(),
				team2.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, current.userId(), LocalDate.now())))
			.andWaitForStateChange(() -> jdbc.sql("SELECT unit_id FROM improvement_plan WHERE id = :id")
				.param("id", id.value()).query(Long.class).single(), unit -> unit == team2.id())
			.andVerify(unit -> {
				assertThat(queries.get(lead2, id).unitId()).isEqualTo(team2.id());
				assertThatThrownBy(() -> queries.get(lead1, id)).isInstanceOf(NotFoundException.class);
			});
	}

	private PlanView open(CurrentUser manager) {
		LocalDate today = LocalDate.now();
		return plans.open(manager, new ImprovementPlans.PlanDetails(ana.id(), "Más visitas", null, today,
				today.plusWeeks(8), 14,
				List.of(new ImprovementPlans.GoalDetails("Visitas", "visits", Comparison.AT_LEAST, new BigDecimal("10"),
						Grain.WEEK, today.plusWeeks(8)),
						new ImprovementPlans.GoalDetails("Curso", null, null, null, null, today.plusWeeks(4))),
				List.of()));
	}

	private static ListQuery page() {
		return ListQuery.of(0, 50, null, ImprovementQueries.SORTS, "startsOn");
	}
}
