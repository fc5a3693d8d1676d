package io.rumbo.incentives.domain;

import java.math.BigDecimal;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.shared.money.Amounts;

/**
 * The adjustment a later run makes when a sale already paid on is returned or cancelled: minus all of the commission
 * paid on it, or minus the plan's percentage of it (50 % of 10,000 paid is -5,000).
 */
public final class Clawbacks {

	private Clawbacks() {
	}

	public static BigDecimal adjustment(ClawbackPolicy policy, BigDecimal percent, BigDecimal commissionPaid) {
		BigDecimal taken = switch (policy) {
			case FULL -> commissionPaid;
			case PRORATED -> RateTable.percentOf(percent, commissionPaid);
		};
		return Amounts.money(taken.negate());
	}
}
