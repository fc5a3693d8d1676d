package io.rumbo.sales.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerView;
import io.rumbo.imports.ImportRow;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.domain.CreditRule;
import io.rumbo.sales.domain.OrderStaging;
import io.rumbo.shared.money.Amounts;

/**
 * The rows of an order file, one row per line, read and checked row by row: each line passes the one line check
 * ({@link OrderLines#check}) and is priced by {@link OrderLines#price} with the cost the file states (a historic cost,
 * column {@code unit_cost}) or else the standard cost in force on the order date; the credits column
 * ("E-0001:60;E-0002:40") names people by employee number. What is wrong is reported on its row; what spans rows (an
 * order's header, withdrawn products on new orders) is checked on the staging tables.
 */
final class OrderFile {

	/** The catalogs one chunk of the file is read against. */
	record Lookups(Map<String, CustomerView> accounts, Map<String, ProductView> bySku, Map<Long, CostHistory> costs) {

		@Nullable ProductView product(String sku) {
			return bySku.get(sku.toUpperCase(Locale.ROOT));
		}
	}

	/** Where the line check's fields are in the file. */
	private static final Map<String, String> COLUMN_OF_FIELD = Map.of("quantity", "quantity", "unitPrice",
			"unit_price", "discountPercent", "discount_percent");

	private OrderFile() {
	}

	static OrderStaging.Line read(ImportRow row, Lookups lookups) {
		String external = row.text("order", 64, true);
		LocalDate date = row.date("order_date", true);
		String customerId = row.text("customer", 64, true);
		String sku = row.text("sku", 40, true);
		BigDecimal quantity = row.decimal("quantity", true);
		BigDecimal price = row.decimal("unit_price", false);
		BigDecimal discount = row.decimal("discount_percent", false);
		BigDecimal givenCost = row.decimal("unit_cost", false);
		String credits = row.text("credits", 500, false);
		String notes = row.text("notes", 1000, false);
		CustomerView customer = customerId == null ? null : lookups.accounts().get(customerId);
		if (customerId != null && customer == null) {
			row.error("customer", "imports.error.customer.unknown", customerId);
		}
		ProductView product = sku == null ? null : lookups.product(sku);
		if (sku != null && product == null) {
			row.error("sku", "sales.import.product.unknown", sku);
		}
		BigDecimal unitPrice = price != null ? price : product != null ? product.listPrice() : BigDecimal.ZERO;
		BigDecimal percent = discount == null ? BigDecimal.ZERO : discount;
		List<OrderLines.Problem> problems = quantity == null ? List.of()
				: OrderLines.check(quantity, unitPrice, percent);
		problems.forEach(p -> row.error(COLUMN_OF_FIELD.get(p.field()), p.key()));
		// 0.05 is almost certainly 5 % written as a fraction; read as 0.05 % it would silently drop the discount.
		boolean fraction = discount != null && discount.signum() > 0 && discount.compareTo(BigDecimal.ONE) < 0;
		if (fraction) {
			row.error("discount_percent", "sales.import.discount.fraction", row.raw("discount_percent"),
					discount.movePointRight(2).stripTrailingZeros().toPlainString());
		}
		boolean costOk = givenCost == null || givenCost.signum() >= 0 && Amounts.fitsPrice(givenCost);
		if (!costOk) {
			row.error("unit_cost", "sales.import.cost.invalid", row.raw("unit_cost"));
		}
		OrderLines.Priced priced = null;
		if (product != null && quantity != null && date != null && problems.isEmpty() && !fraction && costOk) {
			BigDecimal cost = givenCost;
			if (cost == null) {
				CostHistory history = lookups.costs().get(product.id());
				cost = history == null ? null : history.costOn(date).orElse(null);
			}
			priced = OrderLines.price(quantity, unitPrice, percent, cost);
		}
		return new OrderStaging.Line(row.number(), external, date, customer == null ? null : customer.id(),
				customer == null ? null : customer.ownerStaffId(), credits, notes,
				sku == null ? null : sku.toUpperCase(Locale.ROOT), product == null ? null : product.id(),
				product == null ? null : product.active(), priced, givenCost != null);
	}

	/** The employee numbers a credits cell names ("E-0001:60;E-0002:40"), blank parts left out. */
	static List<String> staffNumbers(@Nullable String credits) {
		if (credits == null) {
			return List.of();
		}
		List<String> numbers = new ArrayList<>();
		for (String part : credits.split("[;|]")) {
			String number = part.trim().split(":")[0].trim();
			if (!number.isEmpty()) {
				numbers.add(number);
			}
		}
		return numbers;
	}

	/**
	 * The shares the credits column asks for, by employee number ("E-0001:60;E-0002:40", a missing share is 100);
	 * empty when blank (the credit rule then credits the account owner), null after reporting a name or number it
	 * cannot read on the order's first row.
	 */
	static @Nullable List<CreditRule.Share> shares(OrderStaging.FileOrder order,
			Map<String, OrgDirectory.StaffSummary> staff, OrderStaging.Problems problems) {
		List<CreditRule.Share> shares = new ArrayList<>();
		if (order.credits() == null) {
			return shares;
		}
		for (String part : order.credits().split("[;|]")) {
			String[] pieces = part.trim().split(":");
			OrgDirectory.StaffSummary person = staff.get(pieces[0].trim());
			if (person == null || !person.active()) {
				problems.at(order.firstRow(), "credits", "imports.error.staff.unknown", pieces[0].trim());
				return null;
			}
			try {
				shares.add(new CreditRule.Share(person.id(),
						pieces.length > 1 ? new BigDecimal(pieces[1].trim().replace(',', '.')) : Amounts.HUNDRED));
			}
			catch (NumberFormatException ex) {
				problems.at(order.firstRow(), "credits", "imports.error.number", pieces[1].trim());
				return null;
			}
		}
		return shares;
	}
}
