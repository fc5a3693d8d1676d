package io.rumbo.sales.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
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
import io.rumbo.organization.StaffId;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrdersImported;
import io.rumbo.sales.domain.CreditRule;
import io.rumbo.sales.domain.OrderStore;
import io.rumbo.sales.domain.SalesOrder;
import io.rumbo.shared.domain.ConflictException;

/**
 * Orders, one row per line, grouped by the external order number ({@link OrderFile}). Checked by the same rules as
 * orders entered on screen (the line check and pricing of {@code OrderLines}, the {@link CreditRule}, the transitions
 * of {@link SalesOrder}: a cancelled order does not change) and written by the same {@link OrderStore}, set-based, so
 * that files of 100,000 lines load in seconds; an order whose lines, credits and header match the file is left as it
 * is, one that differs is replaced. One {@link OrdersImported} announces the whole import.
 */
@Component
class OrderImporter implements Importer {

	/** Orders compared and written together. */
	private static final int CHUNK = 1000;

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("order"),
			ImportColumn.required("order_date"), ImportColumn.required("customer"), ImportColumn.required("sku"),
			ImportColumn.required("quantity"), ImportColumn.optional("unit_price"),
			ImportColumn.optional("discount_percent"), ImportColumn.optional("credits"), ImportColumn.optional("notes"));

	private final CustomerDirectory customers;
	private final ProductCatalog products;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final CreditRule creditRule;
	private final OrderStore store;
	private final ApplicationEventPublisher events;

	OrderImporter(CustomerDirectory customers, ProductCatalog products, OrgDirectory org, DataScopes scopes,
			CreditRule creditRule, OrderStore store, ApplicationEventPublisher events) {
		this.customers = customers;
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
		DataScope scope = scopes.of(actor);
		OrderFile.Lookups lookups = lookups(scope, rows);
		Map<String, OrderFile.FileOrder> file = OrderFile.read(rows, lookups);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		// The people whose unit on an order date the credit rule needs: those the file credits and the owners of
		// its accounts (credited when the credits column is blank).
		Set<Long> people = new HashSet<>();
		lookups.staff().values().forEach(s -> people.add(s.id()));
		lookups.accounts().values().forEach(c -> {
			if (c.ownerStaffId() != null) {
				people.add(c.ownerStaffId());
			}
		});
		Map<LocalDate, Map<Long, Long>> unitsByDate = new HashMap<>();

		// Compared and written a thousand orders at a time: only one chunk of stored orders is in memory, and each
		// chunk's lines are let go once written. Nothing more is written after the first error (the import service
		// rolls the whole file back then), but every order is still checked so that every error is reported.
		List<OrderFile.FileOrder> orders = new ArrayList<>(file.values());
		file.clear();
		Touched touched = new Touched();
		long unchanged = 0;
		long written = 0;
		for (int from = 0; from < orders.size(); from += CHUNK) {
			List<OrderFile.FileOrder> chunk = orders.subList(from, Math.min(orders.size(), from + CHUNK));
			Map<String, SalesOrder> stored = store.byExternalNumber(chunk.stream().map(o -> o.external).toList());
			Set<Long> visible = companyWide ? Set.of() : visibleCustomers(scope, lookups, stored.values());
			List<SalesOrder> created = new ArrayList<>();
			List<SalesOrder> changed = new ArrayList<>();
			for (OrderFile.FileOrder order : chunk) {
				List<CreditRule.Share> shares = OrderFile.shares(order, lookups);
				if (shares == null) {
					continue;
				}
				CreditRule.Split split = creditRule.check(actor, scope, shares, order.customer.ownerStaffId(),
						unitsByDate.computeIfAbsent(order.date, d -> org.unitsOn(people, d)));
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
					OrderFacts before = current.facts();
					try {
						current.change(content);
						changed.add(current);
						touched.add(before);
					}
					catch (ConflictException ex) {
						order.first.error("order", ex.messageKey(), ex.arguments());
					}
				}
			}
			if (!rows.hasErrors()) {
				long base = written;
				store.insert(created, lines -> rows.progress("imports.phase.writing", base + lines - lines % 1000));
				written += created.stream().mapToLong(o -> o.content().lines().size()).sum();
				long afterCreated = written;
				store.update(changed, lines -> rows.progress("imports.phase.writing", afterCreated + lines - lines % 1000));
				written += changed.stream().mapToLong(o -> o.content().lines().size()).sum();
				created.forEach(o -> touched.created(o.facts()));
				changed.forEach(o -> touched.changed(o.facts()));
			}
			for (int i = from; i < Math.min(orders.size(), from + CHUNK); i++) {
				orders.set(i, null);
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		rows.progress("imports.phase.writing", rows.size());
		touched.announce(events);
		return new ImportCounts(touched.created, touched.updated, unchanged);
	}

	/**
	 * Reads only the accounts, products and people the file names (a thousand keys per query), so that resolving a
	 * file costs the same whether the company has a thousand customers or millions.
	 */
	private OrderFile.Lookups lookups(DataScope scope, ImportRows rows) {
		Set<String> accountIds = new HashSet<>();
		Set<String> skus = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		for (ImportRow row : rows.rows()) {
			addIfPresent(accountIds, row.raw("customer"));
			addIfPresent(skus, row.raw("sku"));
			numbers.addAll(OrderFile.staffNumbers(row.raw("credits")));
		}
		Map<String, CustomerView> accounts = customers.byExternalIds(scope, accountIds, false);
		Map<String, ProductView> bySku = products.bySkus(skus);
		return new OrderFile.Lookups(accounts, bySku,
				products.costHistories(bySku.values().stream().map(ProductView::id).toList()),
				org.staffByNumbers(numbers));
	}

	private static void addIfPresent(Set<String> keys, @Nullable String key) {
		if (key != null) {
			keys.add(key);
		}
	}

	/**
	 * The accounts the user sees among those of the file and those the stored orders it matches belong to (an
	 * order may move to another account), so that an order outside the user's scope is reported, not replaced.
	 */
	private Set<Long> visibleCustomers(DataScope scope, OrderFile.Lookups lookups, Collection<SalesOrder> stored) {
		Set<Long> visible = new HashSet<>();
		lookups.accounts().values().forEach(c -> visible.add(c.id()));
		Set<CustomerId> others = new HashSet<>();
		for (SalesOrder order : stored) {
			if (!visible.contains(order.content().customerId())) {
				others.add(CustomerId.of(order.content().customerId()));
			}
		}
		if (!others.isEmpty()) {
			customers.visible(scope, others).forEach(id -> visible.add(id.value()));
		}
		return visible;
	}

	/**
	 * What one {@link OrdersImported} says of the whole import, gathered chunk by chunk: the dates and people of the
	 * orders created and changed (the changed ones before and after the change).
	 */
	private static final class Touched {

		long created;
		long updated;
		LocalDate from = LocalDate.MAX;
		LocalDate to = LocalDate.MIN;
		final Set<StaffId> credited = new HashSet<>();

		void created(OrderFacts facts) {
			created++;
			add(facts);
		}

		void changed(OrderFacts facts) {
			updated++;
			add(facts);
		}

		void add(OrderFacts facts) {
			from = facts.orderDate().isBefore(from) ? facts.orderDate() : from;
			to = facts.orderDate().isAfter(to) ? facts.orderDate() : to;
			facts.credits().forEach(c -> credited.add(c.staffId()));
		}

		void announce(ApplicationEventPublisher events) {
			if (created + updated > 0) {
				events.publishEvent(new OrdersImported(created, updated, from, to, credited));
			}
		}
	}
}
