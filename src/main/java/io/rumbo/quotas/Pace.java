package io.rumbo.quotas;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Attainment and pacing of one quota (a person's, a unit's or the company's) for one measure and period, as of a
 * day. Definitions and formulas: docs/decisions/0011-attainment-and-pacing.md. Percentages are in percent
 * ({@code 87.50} is 87.5 %), the pace index a plain ratio ({@code 1.0500} is 5 % ahead of pace).
 *
 * @param actual the measured figure of the period so far
 * @param quota the period's quota (a sum of monthly quotas; for a rate or an average, their mean)
 * @param attainment actual against quota, in percent; null without a quota
 * @param expected what the pace asks for by {@code asOf}
 * @param paceIndex actual / expected; null while nothing is expected yet
 * @param projection the run rate carried to the period's end (the actual itself once the period is over, and for a
 *        rate or an average); null before the period has begun
 * @param projectedAttainment projection against quota, in percent
 * @param gap what is still missing to reach the quota (negative: exceeded by that much)
 * @param neededPerWorkingDay the gap spread over the working days left; null when none are left or the measure is
 *        a rate or an average
 * @param workingDays working days of the period
 * @param workingDaysElapsed working days passed by the end of {@code asOf}
 * @param risk why the quota is at risk, or null when it is not
 */
public record Pace(BigDecimal actual, BigDecimal quota, @Nullable BigDecimal attainment, BigDecimal expected,
		@Nullable BigDecimal paceIndex, @Nullable BigDecimal projection, @Nullable BigDecimal projectedAttainment,
		BigDecimal gap, @Nullable BigDecimal neededPerWorkingDay, int workingDays, int workingDaysElapsed,
		@Nullable Risk risk) {

	/** True when the projection falls under the at-risk threshold. */
	public boolean atRisk() {
		return risk != null;
	}

	/**
	 * Why a quota is at risk: the projected attainment ({@code projectedAttainment}, percent) under the threshold
	 * (percent), {@code points} percentage points short of it, and {@code shortfall} in the measure's own unit (what
	 * the projection lacks to reach the threshold).
	 */
	public record Risk(BigDecimal projectedAttainment, BigDecimal threshold, BigDecimal points, BigDecimal shortfall) {
	}
}
