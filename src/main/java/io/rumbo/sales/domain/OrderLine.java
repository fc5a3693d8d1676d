package io.rumbo.sales.domain;

import io.rumbo.sales.OrderLines;

/** One priced line of an order; the amounts are derived by {@link OrderLines#price} when the line is made. */
public record OrderLine(int lineNo, long productId, OrderLines.Priced priced) {

	/** Same product, quantity, price and discount (the cost and amounts follow from them and the date). */
	boolean sameAs(OrderLine other) {
		return productId == other.productId && priced.quantity().compareTo(other.priced.quantity()) == 0
				&& priced.unitPrice().compareTo(other.priced.unitPrice()) == 0
				&& priced.discountPercent().compareTo(other.priced.discountPercent()) == 0;
	}
}
