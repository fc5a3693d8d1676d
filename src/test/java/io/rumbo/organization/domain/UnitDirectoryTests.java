package io.rumbo.organization.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitDirectoryTests {

	// company 1 led by staff 100 > region 2 led by 200 > team 3 without a manager
	private final UnitDirectory directory = new UnitDirectory(List.of(
			new UnitDirectory.Entry(1, "C", "Company", null, 100L, "Directora"),
			new UnitDirectory.Entry(2, "R", "Region", 1L, 200L, "Gerente"),
			new UnitDirectory.Entry(3, "T", "Team", 2L, null, null)));

	@Test
	void aPersonReportsToTheManagerOfTheirUnit() {
		assertThat(directory.managerOf(300, 2).managerStaffId()).isEqualTo(200L);
	}

	@Test
	void theManagerOfAUnitReportsOneLevelUp() {
		assertThat(directory.managerOf(200, 2).managerStaffId()).isEqualTo(100L);
	}

	@Test
	void aUnitWithoutManagerPassesToTheNearestManagerAbove() {
		assertThat(directory.managerOf(300, 3).managerStaffId()).isEqualTo(200L);
	}

	@Test
	void theTopManagerHasNoManager() {
		assertThat(directory.managerOf(100, 1)).isNull();
	}
}
