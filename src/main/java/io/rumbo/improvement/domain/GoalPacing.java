package io.rumbo.improvement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.GoalPace;
import io.rumbo.improvement.GoalStatus;
import io.rumbo.improvement.Grain;
import io.rumbo.metrics.Aggregation;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The pace rules of decision 0015, in one pure class. A measured goal reads the metrics engine over whole months (the
 * engine keeps figures by month): from the first day of the month the plan starts in to the last day of the month of
 * the goal's deadline. A count (a sum or a distinct count) accumulates: its goal is the target per week or month times
 * the weeks or months of that period, and the pace expects the share of it that the days gone by are of the period's
 * days. A ratio, average or score is a level: it is on track while it holds. A goal checked by hand expects progress
 * in step with the days from the plan's start to the deadline.
 */
public final class GoalPacing {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private static final BigDecimal WEEK_DAYS = new BigDecimal("7");

	private GoalPacing() {
	}

	/** The months a measured goal reads: from the plan's start month to its deadline's month, both whole. */
	public static FiscalPeriod measured(LocalDate start, LocalDate dueOn) {
		return new FiscalPeriod(start.withDayOfMonth(1), dueOn.withDayOfMonth(1).plusMonths(1));
	}

	/** Whether a measure adds up over time (visits, revenue, new customers) rather than being a level (margin %). */
	public static boolean accumulates(Metric metric) {
		return metric.aggregation() == Aggregation.SUM || metric.aggregation() == Aggregation.DISTINCT_COUNT;
	}

	/** What the whole goal asks of a counted measure: the target per grain times the grains in the period. */
	public static BigDecimal goal(BigDecimal target, Grain grain, FiscalPeriod period) {
		return switch (grain) {
			case WEEK -> target.multiply(BigDecimal.valueOf(period.days())).divide(WEEK_DAYS, 2, RoundingMode.HALF_UP);
			case MONTH -> target.multiply(BigDecimal.valueOf(ChronoUnit.MONTHS.between(period.start(), period.end())))
				.setScale(2, RoundingMode.HALF_UP);
			case WHOLE -> target.setScale(2, RoundingMode.HALF_UP);
		};
	}

	/**
	 * A measured goal on {@code today}, with {@code figure} the engine's figure over {@link #measured} (null: a ratio
	 * with nothing to divide by; a count without records is 0).
	 */
	public static GoalPace measured(Metric metric, Comparison comparison, BigDecimal target, Grain grain,
			LocalDate start, LocalDate dueOn, @Nullable BigDecimal figure, LocalDate today) {
		FiscalPeriod period = measured(start, dueOn);
		boolean over = today.isAfter(dueOn);
		BigDecimal share = share(period.daysElapsed(today), period.days());
		boolean atLeast = comparison == Comparison.AT_LEAST;
		if (!accumulates(metric)) {
			BigDecimal level = target.setScale(2, RoundingMode.HALF_UP);
			if (figure == null) {
				return new GoalPace(null, level, level, null, HUNDRED, over ? GoalStatus.MISSED : GoalStatus.NO_DATA);
			}
			boolean holds = atLeast ? figure.compareTo(target) >= 0 : figure.compareTo(target) <= 0;
			GoalStatus status = over ? (holds ? GoalStatus.MET : GoalStatus.MISSED)
					: (holds ? GoalStatus.ON_TRACK : GoalStatus.BEHIND);
			return new GoalPace(figure, level, level, percent(atLeast ? figure : target, atLeast ? target : figure),
					HUNDRED, status);
		}
		BigDecimal actual = figure == null ? BigDecimal.ZERO : figure;
		BigDecimal goal = goal(target, grain, period);
		BigDecimal expected = goal.multiply(share).divide(HUNDRED, 2, RoundingMode.HALF_UP);
		GoalStatus status;
		if (atLeast) {
			status = actual.compareTo(goal) >= 0 ? GoalStatus.MET
					: over ? GoalStatus.MISSED : actual.compareTo(expected) < 0 ? GoalStatus.BEHIND : GoalStatus.ON_TRACK;
		}
		else {
			status = actual.compareTo(goal) > 0 ? GoalStatus.MISSED
					: over ? GoalStatus.MET : actual.compareTo(expected) > 0 ? GoalStatus.BEHIND : GoalStatus.ON_TRACK;
		}
		return new GoalPace(actual, goal, expected, percent(actual, goal), share, status);
	}

	/** A goal checked by hand, {@code progress} % done as last recorded, from the plan's start to its deadline. */
	public static GoalPace manual(LocalDate start, LocalDate dueOn, BigDecimal progress, LocalDate today) {
		long days = ChronoUnit.DAYS.between(start, dueOn) + 1;
		long elapsed = today.isBefore(start) ? 0 : Math.min(days, ChronoUnit.DAYS.between(start, today) + 1);
		BigDecimal share = share(elapsed, days);
		BigDecimal done = progress.setScale(2, RoundingMode.HALF_UP);
		GoalStatus status = done.compareTo(HUNDRED) >= 0 ? GoalStatus.MET
				: today.isAfter(dueOn) ? GoalStatus.MISSED
						: done.compareTo(share) < 0 ? GoalStatus.BEHIND : GoalStatus.ON_TRACK;
		return new GoalPace(done, HUNDRED.setScale(2), share, done, share, status);
	}

	/** {@code part / whole} in %, 2 decimals; null when the whole is zero. */
	static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal share(long elapsed, long days) {
		return BigDecimal.valueOf(elapsed).multiply(HUNDRED).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
	}
}
