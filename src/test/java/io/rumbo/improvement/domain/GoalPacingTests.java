package io.rumbo.improvement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.GoalPace;
import io.rumbo.improvement.GoalStatus;
import io.rumbo.improvement.Grain;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.time.FiscalPeriod;

/** The pace rules of decision 0015 on worked examples. */
class GoalPacingTests {

	/** A plan from 10 March to 31 May 2026: its measured goals read March, April and May (92 days). */
	static final LocalDate START = LocalDate.of(2026, 3, 10);

	static final LocalDate DUE = LocalDate.of(2026, 5, 31);

	@Test
	void aMeasuredGoalReadsWholeMonthsFromTheStartMonthToTheDeadlineMonth() {
		assertThat(GoalPacing.measured(START, DUE))
			.isEqualTo(new FiscalPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1)));
		assertThat(GoalPacing.measured(START, LocalDate.of(2026, 4, 1)).end()).isEqualTo(LocalDate.of(2026, 5, 1));
	}

	@Test
	void twelveVisitsAWeekOverNinetyTwoDaysAskOneHundredFiftySevenPointSevenOne() {
		FiscalPeriod period = GoalPacing.measured(START, DUE);
		assertThat(GoalPacing.goal(new BigDecimal("12"), Grain.WEEK, period)).isEqualByComparingTo("157.71");
		assertThat(GoalPacing.goal(new BigDecimal("3"), Grain.MONTH, period)).isEqualByComparingTo("9.00");
		assertThat(GoalPacing.goal(new BigDecimal("40"), Grain.WHOLE, period)).isEqualByComparingTo("40.00");
	}

	@Test
	void visitsAheadOfThePaceAreOnTrackAndBelowItBehind() {
		// 15 April: 46 of the 92 days gone by, so the pace asks half of 157.71 = 78.86 (rounded from 78.855).
		LocalDate today = LocalDate.of(2026, 4, 15);
		GoalPace ahead = visits(new BigDecimal("80"), today);
		assertThat(ahead.expectedProgress()).isEqualByComparingTo("50.00");
		assertThat(ahead.expected()).isEqualByComparingTo("78.86");
		assertThat(ahead.progress()).isEqualByComparingTo("50.73");
		assertThat(ahead.status()).isEqualTo(GoalStatus.ON_TRACK);
		GoalPace behind = visits(new BigDecimal("78"), today);
		assertThat(behind.status()).isEqualTo(GoalStatus.BEHIND);
		assertThat(behind.behind()).isTrue();
		assertThat(visits(null, today).actual()).as("no visit recorded is 0").isEqualByComparingTo("0");
	}

	@Test
	void aCountReachedIsMetAtOnceAndOneShortAtTheDeadlineIsMissed() {
		assertThat(visits(new BigDecimal("158"), LocalDate.of(2026, 4, 15)).status()).isEqualTo(GoalStatus.MET);
		assertThat(visits(new BigDecimal("157"), LocalDate.of(2026, 5, 31)).status()).as("the last day still counts")
			.isEqualTo(GoalStatus.BEHIND);
		assertThat(visits(new BigDecimal("157"), LocalDate.of(2026, 6, 1)).status()).isEqualTo(GoalStatus.MISSED);
	}

	@Test
	void anAtMostCountIsBehindAboveItsAllowanceSoFarAndMissedOnceSpent() {
		// At most 4 lost opportunities a month: 12 over the three months, 6 allowed by 15 April.
		GoalPace within = GoalPacing.measured(Metric.OPPORTUNITIES_LOST, Comparison.AT_MOST, new BigDecimal("4"),
				Grain.MONTH, START, DUE, new BigDecimal("6"), LocalDate.of(2026, 4, 15));
		assertThat(within.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(GoalPacing.measured(Metric.OPPORTUNITIES_LOST, Comparison.AT_MOST, new BigDecimal("4"), Grain.MONTH,
				START, DUE, new BigDecimal("7"), LocalDate.of(2026, 4, 15)).status()).isEqualTo(GoalStatus.BEHIND);
		assertThat(GoalPacing.measured(Metric.OPPORTUNITIES_LOST, Comparison.AT_MOST, new BigDecimal("4"), Grain.MONTH,
				START, DUE, new BigDecimal("13"), LocalDate.of(2026, 4, 15)).status()).isEqualTo(GoalStatus.MISSED);
		assertThat(GoalPacing.measured(Metric.OPPORTUNITIES_LOST, Comparison.AT_MOST, new BigDecimal("4"), Grain.MONTH,
				START, DUE, new BigDecimal("12"), LocalDate.of(2026, 6, 1)).status()).isEqualTo(GoalStatus.MET);
	}

	@Test
	void aMarginAboveTwentyTwoPercentIsALevelThatHoldsOrNot() {
		GoalPace holds = margin(new BigDecimal("23.10"), LocalDate.of(2026, 4, 15));
		assertThat(holds.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(holds.progress()).as("23.10 of 22").isEqualByComparingTo("105.00");
		assertThat(holds.expectedProgress()).isEqualByComparingTo("100");
		assertThat(margin(new BigDecimal("21.99"), LocalDate.of(2026, 4, 15)).status()).isEqualTo(GoalStatus.BEHIND);
		assertThat(margin(new BigDecimal("22"), LocalDate.of(2026, 6, 2)).status()).isEqualTo(GoalStatus.MET);
		assertThat(margin(new BigDecimal("21"), LocalDate.of(2026, 6, 2)).status()).isEqualTo(GoalStatus.MISSED);
		assertThat(margin(null, LocalDate.of(2026, 4, 15)).status()).as("no sale, no margin")
			.isEqualTo(GoalStatus.NO_DATA);
		assertThat(margin(null, LocalDate.of(2026, 6, 2)).status()).isEqualTo(GoalStatus.MISSED);
	}

	@Test
	void aGoalByHandFollowsTheDaysFromTheStartToItsDeadline() {
		// 10 March to 31 May is 83 days; on 20 April 42 of them have gone by: 50.60 % expected.
		LocalDate today = LocalDate.of(2026, 4, 20);
		GoalPace ahead = GoalPacing.manual(START, DUE, new BigDecimal("60"), today);
		assertThat(ahead.expectedProgress()).isEqualByComparingTo("50.60");
		assertThat(ahead.status()).isEqualTo(GoalStatus.ON_TRACK);
		assertThat(GoalPacing.manual(START, DUE, new BigDecimal("50"), today).status()).isEqualTo(GoalStatus.BEHIND);
		assertThat(GoalPacing.manual(START, DUE, new BigDecimal("100"), today).status()).isEqualTo(GoalStatus.MET);
		assertThat(GoalPacing.manual(START, DUE, new BigDecimal("90"), DUE.plusDays(1)).status())
			.isEqualTo(GoalStatus.MISSED);
		assertThat(GoalPacing.manual(START, DUE, BigDecimal.ZERO, START.minusDays(3)).status())
			.as("nothing expected before the start").isEqualTo(GoalStatus.ON_TRACK);
	}

	@Test
	void ratiosAndScoresAreLevelsAndCountsAccumulate() {
		assertThat(GoalPacing.accumulates(Metric.VISITS)).isTrue();
		assertThat(GoalPacing.accumulates(Metric.NEW_CUSTOMERS)).isTrue();
		assertThat(GoalPacing.accumulates(Metric.MARGIN_PCT)).isFalse();
		assertThat(GoalPacing.accumulates(Metric.CSAT)).isFalse();
	}

	private static GoalPace visits(BigDecimal figure, LocalDate today) {
		return GoalPacing.measured(Metric.VISITS, Comparison.AT_LEAST, new BigDecimal("12"), Grain.WEEK, START, DUE,
				figure, today);
	}

	private static GoalPace margin(BigDecimal figure, LocalDate today) {
		return GoalPacing.measured(Metric.MARGIN_PCT, Comparison.AT_LEAST, new BigDecimal("22"), Grain.WHOLE, START,
				DUE, figure, today);
	}
}
