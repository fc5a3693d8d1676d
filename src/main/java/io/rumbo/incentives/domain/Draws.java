package io.rumbo.incentives.domain;

import java.math.BigDecimal;

import io.rumbo.incentives.DrawKind;
import io.rumbo.shared.money.Amounts;

/**
 * A month of a draw, as the payout runs will call it for each person with a draw (docs/incentives.md, worked example
 * 2,000 a month on earnings of 1,500 / 2,375 / 3,000: paid 2,000 / 2,000 / 2,875, owed 500 / 125 / 0).
 */
public final class Draws {

	private Draws() {
	}

	/** What is paid in the month and what is owed after it. */
	public record Month(BigDecimal earned, BigDecimal paid, BigDecimal owedAfter) {
	}

	/**
	 * Recoverable: the earnings first repay what is owed; if what remains falls short of the draw, the draw is paid
	 * and the shortfall is owed. Non-recoverable: the larger of the earnings and the draw, nothing owed.
	 */
	public static Month month(DrawKind kind, BigDecimal draw, BigDecimal earned, BigDecimal owedBefore) {
		BigDecimal zero = Amounts.money(BigDecimal.ZERO);
		return switch (kind) {
			case NONE -> new Month(Amounts.money(earned), Amounts.money(earned), zero);
			case NON_RECOVERABLE -> new Month(Amounts.money(earned), Amounts.money(earned.max(draw)), zero);
			case RECOVERABLE -> {
				BigDecimal net = earned.subtract(owedBefore);
				yield net.compareTo(draw) >= 0 ? new Month(Amounts.money(earned), Amounts.money(net), zero)
						: new Month(Amounts.money(earned), Amounts.money(draw), Amounts.money(draw.subtract(net)));
			}
		};
	}
}
