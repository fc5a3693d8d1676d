package io.rumbo.sales.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.OrderManagement;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;

/**
 * Orders, one row per line, grouped by the external order number. Priced by the same {@link OrderLines} rules as
 * orders entered on screen (list price when unit_price is blank, standard cost in force on the order date), and
 * credited by {@code credits} ("E-0001:60;E-0002:40", or blank for the account owner). Written set-based (batched
 * inserts, a few statements per thousand orders) so that files of 100,000 lines load in seconds; an order whose lines,
 * credits and header match the file is left as it is, one that differs is replaced.
 */
@Component
class OrderImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("order"),
			ImportColumn.required("order_date"), ImportColumn.required("customer"), ImportColumn.required("sku"),
			ImportColumn.required("quantity"), ImportColumn.optional("unit_price"),
			ImportColumn.optional("discount_percent"), ImportColumn.optional("credits"), ImportColumn.optional("notes"));

	private record Line(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
	}

	private record Credit(long staffId, long unitId, BigDecimal share) {
	}

	/** An order as the file describes it; {@code first} is the row of its first line. */
	private static final class FileOrder {

		final String external;
		final ImportRow first;
		final LocalDate date;
		final long customerId;
		final @Nullable String credits;
		final @Nullable String notes;
		final List<Line> lines = new ArrayList<>();
		final List<OrderLines.Priced> priced = new ArrayList<>();
		List<Credit> resolvedCredits = List.of();

		FileOrder(String external, ImportRow first, LocalDate date, long customerId, @Nullable String credits,
				@Nullable String notes) {
			this.external = external;
			this.first = first;
			this.date = date;
			this.customerId = customerId;
			this.credits = credits;
			this.notes = notes;
		}
	}

	/** What is stored for an order with an external number, to compare with the file. */
	private record Stored(long id, LocalDate date, long customerId, @Nullable String notes, String status,
			List<Line> lines, List<Credit> credits) {
	}

	private final CustomerManagement customers;
	private final CatalogManagement catalog;
	private final ProductCatalog products;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	OrderImporter(CustomerManagement customers, CatalogManagement catalog, ProductCatalog products, OrgDirectory org,
			DataScopes scopes, JdbcClient jdbc, JdbcTemplate batch) {
		this.customers = customers;
		this.catalog = catalog;
		this.products = products;
		this.org = org;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public String kind() {
		return "orders";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return OrderManagement.mayBook(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Map<String, CustomerView> accounts = customers.byExternalId(actor, false);
		Map<String, ProductView> bySku = new HashMap<>();
		catalog.eachProduct(new ProductFilter(null, null, null),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged(),
				p -> bySku.put(p.sku().toUpperCase(Locale.ROOT), p));
		Map<Long, CostHistory> costs = products.costHistories(bySku.values().stream().map(ProductView::id).toList());
		Map<String, OrgDirectory.StaffSummary> staff = org.staffByNumber();
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);

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
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			ProductView product = sku == null ? null : bySku.get(sku.toUpperCase(Locale.ROOT));
			if (sku != null && product == null) {
				row.error("sku", "sales.import.product.unknown", sku);
			}
			if (quantity != null && quantity.signum() == 0) {
				row.error("quantity", "sales.order.quantity.invalid");
			}
			if (price != null && price.signum() < 0) {
				row.error("unit_price", "sales.order.price.invalid");
			}
			if (discount != null && (discount.signum() < 0 || discount.compareTo(Amounts.HUNDRED) > 0)) {
				row.error("discount_percent", "sales.order.discount.invalid");
			}
			if (external == null || date == null || customer == null) {
				continue;
			}
			FileOrder order = orders.get(external);
			if (order == null) {
				order = new FileOrder(external, row, date, customer.id(), credits, notes);
				orders.put(external, order);
			}
			else {
				// Every line of an order repeats its header; a line that contradicts the first is an error.
				if (!order.date.equals(date)) {
					row.error("order_date", "sales.import.header.differs", order.first.number());
				}
				if (order.customerId != customer.id()) {
					row.error("customer", "sales.import.header.differs", order.first.number());
				}
				if (!Objects.equals(order.credits, credits)) {
					row.error("credits", "sales.import.header.differs", order.first.number());
				}
			}
			if (product != null && quantity != null && quantity.signum() != 0) {
				BigDecimal unitPrice = price == null ? product.listPrice() : price;
				BigDecimal percent = discount == null ? BigDecimal.ZERO : discount;
				order.lines.add(new Line(product.id(), Amounts.price(quantity), Amounts.price(unitPrice),
						percent.setScale(4, Amounts.ROUNDING)));
				CostHistory history = costs.get(product.id());
				order.priced.add(OrderLines.price(quantity, unitPrice, percent,
						history == null ? null : history.costOn(date).orElse(null)));
			}
		}
		Map<LocalDate, Map<Long, Long>> unitsByDate = new HashMap<>();
		Map<Long, CustomerView> visible = new HashMap<>();
		accounts.values().forEach(c -> visible.put(c.id(), c));
		for (FileOrder order : orders.values()) {
			order.resolvedCredits = credits(order, visible, staff, scope, actor, unitsByDate);
		}
		Map<String, Stored> stored = stored(orders.keySet());
		for (FileOrder order : orders.values()) {
			Stored current = stored.get(order.external);
			if (current != null && !companyWide && !visible.containsKey(current.customerId())) {
				order.first.error("order", "imports.error.outOfScope");
			}
			if (current != null && "CANCELLED".equals(current.status()) && !same(order, current)) {
				order.first.error("order", "sales.order.cancelled");
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return write(orders, stored, rows);
	}

	/** Parses and checks the credits of an order; blank credits the account owner in full. */
	private List<Credit> credits(FileOrder order, Map<Long, CustomerView> accounts,
			Map<String, OrgDirectory.StaffSummary> staff, DataScope scope, CurrentUser actor,
			Map<LocalDate, Map<Long, Long>> unitsByDate) {
		ImportRow row = order.first;
		Map<Long, BigDecimal> shares = new LinkedHashMap<>();
		if (order.credits == null) {
			CustomerView customer = accounts.get(order.customerId);
			Long owner = customer == null ? null : customer.ownerStaffId();
			if (owner == null) {
				row.error("credits", "sales.order.credits.required");
				return List.of();
			}
			shares.put(owner, Amounts.HUNDRED);
		}
		else {
			for (String part : order.credits.split("[;|]")) {
				String[] pieces = part.trim().split(":");
				OrgDirectory.StaffSummary person = staff.get(pieces[0].trim());
				if (person == null || !person.active()) {
					row.error("credits", "imports.error.staff.unknown", pieces[0].trim());
					return List.of();
				}
				BigDecimal share;
				try {
					share = pieces.length > 1 ? new BigDecimal(pieces[1].trim().replace(',', '.')) : Amounts.HUNDRED;
				}
				catch (NumberFormatException ex) {
					row.error("credits", "imports.error.number", pieces[1].trim());
					return List.of();
				}
				if (shares.put(person.id(), share) != null) {
					row.error("credits", "sales.order.credits.duplicate");
					return List.of();
				}
			}
		}
		if (!OrderLines.sharesSumToHundred(new ArrayList<>(shares.values()))) {
			row.error("credits", "sales.order.credits.sum");
			return List.of();
		}
		Map<Long, Long> units = unitsByDate.computeIfAbsent(order.date,
				d -> org.unitsOn(staff.values().stream().map(OrgDirectory.StaffSummary::id).toList(), d));
		List<Credit> credits = new ArrayList<>();
		boolean ownIncluded = false;
		for (Map.Entry<Long, BigDecimal> share : shares.entrySet()) {
			Long unit = units.get(share.getKey());
			if (unit == null) {
				unit = org.staff(share.getKey()).map(OrgDirectory.StaffSummary::unitId).orElse(-1L);
			}
			ownIncluded |= share.getKey().equals(scope.ownStaffId());
			if (!OrderManagement.mayCredit(actor, scope, share.getKey(), unit)) {
				row.error("credits", "sales.order.credit.outOfScope");
			}
			credits.add(new Credit(share.getKey(), unit, share.getValue().setScale(4, Amounts.ROUNDING)));
		}
		if (OrderManagement.mustCreditSelf(actor) && !ownIncluded) {
			row.error("credits", "sales.order.credits.mustIncludeSelf");
		}
		return credits;
	}

	private Map<String, Stored> stored(Set<String> externals) {
		Map<String, Stored> found = new HashMap<>();
		List<String> all = new ArrayList<>(externals);
		for (int i = 0; i < all.size(); i += 1000) {
			List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
			Map<Long, String> byId = new HashMap<>();
			Map<Long, Object[]> headers = new HashMap<>();
			jdbc.sql("SELECT id, external_number, order_date, customer_id, notes, status FROM sales_order"
					+ " WHERE external_number IN (:numbers)").param("numbers", chunk).query(rs -> {
						byId.put(rs.getLong(1), rs.getString(2));
						headers.put(rs.getLong(1), new Object[] { rs.getObject(3, LocalDate.class), rs.getLong(4),
								rs.getString(5), rs.getString(6) });
					});
			if (byId.isEmpty()) {
				continue;
			}
			Map<Long, List<Line>> lines = new HashMap<>();
			jdbc.sql("SELECT order_id, product_id, quantity, unit_price, discount_percent FROM sales_order_line"
					+ " WHERE order_id IN (:ids) ORDER BY order_id, line_no").param("ids", byId.keySet()).query(rs -> {
						lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
							.add(new Line(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
					});
			Map<Long, List<Credit>> credits = new HashMap<>();
			jdbc.sql("SELECT order_id, staff_id, unit_id, share_percent FROM sales_order_credit WHERE order_id IN (:ids)"
					+ " ORDER BY order_id, staff_id").param("ids", byId.keySet()).query(rs -> {
						credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
							.add(new Credit(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)));
					});
			byId.forEach((id, external) -> {
				Object[] h = headers.get(id);
				found.put(external, new Stored(id, (LocalDate) h[0], (Long) h[1], (String) h[2], (String) h[3],
						lines.getOrDefault(id, List.of()), credits.getOrDefault(id, List.of())));
			});
		}
		return found;
	}

	private static boolean same(FileOrder order, Stored current) {
		if (!order.date.equals(current.date()) || order.customerId != current.customerId()
				|| !Objects.equals(order.notes, current.notes()) || order.lines.size() != current.lines().size()
				|| order.resolvedCredits.size() != current.credits().size()) {
			return false;
		}
		for (int i = 0; i < order.lines.size(); i++) {
			Line a = order.lines.get(i);
			Line b = current.lines().get(i);
			if (a.productId() != b.productId() || a.quantity().compareTo(b.quantity()) != 0
					|| a.unitPrice().compareTo(b.unitPrice()) != 0 || a.discount().compareTo(b.discount()) != 0) {
				return false;
			}
		}
		Map<Long, BigDecimal> shares = new HashMap<>();
		current.credits().forEach(c -> shares.put(c.staffId(), c.share()));
		for (Credit credit : order.resolvedCredits) {
			BigDecimal share = shares.get(credit.staffId());
			if (share == null || share.compareTo(credit.share()) != 0) {
				return false;
			}
		}
		return true;
	}

	private ImportCounts write(Map<String, FileOrder> orders, Map<String, Stored> stored, ImportRows rows) {
		List<FileOrder> created = new ArrayList<>();
		List<FileOrder> changed = new ArrayList<>();
		long unchanged = 0;
		for (FileOrder order : orders.values()) {
			Stored current = stored.get(order.external);
			if (current == null) {
				created.add(order);
			}
			else if (same(order, current)) {
				unchanged++;
			}
			else {
				changed.add(order);
			}
		}
		Map<String, Long> ids = new HashMap<>();
		List<Object[]> headers = new ArrayList<>();
		for (FileOrder order : created) {
			OrderLines.Totals totals = OrderLines.totals(order.priced);
			headers.add(new Object[] { order.external, order.customerId, order.date, order.notes, totals.net(),
					totals.cost(), totals.margin(), totals.units() });
		}
		batch.batchUpdate("""
				INSERT INTO sales_order (external_number, customer_id, order_date, status, notes, net_amount, cost_amount,
				  margin_amount, units, version) VALUES (?, ?, ?, 'BOOKED', ?, ?, ?, ?, ?, 0)""", headers);
		List<String> newNumbers = created.stream().map(o -> o.external).toList();
		for (int i = 0; i < newNumbers.size(); i += 1000) {
			jdbc.sql("SELECT external_number, id FROM sales_order WHERE external_number IN (:numbers)")
				.param("numbers", newNumbers.subList(i, Math.min(newNumbers.size(), i + 1000)))
				.query(rs -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		}
		List<Object[]> numbers = new ArrayList<>();
		for (FileOrder order : created) {
			long id = ids.get(order.external);
			numbers.add(new Object[] { String.format("PED-%d-%06d", order.date.getYear(), id), id });
		}
		batch.batchUpdate("UPDATE sales_order SET order_number = ? WHERE id = ?", numbers);
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> removals = new ArrayList<>();
		for (FileOrder order : changed) {
			long id = stored.get(order.external).id();
			ids.put(order.external, id);
			OrderLines.Totals totals = OrderLines.totals(order.priced);
			updates.add(new Object[] { order.customerId, order.date, order.notes, totals.net(), totals.cost(),
					totals.margin(), totals.units(), id });
			removals.add(new Object[] { id });
		}
		batch.batchUpdate("""
				UPDATE sales_order SET customer_id = ?, order_date = ?, notes = ?, net_amount = ?, cost_amount = ?,
				  margin_amount = ?, units = ?, version = version + 1 WHERE id = ?""", updates);
		batch.batchUpdate("DELETE FROM sales_order_line WHERE order_id = ?", removals);
		batch.batchUpdate("DELETE FROM sales_order_credit WHERE order_id = ?", removals);
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> credits = new ArrayList<>();
		long written = 0;
		List<FileOrder> toWrite = new ArrayList<>(created);
		toWrite.addAll(changed);
		for (FileOrder order : toWrite) {
			long id = ids.get(order.external);
			for (int i = 0; i < order.priced.size(); i++) {
				OrderLines.Priced p = order.priced.get(i);
				lines.add(new Object[] { id, i + 1, order.lines.get(i).productId(), p.quantity(), p.unitPrice(),
						p.discountPercent(), p.unitCost(), p.net(), p.cost(), p.margin() });
			}
			for (Credit credit : order.resolvedCredits) {
				credits.add(new Object[] { id, credit.staffId(), credit.unitId(), credit.share() });
			}
			written += order.lines.size();
			if (lines.size() >= 5000) {
				flush(lines, credits);
				rows.progress("imports.phase.writing", written - written % 1000);
			}
		}
		flush(lines, credits);
		rows.progress("imports.phase.writing", rows.size());
		return new ImportCounts(created.size(), changed.size(), unchanged);
	}

	private void flush(List<Object[]> lines, List<Object[]> credits) {
		batch.batchUpdate("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  unit_cost, net_amount, cost_amount, margin_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
		batch.batchUpdate("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent) VALUES (?, ?, ?, ?)",
				credits);
		lines.clear();
		credits.clear();
	}
}
