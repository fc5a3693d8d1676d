package io.rumbo.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one translation of a data scope into SQL. */
class DataScopeSqlTests {

	@Test
	void everythingNeedsNoCondition() {
		Map<String, Object> params = new HashMap<>();
		assertThat(DataScope.EVERYTHING.sql("c.unit_id", "c.owner_staff_id", params)).isEqualTo("TRUE");
		assertThat(params).isEmpty();
	}

	@Test
	void aScopeWithNothingSeesNoRow() {
		Map<String, Object> params = new HashMap<>();
		assertThat(DataScope.NOTHING.sql("c.unit_id", "c.owner_staff_id", params)).isEqualTo("(1 = 0)");
		assertThat(params).isEmpty();
	}

	@Test
	void aSalespersonSeesTheirOwnRows() {
		Map<String, Object> params = new HashMap<>();
		DataScope rep = new DataScope(false, Set.of(), 7L, 3L);
		assertThat(rep.sql("c.unit_id", "c.owner_staff_id", params)).isEqualTo("(1 = 0 OR c.owner_staff_id = :scopeStaff)");
		assertThat(params).containsEntry("scopeStaff", 7L).doesNotContainKey("scopeUnits");
	}

	@Test
	void aManagerSeesTheirSubtreeAndTheirOwnRowsInEveryColumnNamed() {
		Map<String, Object> params = new HashMap<>();
		DataScope manager = new DataScope(false, Set.of(4L, 5L), 9L, 4L);
		String sql = manager.sql(new DataScope.Columns(List.of("c.unit_id", "s.unit_id"), List.of("s.staff_id"),
				List.of("t.team_unit_id")), params);
		assertThat(sql).isEqualTo("(1 = 0 OR c.unit_id IN (:scopeUnits) OR s.unit_id IN (:scopeUnits)"
				+ " OR s.staff_id = :scopeStaff OR t.team_unit_id = :scopeOwnUnit)");
		assertThat(params).containsEntry("scopeUnits", Set.of(4L, 5L)).containsEntry("scopeStaff", 9L)
			.containsEntry("scopeOwnUnit", 4L);
	}
}
