package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.metrics.Aggregation;
import io.rumbo.metrics.Metric;
import io.rumbo.quotas.Pace;
import io.rumbo.quotas.PaceMethod;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The pacing rules: from a quota by fiscal month and the actual so far, what was expected by today, whether the run
 * rate reaches the quota and what each remaining working day must bring. Pure arithmetic (no clock, no database),
 * the same for a person, a unit and the company. The formulas are written down in
 * docs/decisions/0011-attainment-and-pacing.md; every figure is rounded once, at the end, to two decimals (indices
 * to four), half up as {@link Amounts} rounds.
 */
public final class Pacing {

	/** Divisions keep this many decimals until the figure is rounded for the reader. */
	private static final int WORKING_SCALE = 10;

	private static final int INDEX_SCALE = 4;

	private final WorkingDays days;
	private final PaceMethod method;
	private final BigDecimal threshold;

	/**
	 * @param threshold the at-risk threshold in percent of the quota (90 by default): a projection under it flags
	 *        the quota
	 */
	public Pacing(WorkingDays days, PaceMethod method, BigDecimal threshold) {
		if (threshold.signum() <= 0) {
			throw new IllegalArgumentException("The at-risk threshold is a positive percentage, not " + threshold);
		}
		this.days = days;
		this.method = method;
		this.threshold = threshold;
	}

	public WorkingDays days() {
		return days;
	}

	public PaceMethod method() {
		return method;
	}

	public BigDecimal threshold() {
		return threshold;
	}

	/**
	 * Whether a measure's quota builds up over the period (revenue, visits, new customers: the months add up) or is
	 * a level to hold (margin %, CSAT, days to resolve: a rate or an average, whose period quota is the mean of its
	 * monthly ones and which has no run rate to project).
	 */
	public static boolean accumulates(Metric metric) {
		return metric.aggregation() == Aggregation.SUM || metric.aggregation() == Aggregation.DISTINCT_COUNT;
	}

	/**
	 * Pace of one quota.
	 *
	 * @param metric the measure (how it accumulates, whether higher is better)
	 * @param months the fiscal months that make up the period, in order
	 * @param quotaByMonth the quota of each month, keyed by the month's first day (missing months have none)
	 * @param actual the measured figure of the period so far
	 * @param asOf the day the pace is taken at (its own working day counts as passed)
	 */
	public Pace pace(Metric metric, List<FiscalPeriod> months, Map<LocalDate, BigDecimal> quotaByMonth,
			BigDecimal actual, LocalDate asOf) {
		FiscalPeriod period = new FiscalPeriod(months.get(0).start(), months.get(months.size() - 1).end());
		int total = days.in(period);
		int elapsed = days.elapsed(period, asOf);
		return accumulates(metric) ? cumulative(metric, months, quotaByMonth, actual, asOf, total, elapsed)
				: level(metric, months, quotaByMonth, actual, asOf, total, elapsed);
	}

	private Pace cumulative(Metric metric, List<FiscalPeriod> months, Map<LocalDate, BigDecimal> quotaByMonth,
			BigDecimal actual, LocalDate asOf, int total, int elapsed) {
		BigDecimal quota = BigDecimal.ZERO;
		for (FiscalPeriod month : months) {
			quota = quota.add(quotaByMonth.getOrDefault(month.start(), BigDecimal.ZERO));
		}
		BigDecimal share = elapsedShare(months, quotaByMonth, quota, asOf, total, elapsed);
		BigDecimal expected = quota.multiply(share);
		boolean begun = share.signum() > 0;
		// The run rate: what came in per unit of pace so far, carried over the whole period. Once the period is over
		// the share is 1 and the projection is the actual itself.
		BigDecimal projection = begun ? actual.divide(share, WORKING_SCALE, RoundingMode.HALF_UP) : null;
		BigDecimal gap = metric.higherIsBetter() ? quota.subtract(actual) : actual.subtract(quota);
		int left = total - elapsed;
		BigDecimal needed = left > 0 && metric.higherIsBetter()
				? gap.max(BigDecimal.ZERO).divide(BigDecimal.valueOf(left), WORKING_SCALE, RoundingMode.HALF_UP) : null;
		BigDecimal paceIndex = expected.signum() > 0 ? ratio(actual, expected) : null;
		BigDecimal projected = projection == null ? null : attainment(metric, projection, quota);
		return new Pace(figure(actual), figure(quota), attainment(metric, actual, quota), figure(expected), paceIndex,
				projection == null ? null : figure(projection), projected, figure(gap),
				needed == null ? null : figure(needed), total, elapsed, risk(metric, projection, projected, quota));
	}

	/**
	 * The share of the period's pace that has passed by {@code asOf}: by working days, or by the months' own quotas
	 * (each month's quota in proportion to its working days passed). Without a quota to give the shape, working days.
	 */
	private BigDecimal elapsedShare(List<FiscalPeriod> months, Map<LocalDate, BigDecimal> quotaByMonth,
			BigDecimal quota, LocalDate asOf, int total, int elapsed) {
		if (method == PaceMethod.QUOTA_SHAPE && quota.signum() > 0) {
			BigDecimal expected = BigDecimal.ZERO;
			for (FiscalPeriod month : months) {
				BigDecimal monthQuota = quotaByMonth.getOrDefault(month.start(), BigDecimal.ZERO);
				int monthDays = days.in(month);
				if (monthDays > 0 && monthQuota.signum() != 0) {
					expected = expected.add(monthQuota.multiply(BigDecimal.valueOf(days.elapsed(month, asOf)))
						.divide(BigDecimal.valueOf(monthDays), WORKING_SCALE, RoundingMode.HALF_UP));
				}
			}
			return expected.divide(quota, WORKING_SCALE, RoundingMode.HALF_UP);
		}
		return total == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), WORKING_SCALE, RoundingMode.HALF_UP);
	}

	/** A rate or an average is held, not accumulated: what is expected is the level itself, and so is the outlook. */
	private Pace level(Metric metric, List<FiscalPeriod> months, Map<LocalDate, BigDecimal> quotaByMonth,
			BigDecimal actual, LocalDate asOf, int total, int elapsed) {
		BigDecimal sum = BigDecimal.ZERO;
		int counted = 0;
		for (FiscalPeriod month : months) {
			BigDecimal q = quotaByMonth.get(month.start());
			if (q != null) {
				sum = sum.add(q);
				counted++;
			}
		}
		BigDecimal quota = counted == 0 ? BigDecimal.ZERO
				: sum.divide(BigDecimal.valueOf(counted), WORKING_SCALE, RoundingMode.HALF_UP);
		boolean begun = !asOf.isBefore(months.get(0).start());
		BigDecimal attainment = attainment(metric, actual, quota);
		BigDecimal gap = metric.higherIsBetter() ? quota.subtract(actual) : actual.subtract(quota);
		BigDecimal projection = begun ? actual : null;
		BigDecimal paceIndex = attainment == null || !begun ? null
				: attainment.divide(Amounts.HUNDRED, INDEX_SCALE, Amounts.ROUNDING);
		return new Pace(figure(actual), figure(quota), attainment, figure(quota), paceIndex,
				projection == null ? null : figure(projection), begun ? attainment : null, figure(gap), null, total,
				elapsed, risk(metric, projection, begun ? attainment : null, quota));
	}

	/**
	 * Attainment in percent: actual over quota when higher is better, quota over actual when lower is (reaching 3
	 * days to resolve against a quota of 4 is 133 %); null without a quota, or with nothing measured when lower is
	 * better.
	 */
	public static @Nullable BigDecimal attainment(Metric metric, BigDecimal actual, BigDecimal quota) {
		if (quota.signum() == 0) {
			return null;
		}
		if (metric.higherIsBetter()) {
			return percent(actual, quota);
		}
		return actual.signum() == 0 ? null : percent(quota, actual);
	}

	private Pace.@Nullable Risk risk(Metric metric, @Nullable BigDecimal projection, @Nullable BigDecimal projected,
			BigDecimal quota) {
		if (projection == null || projected == null || quota.signum() == 0 || projected.compareTo(threshold) >= 0) {
			return null;
		}
		BigDecimal atThreshold = quota.multiply(threshold).divide(Amounts.HUNDRED, WORKING_SCALE, RoundingMode.HALF_UP);
		// Lower is better: the threshold is a ceiling on the projection (quota / threshold), the shortfall its excess.
		BigDecimal shortfall = metric.higherIsBetter() ? atThreshold.subtract(projection)
				: projection.subtract(quota.multiply(Amounts.HUNDRED).divide(threshold, WORKING_SCALE,
						RoundingMode.HALF_UP));
		return new Pace.Risk(projected, figure(threshold), figure(threshold.subtract(projected)), figure(shortfall));
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return part.multiply(Amounts.HUNDRED).divide(whole, 2, Amounts.ROUNDING);
	}

	private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		return part.divide(whole, INDEX_SCALE, Amounts.ROUNDING);
	}

	/** Every figure of a pace has two decimals, counts too: a projection of 12.4 visits says more than 12. */
	private static BigDecimal figure(BigDecimal value) {
		return Amounts.money(value);
	}

}
