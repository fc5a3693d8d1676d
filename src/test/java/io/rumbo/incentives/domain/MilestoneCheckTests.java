package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.Milestone;
import io.rumbo.quotas.AttainmentViews.TrendPoint;

class MilestoneCheckTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 13);

	@Test
	void eachMilestoneIsReachedAtExactlyItsPercentage() {
		assertThat(Milestone.reached(new BigDecimal("49.99"))).isEmpty();
		assertThat(Milestone.reached(new BigDecimal("50.00"))).containsExactly(Milestone.HALF);
		assertThat(Milestone.reached(new BigDecimal("89.99"))).containsExactly(Milestone.HALF);
		assertThat(Milestone.reached(new BigDecimal("90"))).containsExactly(Milestone.HALF, Milestone.NEAR);
		assertThat(Milestone.reached(new BigDecimal("99.995"))).containsExactly(Milestone.HALF, Milestone.NEAR);
		assertThat(Milestone.reached(new BigDecimal("100.00"))).containsExactly(Milestone.HALF, Milestone.NEAR,
				Milestone.QUOTA);
		assertThat(Milestone.reached(new BigDecimal("119.99"))).hasSize(3);
		assertThat(Milestone.reached(new BigDecimal("120"))).containsExactly(Milestone.values());
		assertThat(Milestone.reached(null)).isEmpty();
	}

	@Test
	void aMilestoneOfAClosedMonthIsEarnedOnItsLastDayAndOfTheRunningMonthToday() {
		// A quarter April-June: 60 % by the end of April, 95 % by the end of May (running), so far.
		List<TrendPoint> trend = List.of(new TrendPoint(LocalDate.of(2026, 4, 1), new BigDecimal("60")),
				new TrendPoint(LocalDate.of(2026, 5, 1), new BigDecimal("95")));
		List<MilestoneCheck.Earned> earned = MilestoneCheck.earned(new BigDecimal("95"), trend,
				LocalDate.of(2026, 6, 30), TODAY);
		assertThat(earned).containsExactly(new MilestoneCheck.Earned(Milestone.HALF, LocalDate.of(2026, 4, 30)),
				new MilestoneCheck.Earned(Milestone.NEAR, TODAY));
	}

	@Test
	void aClosedPeriodGivesTheSameDaysWhenCheckedLater() {
		List<TrendPoint> trend = List.of(new TrendPoint(LocalDate.of(2026, 1, 1), new BigDecimal("30")),
				new TrendPoint(LocalDate.of(2026, 2, 1), new BigDecimal("100")),
				new TrendPoint(LocalDate.of(2026, 3, 1), new BigDecimal("120")));
		LocalDate end = LocalDate.of(2026, 3, 31);
		assertThat(MilestoneCheck.earned(new BigDecimal("120"), trend, end, TODAY))
			.isEqualTo(MilestoneCheck.earned(new BigDecimal("120"), trend, end, TODAY.plusMonths(3)))
			.extracting(MilestoneCheck.Earned::on)
			.containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28),
					LocalDate.of(2026, 3, 31));
	}
}
