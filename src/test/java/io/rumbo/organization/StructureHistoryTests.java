package io.rumbo.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving units and people keeps history: the structure of a past date is still answered as it was. */
@RumboIntegrationTest
class StructureHistoryTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	CurrentUser admin;

	@BeforeEach
	void signIn() {
		UserView view = users.findByUsername("admin").orElseThrow();
		admin = new CurrentUser(new UserId(view.id()), view.username(), view.displayName(), view.roles());
	}

	@Test
	void aMovedUnitAppearsUnderItsOldParentForEarlierDates() {
		String suffix = "H" + SEQUENCE.incrementAndGet() + System.nanoTime() % 10000;
		OrgUnitView company = units.list(admin, new OrgUnitManagement.UnitFilter("ALBA", OrgUnitKind.COMPANY, null,
				false, null), query()).content().get(0);
		OrgUnitView a = create("A" + suffix, company.id(), LocalDate.of(2020, 1, 1));
		OrgUnitView b = create("B" + suffix, company.id(), LocalDate.of(2020, 1, 1));
		OrgUnitView c = create("C" + suffix, a.id(), LocalDate.of(2020, 1, 1));
		StaffView person = staff.create(admin, new StaffManagement.StaffDetails("P" + suffix, "Ana", "Historia", null,
				null, LocalDate.of(2020, 2, 1), c.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, null, null));

		units.update(admin, c.id(), c.version(), details(c, b.id(), LocalDate.of(2023, 6, 1)));

		assertThat(units.get(admin, c.id(), LocalDate.of(2023, 5, 31)).parentId()).isEqualTo(a.id());
		assertThat(units.get(admin, c.id(), LocalDate.of(2023, 6, 1)).parentId()).isEqualTo(b.id());
		assertThat(units.get(admin, c.id(), null).parentId()).isEqualTo(b.id());
		assertThat(subtreeStaff(a.id(), LocalDate.of(2022, 1, 1))).containsExactly(person.id());
		assertThat(subtreeStaff(a.id(), null)).isEmpty();
		assertThat(subtreeStaff(b.id(), null)).containsExactly(person.id());
		assertThat(chartHeadcount(a.id(), LocalDate.of(2022, 1, 1))).isEqualTo(1);
		assertThat(chartHeadcount(a.id(), LocalDate.of(2024, 1, 1))).isZero();
		
	}

	@Test
	void aMovedPersonCountsInTheirOldUnitBeforeTheMove() {
		String suffix = "M" + SEQUENCE.incrementAndGet() + System.nanoTime() % 10000;
		OrgUnitView company = units.list(admin, new OrgUnitManagement.UnitFilter("ALBA", OrgUnitKind.COMPANY, null,
				false, null), query()).content().get(0);
		OrgUnitView from = create("F" + suffix, company.id(), LocalDate.of(2021, 1, 1));
		OrgUnitView to = create("T" + suffix, company.id(), LocalDate.of(2021, 1, 1));
		StaffView person = staff.create(admin, new StaffManagement.StaffDetails("P" + suffix, "Mario", "Traslado", null,
				null, LocalDate.of(2021, 3, 1), from.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 2, null, null));
		StaffView moved = staff.update(admin, person.id(), person.version(), details(person, to.id(),
				LocalDate.of(2024, 9, 1)));
		assertThat(moved.unitId()).isEqualTo(to.id());
		assertThat(subtreeStaff(from.id(), LocalDate.of(2024, 8, 31))).containsExactly(person.id());
		assertThat(subtreeStaff(to.id(), LocalDate.of(2024, 9, 1))).containsExactly(person.id());
		assertThat(subtreeStaff(from.id(), LocalDate.of(2021, 2, 28))).as("before the hire date").isEmpty();

		StaffView current = staff.get(admin, person.id());
		assertThatThrownBy(() -> staff.update(admin, person.id(), current.version(),
				details(current, from.id(), LocalDate.of(2024, 1, 1))))
			.isInstanceOf(ValidationFailedException.class)
			.satisfies(ex -> assertThat(((ValidationFailedException) ex).errors().get(0).field()).isEqualTo("effectiveDate"));
	}

	@Test
	void aNewManagerLeadsFromTheEffectiveDateAndThePreviousOneStaysInHistory() {
		String suffix = "G" + SEQUENCE.incrementAndGet() + System.nanoTime() % 10000;
		OrgUnitView company = units.list(admin, new OrgUnitManagement.UnitFilter("ALBA", OrgUnitKind.COMPANY, null,
				false, null), query()).content().get(0);
		OrgUnitView team = create("G" + suffix, company.id(), LocalDate.of(2022, 1, 1));
		StaffView first = hire("1" + suffix, "Primera", team.id());
		StaffView second = hire("2" + suffix, "Segunda", team.id());
		StaffView member = hire("3" + suffix, "Miembro", team.id());
		OrgUnitView led = units.update(admin, team.id(), team.version(),
				new OrgUnitManagement.UnitDetails(team.code(), team.name(), team.kind(), null, company.id(), first.id(),
						null, LocalDate.of(2022, 1, 1)));
		units.update(admin, team.id(), led.version(), new OrgUnitManagement.UnitDetails(team.code(), team.name(),
				team.kind(), null, company.id(), second.id(), null, LocalDate.of(2025, 3, 1)));

		assertThat(units.get(admin, team.id(), LocalDate.of(2024, 12, 31)).managerStaffId()).isEqualTo(first.id());
		assertThat(units.get(admin, team.id(), LocalDate.of(2025, 3, 1)).managerStaffId()).isEqualTo(second.id());
		assertThat(units.get(admin, team.id(), null).managerName()).isEqualTo(second.fullName());
		assertThat(memberOn(member, team.id(), LocalDate.of(2024, 6, 1)).managerStaffId()).isEqualTo(first.id());
		assertThat(memberOn(member, team.id(), null).managerStaffId()).isEqualTo(second.id());
	}

	private StaffView hire(String number, String name, long unit) {
		return staff.create(admin, new StaffManagement.StaffDetails("P" + number, name, "Gestión", null, null,
				LocalDate.of(2021, 6, 1), unit, JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, null, null));
	}

	private StaffView memberOn(StaffView member, long unit, LocalDate asOf) {
		return staff.list(admin, new StaffManagement.StaffFilter(member.employeeNumber(), unit, null, null, false, asOf),
				ListQuery.of(0, 10, null, OrgQueries.STAFF_SORTS, "lastName")).content().get(0);
	}

	private OrgUnitView create(String code, long parent, LocalDate from) {
		return units.create(admin, new OrgUnitManagement.UnitDetails(code, "Unidad " + code, OrgUnitKind.TEAM, null,
				parent, null, from, null));
	}

	private static OrgUnitManagement.UnitDetails details(OrgUnitView unit, long parent, LocalDate effective) {
		return new OrgUnitManagement.UnitDetails(unit.code(), unit.name(), unit.kind(), unit.location(), parent,
				unit.managerStaffId(), null, effective);
	}

	private static StaffManagement.StaffDetails details(StaffView s, long unit, LocalDate effective) {
		return new StaffManagement.StaffDetails(s.employeeNumber(), s.firstName(), s.lastName(), s.email(), s.phone(),
				s.hireDate(), unit, s.jobRole(), s.status(), s.qualificationLevel(), s.userId(), effective);
	}

	private List<Long> subtreeStaff(long unit, LocalDate asOf) {
		return staff.list(admin, new StaffManagement.StaffFilter(null, unit, null, null, false, asOf),
				ListQuery.of(0, 100, null, OrgQueries.STAFF_SORTS, "lastName")).content().stream().map(StaffView::id).toList();
	}

	private long chartHeadcount(long unit, LocalDate asOf) {
		return find(units.chart(admin, asOf), unit).subtreeHeadcount();
	}

	private static OrgChartNode find(List<OrgChartNode> nodes, long id) {
		for (OrgChartNode node : nodes) {
			if (node.id() == id) {
				return node;
			}
			OrgChartNode below = find(node.children(), id);
			if (below != null) {
				return below;
			}
		}
		return null;
	}

	private static ListQuery query() {
		return ListQuery.of(0, 10, null, OrgQueries.UNIT_SORTS, "code");
	}
}
