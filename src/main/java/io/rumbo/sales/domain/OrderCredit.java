package io.rumbo.sales.domain;

import java.math.BigDecimal;

import io.rumbo.shared.money.Amounts;

/** A salesperson credited with a share of an order, with the unit they were in on the order date. */
public record OrderCredit(long staffId, long unitId, BigDecimal sharePercent) {

	public OrderCredit {
		sharePercent = sharePercent.setScale(4, Amounts.ROUNDING);
	}
}
