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

	@Test
	void codesNameYearsQuartersMonthsAndRangesOfACalendarYear() {
		FiscalYears years = new FiscalYears(1);
		assertThat(years.parse("FY2026")).isEqualTo(years.year(2026));
		assertThat(years.parse("fy2026-q1")).isEqualTo(new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1)));
		assertThat(years.parse(" FY2026-M03 ")).isEqualTo(new FiscalPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
		assertThat(years.parse("FY2026-M3")).isEqualTo(years.month(2026, 3));
		assertThat(years.parse("2026-01-15..2026-02-28"))
			.isEqualTo(new FiscalPeriod(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 1)));
		assertThat(years.code(years.year(2026))).isEqualTo("FY2026");
		assertThat(years.code(years.quarter(2026, 4))).isEqualTo("FY2026-Q4");
		assertThat(years.code(years.month(2026, 3))).isEqualTo("FY2026-M03");
		assertThat(years.code(FiscalPeriod.days(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 28))))
			.isEqualTo("2026-01-15..2026-02-28");
		assertThat(years.kind(years.month(2026, 12))).isEqualTo(FiscalPeriod.Kind.MONTH);
		assertThat(years.kind(new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1))))
			.as("two months are a range").isEqualTo(FiscalPeriod.Kind.RANGE);
	}

	@Test
	void codesOfAYearStartingInAprilCountFromApril() {
		FiscalYears years = new FiscalYears(4);
		assertThat(years.parse("FY2026")).isEqualTo(new FiscalPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 4, 1)));
		assertThat(years.parse("FY2026-Q1")).isEqualTo(new FiscalPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)));
		assertThat(years.parse("FY2026-Q4")).isEqualTo(new FiscalPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1)));
		assertThat(years.parse("FY2026-M03")).as("June").isEqualTo(
				new FiscalPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1)));
		assertThat(years.parse("FY2026-M12")).isEqualTo(new FiscalPeriod(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1)));
		// January 2027 is fiscal month 10 of fiscal year 2026, the first month of its fourth quarter.
		assertThat(years.code(new FiscalPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1)))).isEqualTo("FY2026-M10");
		assertThat(years.code(new FiscalPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1)))).isEqualTo("FY2026-Q4");
		assertThat(years.code(new FiscalPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))))
			.as("a calendar year is a range here").isEqualTo("2026-01-01..2026-12-31");
		for (String code : new String[] { "FY2026", "FY2026-Q2", "FY2026-M01", "FY2026-M11", "2026-05-03..2026-05-03" }) {
			assertThat(years.code(years.parse(code))).as(code).isEqualTo(code);
		}
	}

	@Test
	void shortCodesNameThePeriodsOfAKnownYear() {
		FiscalYears years = new FiscalYears(4);
		assertThat(years.parse("Y", 2026)).isEqualTo(years.year(2026));
		assertThat(years.parse(null, 2026)).isEqualTo(years.year(2026));
		assertThat(years.parse("q2", 2026)).isEqualTo(years.parse("FY2026-Q2"));
		assertThat(years.parse("M12", 2026)).isEqualTo(years.parse("FY2026-M12"));
		assertThat(years.parse("FY2025-Q1", 2026)).as("a full code keeps its own year").isEqualTo(years.quarter(2025, 1));
		assertThat(years.monthsOf(years.parse("Q4", 2026), 2026)).containsExactly(10, 11, 12);
		assertThatThrownBy(() -> years.parse("Q1")).as("no year to read it in")
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void badCodesAreRefusedNamingTheCode() {
		FiscalYears years = new FiscalYears(4);
		for (String bad : new String[] { "FY", "FY26", "FY2026-Q5", "FY2026-Q0", "FY2026-M13", "FY2026-M00",
				"FY2026-W01", "Q9", "M0", "2026-02-30..2026-03-01", "2026-03-01..2026-02-01", "2026-01-01", "nonsense" }) {
			assertThatThrownBy(() -> years.parse(bad, 2026)).as(bad).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(bad);
		}
		assertThatThrownBy(() -> years.monthsOf(years.parse("FY2025-Q1"), 2026))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> years.monthsOf(years.parse("2026-04-15..2026-05-31"), 2026))
			.as("cuts April").isInstanceOf(IllegalArgumentException.class);
	}
}
