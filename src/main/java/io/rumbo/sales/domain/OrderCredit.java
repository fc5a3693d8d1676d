package io.rumbo.sales.domain;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/** A salesperson credited with a share of an order, with the unit they were in on the order date. */
@Embeddable
public class OrderCredit {

	private long staffId;

	private long unitId;

	private BigDecimal sharePercent;

	protected OrderCredit() {
		this.sharePercent = BigDecimal.ZERO;
	}

	public OrderCredit(long staffId, long unitId, BigDecimal sharePercent) {
		this.staffId = staffId;
		this.unitId = unitId;
		this.sharePercent = sharePercent.setScale(4, io.rumbo.shared.money.Amounts.ROUNDING);
	}

	public long staffId() {
		return staffId;
	}
}
