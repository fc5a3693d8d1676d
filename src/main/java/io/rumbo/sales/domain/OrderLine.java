package io.rumbo.sales.domain;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/** One priced line of an order; the amounts are derived by {@code OrderLines.price} when the line is set. */
@Embeddable
public class OrderLine {

	private int lineNo;

	private long productId;

	private BigDecimal quantity;

	private BigDecimal unitPrice;

	private BigDecimal discountPercent;

	private @Nullable BigDecimal unitCost;

	private BigDecimal netAmount;

	private BigDecimal costAmount;

	private BigDecimal marginAmount;

	protected OrderLine() {
		this.quantity = BigDecimal.ZERO;
		this.unitPrice = BigDecimal.ZERO;
		this.discountPercent = BigDecimal.ZERO;
		this.netAmount = BigDecimal.ZERO;
		this.costAmount = BigDecimal.ZERO;
		this.marginAmount = BigDecimal.ZERO;
	}

	public OrderLine(int lineNo, long productId, io.rumbo.sales.OrderLines.Priced priced) {
		this.lineNo = lineNo;
		this.productId = productId;
		this.quantity = priced.quantity();
		this.unitPrice = priced.unitPrice();
		this.discountPercent = priced.discountPercent();
		this.unitCost = priced.unitCost();
		this.netAmount = priced.net();
		this.costAmount = priced.cost();
		this.marginAmount = priced.margin();
	}

	public int lineNo() {
		return lineNo;
	}

	public long productId() {
		return productId;
	}
}
