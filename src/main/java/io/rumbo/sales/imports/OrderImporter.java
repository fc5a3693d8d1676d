package io.rumbo.sales.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import io.rumbo.sales.OrderId;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrdersImported;
import io.rumbo.sales.domain.CoverageCheck;
import io.rumbo.sales.domain.CreditRule;
import io.rumbo.sales.domain.OrderStaging;
import io.rumbo.sales.domain.OrderStore;
import io.rumbo.sales.domain.OwnerCredits;

/**
 * Orders, one row per line, grouped by the external order number. Checked by the same rules as orders entered on
 * screen (the line check and pricing of {@code OrderLines}, the {@link CreditRule}, a withdrawn product refused on a
 * new order, a cancelled order does not change) and written by {@link OrderStore}. The file streams through in
 * chunks into staging tables ({@link OrderStaging}), where what spans rows is checked and compared with the stored
 * orders set-based; memory follows a chunk, not the file. An order whose lines, credits and header match the file is
 * left as it is, one that differs is replaced. A dry run stops after the checks: it writes no order and takes no
 * order number. One {@link OrdersImported} announces the whole import.
 */
@Component
class OrderImporter implements Importer {

	private static final Logger log = LoggerFactory.getLogger(OrderImporter.class);

	/** Rows read and resolved together, and orders credited together. */
	private static final int CHUNK = 2000;

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("order"),
			ImportColumn.required("order_date"), ImportColumn.required("customer"), ImportColumn.required("sku"),
			ImportColumn.required("quantity"), ImportColumn.optional("unit_price"),
			ImportColumn.optional("discount_percent"), ImportColumn.optional("unit_cost"),
			ImportColumn.optional("credits"), ImportColumn.optional("notes"));

	private final CustomerDirectory customers;
	private final ProductCatalog products;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final CreditRule creditRule;
	private final OrderStaging staging;
	private final OwnerCredits ownerCredits;
	private final OrderStore store;
	private final ApplicationEventPublisher events;
	private final CoverageCheck coverage;

	OrderImporter(CustomerDirectory customers, ProductCatalog products, OrgDirectory org, DataScopes scopes,
			CreditRule creditRule, OrderStaging staging, OwnerCredits ownerCredits, OrderStore store,
			ApplicationEventPublisher events, CoverageCheck coverage) {
		this.coverage = coverage;
		this.customers = customers;
		this.products = products;
		this.org = org;
		this.scopes = scopes;
		this.creditRule = creditRule;
		this.staging = staging;
		this.ownerCredits = ownerCredits;
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

	/**
	 * Every row is checked and every order credited even after the first error, so that every error is reported;
	 * nothing is written then (the import service rolls the staging rows back with the rest).
	 */
	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		DataScope scope = scopes.of(actor);
		long importId = staging.open();
		OrderStaging.Problems problems = rows::error;
		long[] read = { 0 };
		long started = System.nanoTime();
		rows.chunks(CHUNK, chunk -> {
			OrderFile.Lookups lookups = lookups(scope, chunk);
			List<OrderStaging.Line> lines = new ArrayList<>(chunk.size());
			for (ImportRow row : chunk) {
				lines.add(OrderFile.read(row, lookups));
				rows.progress("imports.phase.checking", ++read[0]);
			}
			staging.addLines(importId, lines);
		});
		long staged = System.nanoTime();
		staging.gather(importId, problems);
		long gathered = System.nanoTime();
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		staging.eachOrder(importId, CHUNK, orders -> credit(actor, scope, companyWide, importId, orders, problems));
		ownerCredits.split(actor, scope, importId, problems);
		// A channel's seller sells only the product lines its terms cover (decision 0042): one statement.
		coverage.staged(importId).forEach(u -> problems.at(u.row(), "sku", CoverageCheck.key(), u.product(), u.sku(),
				u.line(), u.seller()));
		long creditedAt = System.nanoTime();
		OrderStaging.Outcomes outcomes = staging.compare(importId, problems);
		long compared = System.nanoTime();
		log.debug("Order import {}: read and staged in {} ms, gathered in {} ms, credited in {} ms, compared in {} ms",
				importId, (staged - started) / 1_000_000, (gathered - staged) / 1_000_000,
				(creditedAt - gathered) / 1_000_000, (compared - creditedAt) / 1_000_000);
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		if (!rows.dryRun()) {
			OrderStaging.Touched touched = staging.touched(importId);
			rows.progress("imports.phase.writing", 0);
			long writing = System.nanoTime();
			store.writeImport(importId, outcomes, lines -> rows.progress("imports.phase.writing", lines));
			long written = System.nanoTime();
			List<Long> writtenOrders = staging.writtenOrders(importId);
			staging.clear(importId);
			log.debug("Order import {}: written in {} ms, staging cleared in {} ms", importId, (written - writing) / 1_000_000,
					(System.nanoTime() - written) / 1_000_000);
			rows.progress("imports.phase.writing", rows.size());
			if (outcomes.created() + outcomes.changed() > 0) {
				Set<StaffId> credited = new LinkedHashSet<>();
				touched.credited().stream().sorted().forEach(id -> credited.add(StaffId.of(id)));
				// One event per NAMED orders: a listener reads the orders it names, the registry keeps a few events.
				for (int at = 0; at < writtenOrders.size(); at += OrdersImported.NAMED) {
					Set<OrderId> part = new LinkedHashSet<>();
					writtenOrders.subList(at, Math.min(writtenOrders.size(), at + OrdersImported.NAMED))
						.forEach(id -> part.add(OrderId.of(id)));
					events.publishEvent(new OrdersImported(outcomes.created(), outcomes.changed(), touched.from(),
							touched.to(), credited, part));
				}
			}
		}
		return new ImportCounts(outcomes.created(), outcomes.changed(), outcomes.unchanged());
	}

	/**
	 * Reads only the accounts and products one chunk names (a thousand keys per query), so that resolving a file
	 * costs the same whether the company has a thousand customers or millions, and holds them for that chunk only.
	 */
	private OrderFile.Lookups lookups(DataScope scope, List<ImportRow> chunk) {
		Set<String> accountIds = new HashSet<>();
		Set<String> skus = new HashSet<>();
		for (ImportRow row : chunk) {
			addIfPresent(accountIds, row.raw("customer"));
			addIfPresent(skus, row.raw("sku"));
		}
		Map<String, CustomerView> accounts = customers.byExternalIds(scope, accountIds, false);
		Map<String, ProductView> bySku = products.bySkus(skus);
		return new OrderFile.Lookups(accounts, bySku,
				products.costHistories(bySku.values().stream().map(ProductView::id).toList()));
	}

	private static void addIfPresent(Set<String> keys, @Nullable String key) {
		if (key != null) {
			keys.add(key);
		}
	}

	/**
	 * Splits the credits of a batch of orders that name them through the credit rule (people by employee number and
	 * their units on each order date read once per batch) and stages them; reports a stored order the file would move
	 * away from an account outside the user's scope.
	 */
	private void credit(CurrentUser actor, DataScope scope, boolean companyWide, long importId,
			List<OrderStaging.FileOrder> orders, OrderStaging.Problems problems) {
		Set<String> numbers = new HashSet<>();
		orders.forEach(o -> numbers.addAll(OrderFile.staffNumbers(o.credits())));
		Map<String, OrgDirectory.StaffSummary> staff = org.staffByNumbers(numbers);
		Map<OrderStaging.FileOrder, List<CreditRule.Share>> requested = new HashMap<>();
		Map<LocalDate, Set<Long>> peopleOn = new HashMap<>();
		for (OrderStaging.FileOrder order : orders) {
			// A blank credits column (the owner in full) is split by OwnerCredits; here only the scope check.
			List<CreditRule.Share> shares = order.credits() == null ? null : OrderFile.shares(order, staff, problems);
			if (shares == null) {
				continue;
			}
			requested.put(order, shares);
			Set<Long> people = peopleOn.computeIfAbsent(order.orderDate(), d -> new HashSet<>());
			shares.forEach(s -> people.add(s.staffId()));
			if (order.customerOwner() != null) {
				people.add(order.customerOwner());
			}
		}
		Map<LocalDate, Map<Long, Long>> unitsOn = new HashMap<>();
		peopleOn.forEach((date, people) -> unitsOn.put(date, org.unitsOn(people, date)));
		Set<Long> visible = companyWide ? Set.of() : visibleStoredCustomers(scope, orders);
		List<OrderStaging.FileCredit> credits = new ArrayList<>();
		for (OrderStaging.FileOrder order : orders) {
			Long stored = order.storedCustomerId();
			if (!companyWide && stored != null && stored != order.customerId() && !visible.contains(stored)) {
				problems.at(order.firstRow(), "order", "imports.error.outOfScope");
			}
			List<CreditRule.Share> shares = requested.get(order);
			if (shares == null) {
				continue;
			}
			CreditRule.Split split = creditRule.check(actor, scope, shares, order.customerOwner(),
					unitsOn.get(order.orderDate()));
			split.problems().forEach(p -> problems.at(order.firstRow(), "credits", p.key()));
			split.credits().forEach(c -> credits.add(new OrderStaging.FileCredit(order.externalNumber(), c)));
		}
		staging.addCredits(importId, credits);
	}

	/**
	 * The accounts, among those the batch's stored orders belong to, that the user sees (an order may move to another
	 * account of the file, which is visible by construction), so that an order outside the scope is reported, not
	 * replaced.
	 */
	private Set<Long> visibleStoredCustomers(DataScope scope, List<OrderStaging.FileOrder> orders) {
		Set<CustomerId> others = new HashSet<>();
		for (OrderStaging.FileOrder order : orders) {
			Long stored = order.storedCustomerId();
			if (stored != null && stored != order.customerId()) {
				others.add(CustomerId.of(stored));
			}
		}
		Set<Long> visible = new HashSet<>();
		if (!others.isEmpty()) {
			customers.visible(scope, others).forEach(id -> visible.add(id.value()));
		}
		return visible;
	}
}
