package io.rumbo.quotas.domain;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

	@Test
	void countsMondayToFriday() {
		WorkingDays days = WorkingDays.MONDAY_TO_FRIDAY;
		assertThat(days.in(new FiscalYears(1).year(2026))).isEqualTo(261);
		assertThat(days.in(new FiscalYears(1).month(2026, 2))).isEqualTo(20);
		// Saturday and Sunday 14-15 February 2026 only.
		assertThat(days.between(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 16))).isZero();
	}

	@Test
	void leavesOutHolidaysOnWorkingDaysOnly() {
		// 6 January 2026 is a Tuesday, 3 January a Saturday (already no working day).
		WorkingDays days = WorkingDays.except(Set.of(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 3)));
		assertThat(days.in(new FiscalYears(1).month(2026, 1))).isEqualTo(21);
		assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 6))).isFalse();
	}

	@Test
	void elapsedCountsTheDayItselfAndStopsAtTheEnds() {
		FiscalPeriod february = new FiscalYears(1).month(2026, 2);
		WorkingDays days = WorkingDays.MONDAY_TO_FRIDAY;
		assertThat(days.elapsed(february, LocalDate.of(2026, 2, 2))).isEqualTo(1);
		assertThat(days.elapsed(february, LocalDate.of(2026, 1, 31))).isZero();
		assertThat(days.elapsed(february, LocalDate.of(2026, 5, 1))).isEqualTo(20);
		assertThat(days.remaining(february, LocalDate.of(2026, 2, 13))).isEqualTo(10);
	}

	@Test
	void arithmeticAgreesWithCountingDayByDay() {
		WorkingDays days = WorkingDays.except(Set.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 25)));
		LocalDate start = LocalDate.of(2025, 12, 27);
		for (int length = 0; length < 400; length += 7) {
			for (int offset = 0; offset < 7; offset++) {
				LocalDate from = start.plusDays(offset);
				LocalDate to = from.plusDays(length + offset);
				int counted = 0;
				for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
					counted += days.isWorkingDay(d) ? 1 : 0;
				}
				assertThat(days.between(from, to)).as(from + ".." + to).isEqualTo(counted);
			}
		}
	}
}
