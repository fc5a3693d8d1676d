package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import io.rumbo.sales.ForecastCategory;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.shared.money.Amounts;

/**
 * The forecast's rules, pure (decision 0025). The categories add up cumulatively, as in the common CRMs: commit =
 * closed + commit; most likely = commit + most likely; best case = most likely + best case. The open pipeline
 * (category PIPELINE) stays outside the call but is shown, and so is the open amount weighted by each deal's stage
 * probability. An open deal still marked CLOSED counts as commit (its owner said it is as good as won); OMITTED counts
 * nowhere. A won deal counts as closed whatever its category; a lost one counts nowhere.
 */
public final class ForecastArithmetic {

	private ForecastArithmetic() {
	}

	/** One deal as the forecast sees it. */
	public record Deal(BigDecimal amount, int probability, ForecastCategory category, String outcome) {
	}

	/** The figures of a set of deals of a period. */
	public static ForecastCalls.Figures figures(Collection<Deal> deals) {
		BigDecimal closed = BigDecimal.ZERO;
		BigDecimal commit = BigDecimal.ZERO;
		BigDecimal mostLikely = BigDecimal.ZERO;
		BigDecimal bestCase = BigDecimal.ZERO;
		BigDecimal pipeline = BigDecimal.ZERO;
		BigDecimal weighted = BigDecimal.ZERO;
		long open = 0;
		for (Deal deal : deals) {
			if ("WON".equals(deal.outcome())) {
				closed = closed.add(deal.amount());
				continue;
			}
			if (!"OPEN".equals(deal.outcome())) {
				continue;
			}
			open++;
			weighted = weighted.add(deal.amount().multiply(BigDecimal.valueOf(deal.probability())));
			switch (deal.category()) {
				case COMMIT, CLOSED -> commit = commit.add(deal.amount());
				case MOST_LIKELY -> mostLikely = mostLikely.add(deal.amount());
				case BEST_CASE -> bestCase = bestCase.add(deal.amount());
				case PIPELINE -> pipeline = pipeline.add(deal.amount());
				case OMITTED -> {
				}
			}
		}
		BigDecimal cumulativeCommit = closed.add(commit);
		BigDecimal cumulativeMostLikely = cumulativeCommit.add(mostLikely);
		BigDecimal cumulativeBestCase = cumulativeMostLikely.add(bestCase);
		return new ForecastCalls.Figures(Amounts.money(closed), Amounts.money(cumulativeCommit),
				Amounts.money(cumulativeMostLikely), Amounts.money(cumulativeBestCase), Amounts.money(pipeline),
				Amounts.money(weighted.divide(Amounts.HUNDRED)), open);
	}

	/**
	 * How close a call came, in percent: 100 less the error against the called most-likely figure, never below zero
	 * (a call of 0 is 100 when nothing was won, 0 otherwise). Higher is better, so the history reads as a measure.
	 */
	public static BigDecimal accuracy(BigDecimal calledMostLikely, BigDecimal actual) {
		if (calledMostLikely.signum() == 0) {
			return actual.signum() == 0 ? new BigDecimal("100.00") : new BigDecimal("0.00");
		}
		BigDecimal error = actual.subtract(calledMostLikely).abs().multiply(Amounts.HUNDRED)
			.divide(calledMostLikely, 2, Amounts.ROUNDING);
		BigDecimal score = Amounts.HUNDRED.subtract(error);
		return score.signum() < 0 ? new BigDecimal("0.00") : score.setScale(2, Amounts.ROUNDING);
	}

	/** A deal in a snapshot: what the movement view compares. */
	public record Frozen(BigDecimal amount, String outcome, LocalDate expectedClose) {
	}

	/**
	 * What happened to a deal between two snapshots; {@code null} when nothing the forecast cares about moved (or the
	 * deal was already closed in the earlier one, or is gone from the later one).
	 */
	public static ForecastCalls.@Nullable Movement movement(@Nullable Frozen before, @Nullable Frozen after) {
		if (after == null) {
			return null;
		}
		if (before == null) {
			return "OPEN".equals(after.outcome()) ? ForecastCalls.Movement.NEW : null;
		}
		if (!"OPEN".equals(before.outcome())) {
			return null;
		}
		if ("WON".equals(after.outcome())) {
			return ForecastCalls.Movement.WON;
		}
		if ("LOST".equals(after.outcome())) {
			return ForecastCalls.Movement.LOST;
		}
		if (after.expectedClose().isAfter(before.expectedClose())) {
			return ForecastCalls.Movement.PUSHED_OUT;
		}
		if (after.expectedClose().isBefore(before.expectedClose())) {
			return ForecastCalls.Movement.PULLED_IN;
		}
		if (after.amount().compareTo(before.amount()) != 0) {
			return ForecastCalls.Movement.AMOUNT_CHANGED;
		}
		return null;
	}
}
