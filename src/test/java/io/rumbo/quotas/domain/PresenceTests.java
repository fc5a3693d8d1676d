package io.rumbo.quotas.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory.Stay;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

class PresenceTests {

	private static List<LocalDate> year() {
		List<LocalDate> starts = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			starts.add(LocalDate.of(2026, m, 1));
		}
		return starts;
	}

	private static Stay stay(long staff, long unit, LocalDate from, LocalDate to) {
		return new Stay(StaffId.of(staff), UnitId.of(unit), from, to, LocalDate.of(2020, 1, 1), JobRole.SALESPERSON,
				"E" + staff, "P" + staff);
	}

	@Test
	void aMoveOnTheTwentiethLeavesThatMonthWithTheFirstUnit() {
		// Unit 1 until 20 June, unit 2 from then on: June's 15th is in unit 1, so months 1-6 in 1 and 7-12 in 2.
		Map<Long, Presence.Months> people = Presence.of(List.of(stay(7, 1, LocalDate.of(2020, 1, 1),
				LocalDate.of(2026, 6, 20)), stay(7, 2, LocalDate.of(2026, 6, 20), null)), year());
		Long[] units = people.get(7L).units();
		assertThat(units[5]).isEqualTo(1L);
		assertThat(units[6]).isEqualTo(2L);
		assertThat(List.of(units).subList(0, 6)).containsOnly(1L);
		assertThat(List.of(units).subList(6, 12)).containsOnly(2L);
	}

	@Test
	void someoneWhoLeftBeforeTheYearHasNoMonths() {
		assertThat(Presence.of(List.of(stay(8, 1, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31))), year()))
			.isEmpty();
	}

	@Test
	void someoneWhoLeavesMidYearIsAbsentFromThenOn() {
		Long[] units = Presence.of(List.of(stay(9, 3, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 4, 1))), year())
			.get(9L).units();
		assertThat(units[2]).isEqualTo(3L);
		assertThat(units[3]).isNull();
	}
}
