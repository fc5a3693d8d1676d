package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.Optional;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.PayoutLineKind;
import io.rumbo.shared.money.Amounts;

/**
 * The rules of a payout run on top of the calculation (pure; docs/incentives.md, "Payout runs"): how a later run
 * corrects a period a locked run already paid, and how a statement is settled against the plan's draw.
 */
public final class PayoutRules {

	private PayoutRules() {
	}

	/**
	 * A correction of a locked period: {@code paidBefore} what the locked runs recognised for it, {@code difference}
	 * the recalculated amount minus that (what the next corrections compare against), {@code amount} what this run
	 * pays: the whole difference when more was earned (an adjustment), the plan's clawback when less (a clawback).
	 */
	public record Correction(PayoutLineKind kind, BigDecimal paidBefore, BigDecimal difference, BigDecimal amount) {
	}

	/**
	 * The correction of one component of one locked period, or none when the recalculation finds what was paid (to
	 * the cent). The 50 % clawback of the issue: paid 10,000, now 0, difference -10,000, amount -5,000.
	 */
	public static Optional<Correction> correction(ClawbackPolicy policy, BigDecimal clawbackPercent,
			BigDecimal paidBefore, BigDecimal recalculated) {
		BigDecimal paid = Amounts.money(paidBefore);
		BigDecimal difference = Amounts.money(recalculated).subtract(paid);
		if (difference.signum() == 0) {
			return Optional.empty();
		}
		if (difference.signum() > 0) {
			return Optional.of(new Correction(PayoutLineKind.ADJUSTMENT, paid, difference, difference));
		}
		return Optional.of(new Correction(PayoutLineKind.CLAWBACK, paid, difference,
				Clawbacks.adjustment(policy, clawbackPercent, difference.negate())));
	}

	/**
	 * A statement settled: what was earned (lines, adjustments and clawbacks, after the plan cap), what the draw
	 * changed (positive: an advance; negative: a recovery of what was owed), what is payable and what is owed after.
	 */
	public record Settlement(BigDecimal earned, BigDecimal draw, BigDecimal payable, BigDecimal owedBefore,
			BigDecimal owedAfter) {
	}

	/**
	 * Settles a statement against the draw of the run's months ({@code drawPerMonth} times {@code months}) and what
	 * the person owed after the last locked run ({@link Draws}: recoverable, the shortfall is owed and recovered
	 * later; non-recoverable, a guarantee). Whatever the draw, nothing negative is paid: what a clawback takes
	 * beyond the earnings is owed and recovered from the next runs.
	 */
	public static Settlement settle(DrawKind kind, BigDecimal drawPerMonth, int months, BigDecimal earned,
			BigDecimal owedBefore) {
		BigDecimal draw = kind == DrawKind.NONE ? BigDecimal.ZERO : drawPerMonth.multiply(BigDecimal.valueOf(months));
		BigDecimal owed = Amounts.money(owedBefore);
		BigDecimal payable;
		BigDecimal owedAfter;
		if (kind == DrawKind.RECOVERABLE) {
			Draws.Month month = Draws.month(kind, draw, earned, owed);
			payable = month.paid();
			owedAfter = month.owedAfter();
		}
		else {
			BigDecimal net = earned.subtract(owed);
			Draws.Month month = Draws.month(kind, draw, net.max(BigDecimal.ZERO), BigDecimal.ZERO);
			payable = month.paid();
			owedAfter = Amounts.money(net.signum() < 0 ? net.negate() : BigDecimal.ZERO);
		}
		BigDecimal money = Amounts.money(earned);
		return new Settlement(money, payable.subtract(money), payable, owed, owedAfter);
	}
}
