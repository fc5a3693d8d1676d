package io.rumbo.sales.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerView;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.domain.CreditRule;
import io.rumbo.sales.domain.OrderLine;
import io.rumbo.shared.money.Amounts;

/**
 * The orders of an import file, one row per line grouped by the external order number, read and checked row by row:
 * each line passes the one line check ({@link OrderLines#check}) and is priced by {@link OrderLines#price}; the
 * credits column ("E-0001:60;E-0002:40") names people by employee number. What is wrong is reported on its row.
 */
final class OrderFile {

	/** The catalogs a file is read against, each read once per import. */
	record Lookups(Map<String, CustomerView> accounts, Map<String, ProductView> bySku, Map<Long, CostHistory> costs,
			Map<String, OrgDirectory.StaffSummary> staff) {

		@Nullable ProductView product(String sku) {
			return bySku.get(sku.toUpperCase(Locale.ROOT));
		}
	}

	/** An order as the file describes it; {@code first} is the row of its first line. */
	static final class FileOrder {

		final String external;
		final ImportRow first;
		final LocalDate date;
		final CustomerView customer;
		final @Nullable String credits;
		final @Nullable String notes;
		final List<OrderLine> lines = new ArrayList<>();

		FileOrder(String external, ImportRow first, LocalDate date, CustomerView customer, @Nullable String credits,
				@Nullable String notes) {
			this.external = external;
			this.first = first;
			this.date = date;
			this.customer = customer;
			this.credits = credits;
			this.notes = notes;
		}
	}

	/** Where the line check's fields are in the file. */
	private static final Map<String, String> COLUMN_OF_FIELD = Map.of("quantity", "quantity", "unitPrice",
			"unit_price", "discountPercent", "discount_percent");

	private OrderFile() {
	}

	static Map<String, FileOrder> read(ImportRows rows, Lookups lookups) {
		Map<String, FileOrder> orders = new LinkedHashMap<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String external = row.text("order", 64, true);
			LocalDate date = row.date("order_date", true);
			String customerId = row.text("customer", 64, true);
			String sku = row.text("sku", 40, true);
			BigDecimal quantity = row.decimal("quantity", true);
			BigDecimal price = row.decimal("unit_price", false);
			BigDecimal discount = row.decimal("discount_percent", false);
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
			if (external == null || date == null || customer == null) {
				continue;
			}
			FileOrder order = orders.get(external);
			if (order == null) {
				order = new FileOrder(external, row, date, customer, credits, notes);
				orders.put(external, order);
			}
			else {
				// Every line of an order repeats its header; a line that contradicts the first is an error.
				if (!order.date.equals(date)) {
					row.error("order_date", "sales.import.header.differs", order.first.number());
				}
				if (order.customer.id() != customer.id()) {
					row.error("customer", "sales.import.header.differs", order.first.number());
				}
				if (!Objects.equals(order.credits, credits)) {
					row.error("credits", "sales.import.header.differs", order.first.number());
				}
			}
			if (product != null && quantity != null && problems.isEmpty()) {
				CostHistory history = lookups.costs().get(product.id());
				order.lines.add(new OrderLine(order.lines.size() + 1, product.id(), OrderLines.price(quantity,
						unitPrice, percent, history == null ? null : history.costOn(date).orElse(null))));
			}
		}
		return orders;
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
	 * cannot read.
	 */
	static @Nullable List<CreditRule.Share> shares(FileOrder order, Lookups lookups) {
		List<CreditRule.Share> shares = new ArrayList<>();
		if (order.credits == null) {
			return shares;
		}
		for (String part : order.credits.split("[;|]")) {
			String[] pieces = part.trim().split(":");
			OrgDirectory.StaffSummary person = lookups.staff().get(pieces[0].trim());
			if (person == null || !person.active()) {
				order.first.error("credits", "imports.error.staff.unknown", pieces[0].trim());
				return null;
			}
			try {
				shares.add(new CreditRule.Share(person.id(),
						pieces.length > 1 ? new BigDecimal(pieces[1].trim().replace(',', '.')) : Amounts.HUNDRED));
			}
			catch (NumberFormatException ex) {
				order.first.error("credits", "imports.error.number", pieces[1].trim());
				return null;
			}
		}
		return shares;
	}
}
