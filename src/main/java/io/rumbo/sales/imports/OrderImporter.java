package io.rumbo.sales.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrdersImported;
import io.rumbo.sales.domain.CreditRule;
import io.rumbo.sales.domain.OrderStore;
import io.rumbo.sales.domain.SalesOrder;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.web.ListQuery;

/**
 * Orders, one row per line, grouped by the external order number ({@link OrderFile}). Checked by the same rules as
 * orders entered on screen (the line check and pricing of {@code OrderLines}, the {@link CreditRule}, the transitions
 * of {@link SalesOrder}: a cancelled order does not change) and written by the same {@link OrderStore}, set-based, so
 * that files of 100,000 lines load in seconds; an order whose lines, credits and header match the file is left as it
 * is, one that differs is replaced. One {@link OrdersImported} announces the whole import.
 */
@Component
class OrderImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("order"),
			ImportColumn.required("order_date"), ImportColumn.required("customer"), ImportColumn.required("sku"),
			ImportColumn.required("quantity"), ImportColumn.optional("unit_price"),
			ImportColumn.optional("discount_percent"), ImportColumn.optional("credits"), ImportColumn.optional("notes"));

	private final CustomerManagement customers;
	private final CatalogManagement catalog;
	private final ProductCatalog products;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final CreditRule creditRule;
	private final OrderStore store;
	private final ApplicationEventPublisher events;

	OrderImporter(CustomerManagement customers, CatalogManagement catalog, ProductCatalog products, OrgDirectory org,
			DataScopes scopes, CreditRule creditRule, OrderStore store, ApplicationEventPublisher events) {
		this.customers = customers;
		this.catalog = catalog;
		this.products = products;
		this.org = org;
		this.scopes = scopes;
		this.creditRule = creditRule;
		this.store = store;
		this.events = events;
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
		OrderFile.Lookups lookups = lookups(actor);
		Map<String, OrderFile.FileOrder> file = OrderFile.read(rows, lookups);
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		Set<Long> visible = new HashSet<>();
		lookups.accounts().values().forEach(c -> visible.add(c.id()));
		List<Long> everybody = lookups.staff().values().stream().map(OrgDirectory.StaffSummary::id).toList();
		Map<LocalDate, Map<Long, Long>> unitsByDate = new HashMap<>();
		Map<String, SalesOrder> stored = store.byExternalNumber(file.keySet());

		List<SalesOrder> created = new ArrayList<>();
		List<SalesOrder> changed = new ArrayList<>();
		List<OrderFacts> touched = new ArrayList<>();
		long unchanged = 0;
		for (OrderFile.FileOrder order : file.values()) {
			List<CreditRule.Share> shares = OrderFile.shares(order, lookups);
			if (shares == null) {
				continue;
			}
			CreditRule.Split split = creditRule.check(actor, scope, shares, order.customer.ownerStaffId(),
					unitsByDate.computeIfAbsent(order.date, d -> org.unitsOn(everybody, d)));
			split.problems().forEach(p -> order.first.error("credits", p.key()));
			SalesOrder.Content content = new SalesOrder.Content(order.customer.id(), order.date, order.external,
					order.notes, order.lines, split.credits());
			SalesOrder current = stored.get(order.external);
			if (current == null) {
				created.add(SalesOrder.book(content));
			}
			else if (!companyWide && !visible.contains(current.content().customerId())) {
				order.first.error("order", "imports.error.outOfScope");
			}
			else if (current.says(content)) {
				unchanged++;
			}
			else {
				touched.add(current.facts());
				try {
					current.change(content);
					changed.add(current);
				}
				catch (ConflictException ex) {
					order.first.error("order", ex.messageKey(), ex.arguments());
				}
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		store.insert(created, lines -> rows.progress("imports.phase.writing", lines - lines % 1000));
		long createdLines = created.stream().mapToLong(o -> o.content().lines().size()).sum();
		store.update(changed, lines -> rows.progress("imports.phase.writing", createdLines + lines - lines % 1000));
		rows.progress("imports.phase.writing", rows.size());
		created.forEach(o -> touched.add(o.facts()));
		changed.forEach(o -> touched.add(o.facts()));
		announce(created.size(), changed.size(), touched);
		return new ImportCounts(created.size(), changed.size(), unchanged);
	}

	private OrderFile.Lookups lookups(CurrentUser actor) {
		Map<String, CustomerView> accounts = customers.byExternalId(actor, false);
		Map<String, ProductView> bySku = new HashMap<>();
		catalog.eachProduct(new ProductFilter(null, null, null),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged(),
				p -> bySku.put(p.sku().toUpperCase(Locale.ROOT), p));
		return new OrderFile.Lookups(accounts, bySku,
				products.costHistories(bySku.values().stream().map(ProductView::id).toList()), org.staffByNumber());
	}

	/** One event for the import; {@code touched} holds the created and changed orders, the changed ones as before. */
	private void announce(long created, long updated, List<OrderFacts> touched) {
		if (touched.isEmpty()) {
			return;
		}
		LocalDate from = LocalDate.MAX;
		LocalDate to = LocalDate.MIN;
		Set<StaffId> credited = new HashSet<>();
		for (OrderFacts facts : touched) {
			from = facts.orderDate().isBefore(from) ? facts.orderDate() : from;
			to = facts.orderDate().isAfter(to) ? facts.orderDate() : to;
			facts.credits().forEach(c -> credited.add(c.staffId()));
		}
		events.publishEvent(new OrdersImported(created, updated, from, to, credited));
	}
}
