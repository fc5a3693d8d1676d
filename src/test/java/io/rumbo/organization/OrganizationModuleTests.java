package io.rumbo.organization;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organization module on its own (with shared and identity, without the demo company): each change of the
 * structure is announced with the facts a listener needs.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class OrganizationModuleTests {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "organization");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Test
	void hiringAPersonAnnouncesTheirUnitHireDateAndRole(Scenario scenario) {
		OrgUnitView team = unit("HIRE", null);
		scenario.stimulate(() -> staff.create(ADMIN, person("H-1", team.id(), LocalDate.of(2026, 2, 1))))
			.andWaitForEventOfType(StaffHired.class)
			.toArriveAndVerify(hired -> {
				assertThat(hired.unit()).isEqualTo(UnitId.of(team.id()));
				assertThat(hired.hireDate()).isEqualTo(LocalDate.of(2026, 2, 1));
				assertThat(hired.jobRole()).isEqualTo(JobRole.SALESPERSON);
				assertThat(staff.get(ADMIN, hired.staff().value()).employeeNumber()).isEqualTo("H-1");
			});
	}

	@Test
	void movingAPersonAnnouncesBothUnitsAndTheEffectiveDate(Scenario scenario) {
		OrgUnitView from = unit("MOVE-A", null);
		OrgUnitView to = unit("MOVE-B", null);
		StaffView person = staff.create(ADMIN, person("M-1", from.id(), LocalDate.of(2025, 1, 1)));
		LocalDate effective = LocalDate.of(2026, 3, 1);
		scenario.stimulate(() -> staff.update(ADMIN, person.id(), person.version(),
				moved(person, to.id(), effective)))
			.andWaitForEventOfType(StaffMoved.class)
			.toArriveAndVerify(moved -> assertThat(moved).isEqualTo(new StaffMoved(StaffId.of(person.id()),
					UnitId.of(from.id()), UnitId.of(to.id()), effective)));
	}

	@Test
	void changingAPersonsJobRoleAnnouncesBothRolesAndTheirUnit(Scenario scenario) {
		OrgUnitView team = unit("ROLE", null);
		StaffView person = staff.create(ADMIN, person("R-1", team.id(), LocalDate.of(2025, 1, 1)));
		LocalDate effective = LocalDate.of(2026, 5, 4);
		StaffManagement.StaffDetails same = moved(person, team.id(), effective);
		scenario.stimulate(() -> staff.update(ADMIN, person.id(), person.version(), new StaffManagement.StaffDetails(
				same.employeeNumber(), same.firstName(), same.lastName(), null, null, same.hireDate(), team.id(),
				JobRole.TEAM_LEADER, same.status(), same.qualificationLevel(), null, effective)))
			.andWaitForEventOfType(StaffRoleChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new StaffRoleChanged(StaffId.of(person.id()),
					UnitId.of(team.id()), JobRole.SALESPERSON, JobRole.TEAM_LEADER, effective)));
	}

	@Test
	void archivingAPersonAnnouncesTheyLeftOnceAndRefusesASecondTime(Scenario scenario) {
		OrgUnitView team = unit("LEAVE", null);
		StaffView person = staff.create(ADMIN, person("L-1", team.id(), LocalDate.of(2025, 1, 1)));
		LocalDate left = LocalDate.of(2026, 4, 30);
		scenario.stimulate(() -> staff.archive(ADMIN, person.id(), left))
			.andWaitForEventOfType(StaffLeft.class)
			.toArriveAndVerify(event -> assertThat(event)
				.isEqualTo(new StaffLeft(StaffId.of(person.id()), UnitId.of(team.id()), left)));
		assertThatThrownBy(() -> staff.archive(ADMIN, person.id(), left)).isInstanceOf(ConflictException.class)
			.hasMessage("organization.staff.alreadyArchived");
	}

	@Test
	void placingAUnitUnderAnotherParentAnnouncesTheMove(Scenario scenario) {
		OrgUnitView company = units.create(ADMIN, new OrgUnitManagement.UnitDetails("CO-MOVE", "Company",
				OrgUnitKind.COMPANY, null, null, null, LocalDate.of(2020, 1, 1), null));
		OrgUnitView north = unit("NORTH", company.id());
		OrgUnitView south = unit("SOUTH", company.id());
		OrgUnitView team = units.create(ADMIN, new OrgUnitManagement.UnitDetails("T-MOVE", "Team", OrgUnitKind.TEAM,
				null, north.id(), null, LocalDate.of(2020, 1, 1), null));
		LocalDate effective = LocalDate.of(2026, 1, 1);
		scenario.stimulate(() -> units.update(ADMIN, team.id(), team.version(), new OrgUnitManagement.UnitDetails(
				"T-MOVE", "Team", OrgUnitKind.TEAM, null, south.id(), null, null, effective)))
			.andWaitForEventOfType(UnitMoved.class)
			.toArriveAndVerify(moved -> assertThat(moved).isEqualTo(
					new UnitMoved(UnitId.of(team.id()), UnitId.of(north.id()), UnitId.of(south.id()), effective)));
	}

	@Test
	void archivingAUnitTwiceIsRefused() {
		OrgUnitView empty = unit("EMPTY", null);
		units.archive(ADMIN, empty.id(), LocalDate.of(2026, 1, 31));
		assertThatThrownBy(() -> units.archive(ADMIN, empty.id(), LocalDate.of(2026, 2, 28)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("organization.unit.alreadyArchived");
		assertThat(units.get(ADMIN, empty.id(), null).validTo()).isEqualTo(LocalDate.of(2026, 1, 31));
	}

	/** A region under {@code parentId}, or a company of its own when there is none. */
	private OrgUnitView unit(String code, Long parentId) {
		OrgUnitKind kind = parentId == null ? OrgUnitKind.COMPANY : OrgUnitKind.REGION;
		return units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, kind, null, parentId, null,
				LocalDate.of(2020, 1, 1), null));
	}

	private static StaffManagement.StaffDetails person(String number, long unitId, LocalDate hired) {
		return new StaffManagement.StaffDetails(number, "Ana", "Test " + number, null, null, hired, unitId,
				JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, null, hired);
	}

	private static StaffManagement.StaffDetails moved(StaffView person, long unitId, LocalDate effective) {
		return new StaffManagement.StaffDetails(person.employeeNumber(), person.firstName(), person.lastName(), null,
				null, person.hireDate(), unitId, person.jobRole(), person.status(), person.qualificationLevel(), null,
				effective);
	}
}
