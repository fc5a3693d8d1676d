package io.rumbo.sales;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.money.Amounts;

/**
 * The arithmetic of an order, in one place. A line's net amount is quantity x unit price x (1 - discount %), its cost
 * quantity x the unit cost in force on the order date, its margin the difference; each is rounded to cents, half up,
 * and the order's totals are the sums of the rounded lines (so lines always add up to the total shown). A negative
 * quantity is a return: it yields negative amounts that reduce the period's results.
 */
public final class OrderLines {

	private OrderLines() {
	}

	public record Priced(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
			@Nullable BigDecimal unitCost, BigDecimal net, BigDecimal cost, BigDecimal margin) {
	}

	public record Totals(BigDecimal net, BigDecimal cost, BigDecimal margin, BigDecimal units) {
	}

	/** Without a cost in force the line's cost is zero and the whole net counts as margin; pages flag such lines. */
	public static Priced price(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
			@Nullable BigDecimal unitCost) {
		BigDecimal gross = quantity.multiply(unitPrice);
		BigDecimal net = Amounts.money(gross.multiply(Amounts.HUNDRED.subtract(discountPercent)).divide(Amounts.HUNDRED));
		BigDecimal cost = unitCost == null ? Amounts.money(BigDecimal.ZERO) : Amounts.money(quantity.multiply(unitCost));
		return new Priced(quantity, Amounts.price(unitPrice), discountPercent.setScale(4, Amounts.ROUNDING),
				unitCost == null ? null : Amounts.price(unitCost), net, cost, net.subtract(cost));
	}

	public static Totals totals(List<Priced> lines) {
		BigDecimal net = Amounts.money(BigDecimal.ZERO);
		BigDecimal cost = Amounts.money(BigDecimal.ZERO);
		BigDecimal units = BigDecimal.ZERO.setScale(Amounts.PRICE_SCALE);
		for (Priced line : lines) {
			net = net.add(line.net());
			cost = cost.add(line.cost());
			units = units.add(line.quantity());
		}
		return new Totals(net, cost, net.subtract(cost), units);
	}

	/** A line's value that breaks the line check: {@code field} is quantity, unitPrice or discountPercent. */
	public record Problem(String field, String key) {
	}

	/**
	 * The one line check, for order entry and the order import: a quantity is not zero (negative is a return), a
	 * price is zero or more, both within {@link Bounds} (so the line's amount fits its column), a discount is between
	 * 0 and 100 %.
	 */
	public static List<Problem> check(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
		List<Problem> problems = new java.util.ArrayList<>();
		if (!Bounds.isQuantity(quantity)) {
			problems.add(new Problem("quantity", "sales.order.quantity.invalid"));
		}
		if (!Bounds.isPrice(unitPrice)) {
			problems.add(new Problem("unitPrice", "sales.order.price.invalid"));
		}
		if (!Bounds.isDiscount(discountPercent)) {
			problems.add(new Problem("discountPercent", "sales.order.discount.invalid"));
		}
		return problems;
	}

	/** Credit shares must be positive and sum to exactly 100 %. */
	public static boolean sharesSumToHundred(List<BigDecimal> shares) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal share : shares) {
			if (share.signum() <= 0) {
				return false;
			}
			sum = sum.add(share);
		}
		return sum.compareTo(Amounts.HUNDRED) == 0;
	}

	/** A credited person's part of an amount, rounded to cents. */
	public static BigDecimal shareOf(BigDecimal amount, BigDecimal sharePercent) {
		return Amounts.money(amount.multiply(sharePercent).divide(Amounts.HUNDRED));
	}
}
