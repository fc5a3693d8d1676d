package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rumbo.metrics.Metric;
import io.rumbo.quotas.Pace;
import io.rumbo.quotas.PaceMethod;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples of the pacing rules (docs/decisions/0011). Fiscal year = calendar year 2026; the first quarter has
 * 22 + 20 + 22 = 64 working days, and by Friday 13 February 22 + 10 = 32 of them have passed: half the quarter.
 */
class PacingTests {

	static final FiscalYears YEARS = new FiscalYears(1);
	static final List<FiscalPeriod> Q1 = List.of(YEARS.month(2026, 1), YEARS.month(2026, 2), YEARS.month(2026, 3));
	static final LocalDate FEB_13 = LocalDate.of(2026, 2, 13);
	static final BigDecimal NINETY = new BigDecimal("90");

	static Map<LocalDate, BigDecimal> quota(String jan, String feb, String mar) {
		return Map.of(LocalDate.of(2026, 1, 1), new BigDecimal(jan), LocalDate.of(2026, 2, 1), new BigDecimal(feb),
				LocalDate.of(2026, 3, 1), new BigDecimal(mar));
	}

	static Pacing byWorkingDays() {
		return new Pacing(WorkingDays.MONDAY_TO_FRIDAY, PaceMethod.WORKING_DAYS, NINETY);
	}

	@Test
	void halfTheWorkingDaysExpectHalfTheQuotaAndARunRateUnderNinetyPercentIsAtRisk() {
		Pace pace = byWorkingDays().pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), new BigDecimal("12000"),
				FEB_13);

		assertThat(pace.workingDays()).isEqualTo(64);
		assertThat(pace.workingDaysElapsed()).isEqualTo(32);
		assertThat(pace.quota()).isEqualByComparingTo("30000");
		assertThat(pace.attainment()).isEqualByComparingTo("40.00");
		assertThat(pace.expected()).isEqualByComparingTo("15000");
		assertThat(pace.paceIndex()).isEqualByComparingTo("0.8000");
		// 12,000 in 32 of 64 days: 24,000 by the end of March, 80 % of the quota.
		assertThat(pace.projection()).isEqualByComparingTo("24000");
		assertThat(pace.projectedAttainment()).isEqualByComparingTo("80.00");
		assertThat(pace.gap()).isEqualByComparingTo("18000");
		// 18,000 still to reach over the 32 working days left.
		assertThat(pace.neededPerWorkingDay()).isEqualByComparingTo("562.50");
		assertThat(pace.atRisk()).isTrue();
		assertThat(pace.risk().projectedAttainment()).isEqualByComparingTo("80.00");
		assertThat(pace.risk().threshold()).isEqualByComparingTo("90");
		assertThat(pace.risk().points()).isEqualByComparingTo("10.00");
		// 90 % of 30,000 is 27,000: the projection lacks 3,000.
		assertThat(pace.risk().shortfall()).isEqualByComparingTo("3000");
	}

	@Test
	void theQuotasOwnShapeExpectsLessWhenTheBigMonthsAreStillToCome() {
		Pacing shape = new Pacing(WorkingDays.MONDAY_TO_FRIDAY, PaceMethod.QUOTA_SHAPE, NINETY);
		Pace pace = shape.pace(Metric.REVENUE, Q1, quota("5000", "10000", "15000"), new BigDecimal("12000"), FEB_13);

		// All of January (5,000) and 10 of February's 20 working days (5,000): a third of the quarter's quota.
		assertThat(pace.expected()).isEqualByComparingTo("10000");
		assertThat(pace.paceIndex()).isEqualByComparingTo("1.2000");
		assertThat(pace.projection()).isEqualByComparingTo("36000");
		assertThat(pace.projectedAttainment()).isEqualByComparingTo("120.00");
		assertThat(pace.atRisk()).isFalse();

		Pace evenly = byWorkingDays().pace(Metric.REVENUE, Q1, quota("5000", "10000", "15000"),
				new BigDecimal("12000"), FEB_13);
		assertThat(evenly.expected()).isEqualByComparingTo("15000");
		assertThat(evenly.atRisk()).isTrue();
	}

	@Test
	void aHolidayIsNoWorkingDay() {
		Pacing withEpiphany = new Pacing(WorkingDays.except(Set.of(LocalDate.of(2026, 1, 6))), PaceMethod.WORKING_DAYS,
				NINETY);
		Pace pace = withEpiphany.pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), new BigDecimal("6300"),
				LocalDate.of(2026, 1, 30));

		// 63 working days in the quarter, 21 of them in January: a third of 30,000 expected by 30 January.
		assertThat(pace.workingDays()).isEqualTo(63);
		assertThat(pace.workingDaysElapsed()).isEqualTo(21);
		assertThat(pace.expected()).isEqualByComparingTo("10000");
		assertThat(pace.projection()).isEqualByComparingTo("18900");
		// 23,700 over the 42 days left.
		assertThat(pace.neededPerWorkingDay()).isEqualByComparingTo("564.29");
	}

	@Test
	void aWeekendDayTakenAsTodayCountsAsTheFridayBeforeIt() {
		Pace friday = byWorkingDays().pace(Metric.UNITS, Q1, quota("64", "64", "64"), new BigDecimal("10"), FEB_13);
		Pace sunday = byWorkingDays().pace(Metric.UNITS, Q1, quota("64", "64", "64"), new BigDecimal("10"),
				LocalDate.of(2026, 2, 15));
		assertThat(sunday.expected()).isEqualByComparingTo(friday.expected()).isEqualByComparingTo("96");
	}

	@Test
	void beforeThePeriodNothingIsExpectedNorProjectedAndTheWholeQuotaIsSpreadOverEveryDay() {
		Pace pace = byWorkingDays().pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), BigDecimal.ZERO,
				LocalDate.of(2025, 12, 20));
		assertThat(pace.expected()).isEqualByComparingTo("0");
		assertThat(pace.paceIndex()).isNull();
		assertThat(pace.projection()).isNull();
		assertThat(pace.atRisk()).isFalse();
		assertThat(pace.neededPerWorkingDay()).isEqualByComparingTo("468.75");
	}

	@Test
	void afterThePeriodTheProjectionIsTheActualAndNoDayIsLeft() {
		Pace pace = byWorkingDays().pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), new BigDecimal("26000"),
				LocalDate.of(2026, 4, 10));
		assertThat(pace.workingDaysElapsed()).isEqualTo(64);
		assertThat(pace.projection()).isEqualByComparingTo("26000");
		assertThat(pace.neededPerWorkingDay()).isNull();
		assertThat(pace.risk().shortfall()).isEqualByComparingTo("1000");
	}

	@Test
	void exceedingTheQuotaLeavesANegativeGapAndNothingNeeded() {
		Pace pace = byWorkingDays().pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), new BigDecimal("31000"),
				FEB_13);
		assertThat(pace.gap()).isEqualByComparingTo("-1000");
		assertThat(pace.neededPerWorkingDay()).isEqualByComparingTo("0");
		assertThat(pace.attainment()).isEqualByComparingTo("103.33");
	}

	@Test
	void withoutAQuotaThereIsNoAttainmentAndNoRisk() {
		Pace pace = byWorkingDays().pace(Metric.VISITS, Q1, Map.of(), new BigDecimal("12"), FEB_13);
		assertThat(pace.attainment()).isNull();
		assertThat(pace.paceIndex()).isNull();
		assertThat(pace.projection()).isEqualByComparingTo("24");
		assertThat(pace.atRisk()).isFalse();
	}

	@Test
	void aRateIsALevelToHoldNotASumToReach() {
		Pace pace = byWorkingDays().pace(Metric.MARGIN_PCT, Q1, quota("30", "30", "33"), new BigDecimal("27.9"), FEB_13);
		// The quarter's quota is the months' mean, 31 %; 27.9 % is 90 % of it: on the threshold, not under it.
		assertThat(pace.quota()).isEqualByComparingTo("31");
		assertThat(pace.expected()).isEqualByComparingTo("31");
		assertThat(pace.attainment()).isEqualByComparingTo("90.00");
		assertThat(pace.projection()).isEqualByComparingTo("27.90");
		assertThat(pace.neededPerWorkingDay()).isNull();
		assertThat(pace.atRisk()).isFalse();
	}

	@Test
	void whenLowerIsBetterAttainmentIsQuotaOverActual() {
		Pace pace = byWorkingDays().pace(Metric.RESOLUTION_DAYS, Q1, quota("4", "4", "4"), new BigDecimal("5"), FEB_13);
		assertThat(pace.attainment()).isEqualByComparingTo("80.00");
		assertThat(pace.gap()).isEqualByComparingTo("1");
		assertThat(pace.atRisk()).isTrue();
		// At 90 % the ceiling is 4 / 0.9 = 4.44 days: the projection is 0.56 over it.
		assertThat(pace.risk().shortfall()).isEqualByComparingTo("0.56");
	}

	@Test
	void theThresholdIsASetting() {
		Pacing lenient = new Pacing(WorkingDays.MONDAY_TO_FRIDAY, PaceMethod.WORKING_DAYS, new BigDecimal("75"));
		Pace pace = lenient.pace(Metric.REVENUE, Q1, quota("10000", "10000", "10000"), new BigDecimal("12000"), FEB_13);
		assertThat(pace.projectedAttainment()).isEqualByComparingTo("80.00");
		assertThat(pace.atRisk()).isFalse();
	}
}
