package io.rumbo.organization;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTests {

	@Test
	void everythingSeesAll() {
		assertThat(DataScope.EVERYTHING.seesStaff(1, 2)).isTrue();
		assertThat(DataScope.EVERYTHING.managesUnit(9)).isTrue();
	}

	@Test
	void aManagerSeesTheirSubtreeAndThemselves() {
		DataScope manager = new DataScope(false, Set.of(10L, 11L), 5L, 10L);
		assertThat(manager.seesStaff(7, 11)).isTrue();
		assertThat(manager.seesStaff(7, 12)).isFalse();
		assertThat(manager.managesUnit(11)).isTrue();
		assertThat(manager.managesUnit(12)).isFalse();
	}

	@Test
	void aRepSeesOnlyThemselvesAndTheirUnitButManagesNothing() {
		DataScope rep = new DataScope(false, Set.of(), 5L, 10L);
		assertThat(rep.seesStaff(5, 10)).isTrue();
		assertThat(rep.seesStaff(6, 10)).isFalse();
		assertThat(rep.seesUnit(10)).isTrue();
		assertThat(rep.managesUnit(10)).isFalse();
	}

	@Test
	void nothingSeesNothing() {
		assertThat(DataScope.NOTHING.seesStaff(1, 1)).isFalse();
		assertThat(DataScope.NOTHING.seesUnit(1)).isFalse();
	}
}
