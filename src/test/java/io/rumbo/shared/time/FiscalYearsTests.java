package io.rumbo.shared.time;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearsTests {

	@Test
	void aCalendarYearIsTheDefaultCase() {
		FiscalYears years = new FiscalYears(1);
		assertThat(years.yearOf(LocalDate.of(2026, 11, 27))).isEqualTo(2026);
		assertThat(years.monthOf(LocalDate.of(2026, 11, 27))).isEqualTo(11);
		assertThat(years.quarterOf(LocalDate.of(2026, 11, 27))).isEqualTo(4);
		assertThat(years.year(2026)).isEqualTo(new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
		assertThat(years.label(2026)).isEqualTo("2026");
	}

	@Test
	void aYearStartingInAprilIsNamedByItsStartAndCountsMonthsFromApril() {
		FiscalYears years = new FiscalYears(4);
		assertThat(years.yearOf(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
		assertThat(years.yearOf(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
		assertThat(years.monthOf(LocalDate.of(2026, 4, 15))).isEqualTo(1);
		assertThat(years.monthOf(LocalDate.of(2027, 3, 1))).isEqualTo(12);
		assertThat(years.quarter(2026, 4)).isEqualTo(new FiscalPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1)));
		assertThat(years.month(2026, 10).start()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(years.months(2026)).hasSize(12);
		assertThat(years.label(2026)).isEqualTo("2026/27");
	}

	@Test
	void periodsCountElapsedDaysAndRefuseNonsense() {
		FiscalPeriod november = new FiscalPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
		assertThat(november.days()).isEqualTo(30);
		assertThat(november.daysElapsed(LocalDate.of(2026, 10, 31))).isZero();
		assertThat(november.daysElapsed(LocalDate.of(2026, 11, 27))).isEqualTo(27);
		assertThat(november.daysElapsed(LocalDate.of(2027, 1, 1))).isEqualTo(30);
		assertThat(november.lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThatThrownBy(() -> new FiscalYears(13)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FiscalPeriod(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
