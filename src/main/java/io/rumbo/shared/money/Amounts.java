package io.rumbo.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where money is rounded. Unit prices and costs keep 4 decimals (as stored, NUMERIC(19,4)); amounts
 * that people add up (line totals, order totals, margins) are rounded to cents, half up, as invoices are.
 * Percentages (discounts, split shares) are stored as percentages with 4 decimals.
 */
public final class Amounts {

	public static final int PRICE_SCALE = 4;
	public static final int MONEY_SCALE = 2;
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
	public static final BigDecimal HUNDRED = new BigDecimal("100");

	private Amounts() {
	}

	/** A unit price or cost as stored. */
	public static BigDecimal price(BigDecimal value) {
		return value.setScale(PRICE_SCALE, ROUNDING);
	}

	/** An amount in cents. */
	public static BigDecimal money(BigDecimal value) {
		return value.setScale(MONEY_SCALE, ROUNDING);
	}

	/** True when the value has no more decimals than a stored price allows. */
	public static boolean fitsPrice(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= PRICE_SCALE && value.abs().compareTo(new BigDecimal("1e15")) < 0;
	}
}
