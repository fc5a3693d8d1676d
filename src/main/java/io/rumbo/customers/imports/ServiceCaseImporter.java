package io.rumbo.customers.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.customers.domain.ServiceQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;

/**
 * Service cases by external id; the order may be named by its order number or its external number.
 * <p>
 * Read a thousand rows at a time: a check pass resolves the chunk's accounts and cases in set-based queries (and each
 * order the chunk names once) and applies every check {@link ServiceManagement} applies (all a dry run does); a
 * clean file is read again and written through {@link ServiceManagement}, which numbers, attributes, audits and
 * announces each case as the page does.
 */
@Component
class ServiceCaseImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("customer"), ImportColumn.optional("order"), ImportColumn.required("subject"),
			ImportColumn.required("category"), ImportColumn.required("priority"), ImportColumn.required("opened_on"),
			ImportColumn.optional("resolved_on"), ImportColumn.optional("resolution"));

	private static final Map<String, String> FIELDS = Map.of("orderNumber", "order", "openedOn", "opened_on",
			"resolvedOn", "resolved_on", "externalId", "external_id");

	static final int CHUNK = 1000;

	private record Parsed(ImportRow row, ServiceManagement.CaseDetails details, @Nullable ServiceCaseView current,
			ImportRows.Outcome outcome) {
	}

	private final CustomerDirectory directory;
	private final ServiceManagement service;
	private final ServiceQueries queries;
	private final DataScopes scopes;
	private final ObjectProvider<CustomerSalesHistory> sales;
	private final Clock clock;

	ServiceCaseImporter(CustomerDirectory directory, ServiceManagement service, ServiceQueries queries,
			DataScopes scopes, ObjectProvider<CustomerSalesHistory> sales, Clock clock) {
		this.directory = directory;
		this.service = service;
		this.queries = queries;
		this.scopes = scopes;
		this.sales = sales;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "service-cases";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return CustomerManagement.mayCreate(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		EditRights rights = new EditRights(actor, scopes.of(actor));
		LocalDate today = LocalDate.now(clock);
		long[] counts = new long[3];
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> {
			for (Parsed p : check(rights, today, rows, chunk, true, done, "imports.phase.checking")) {
				counts[p.outcome().ordinal()]++;
			}
		});
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		if (!rows.dryRun()) {
			done[0] = 0;
			rows.chunks(CHUNK, chunk -> {
				if (rows.hasErrors()) {
					return;
				}
				List<Parsed> parsed = check(rights, today, rows, chunk, false, done, "imports.phase.writing").stream()
					.filter(p -> p.outcome() != ImportRows.Outcome.UNCHANGED)
					.toList();
				if (rows.hasErrors()) {
					return;
				}
				rows.write(parsed, Parsed::row, FIELDS, "customer", p -> {
					if (p.current() == null) {
						service.open(actor, p.details());
					}
					else {
						service.update(actor, p.current().id(), p.current().version(), p.details());
					}
					return p.outcome();
				});
			});
		}
		return rows.hasErrors() ? ImportCounts.NONE : new ImportCounts(counts[0], counts[1], counts[2]);
	}

	private List<Parsed> check(EditRights rights, LocalDate today, ImportRows rows, List<ImportRow> chunk,
			boolean firstPass, long[] done, String phase) {
		DataScope scope = rights.scope();
		Set<String> accountIds = new HashSet<>();
		Set<String> externals = new HashSet<>();
		for (ImportRow row : chunk) {
			Optional.ofNullable(row.raw("customer")).ifPresent(accountIds::add);
			Optional.ofNullable(row.raw("external_id")).ifPresent(externals::add);
		}
		Map<String, CustomerView> accounts = directory.byExternalIds(scope, accountIds, false);
		Map<String, ServiceCaseView> existing = queries.casesByExternalIds(scope, externals);
		Set<String> taken = queries.caseExternalIdsTaken(externals);
		Map<String, Optional<Long>> orders = new HashMap<>();
		List<Parsed> parsed = new ArrayList<>();
		for (ImportRow row : chunk) {
			rows.progress(phase, ++done[0]);
			String external = row.text("external_id", 64, true);
			String customerId = row.text("customer", 64, true);
			String order = row.text("order", 64, false);
			String subject = row.text("subject", 200, true);
			CaseCategory category = row.choice("category", CaseCategory.class, true);
			CasePriority priority = row.choice("priority", CasePriority.class, true);
			LocalDate opened = row.date("opened_on", true);
			LocalDate resolved = row.date("resolved_on", false);
			String resolution = row.text("resolution", 1000, false);
			if (firstPass) {
				row.unique("external_id", external);
			}
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			if (opened != null && resolved != null && resolved.isBefore(opened)) {
				row.error("resolved_on", "customers.case.resolvedOn.beforeOpened");
			}
			// What ServiceManagement checks when it writes, so that a dry run finds it too.
			if (opened != null && opened.isAfter(today)) {
				row.error("opened_on", "customers.case.openedOn.future");
			}
			if (customer != null && !rights.mayEdit(customer.ownerStaffId(), customer.unitId())) {
				row.error("customer", "imports.error.outOfScope");
			}
			ServiceCaseView current = external == null ? null : existing.get(external);
			if (external != null && current == null && taken.contains(external)) {
				row.error("external_id", "customers.case.externalId.taken", external);
			}
			Long orderId = null;
			if (customer != null && order != null) {
				orderId = orders.computeIfAbsent(customer.id() + "\u0000" + order, k -> orderId(customer.id(), order))
					.orElse(null);
				if (orderId == null && sales.getIfAvailable() != null) {
					row.error("order", "customers.case.order.unknown", order);
				}
			}
			if (external == null || customer == null || subject == null || category == null || priority == null
					|| opened == null) {
				continue;
			}
			ServiceManagement.CaseDetails details = new ServiceManagement.CaseDetails(external, customer.id(), order,
					subject, category, priority, opened, resolved, resolution);
			ImportRows.Outcome outcome;
			if (current == null) {
				outcome = ImportRows.Outcome.CREATED;
			}
			else if (current.customerId() == customer.id() && current.subject().equals(subject)
					&& current.category() == category && current.priority() == priority
					&& current.openedOn().equals(opened) && Objects.equals(current.resolvedOn(), resolved)
					&& Objects.equals(current.resolution(), resolution) && Objects.equals(current.orderId(), orderId)) {
				outcome = ImportRows.Outcome.UNCHANGED;
			}
			else {
				outcome = ImportRows.Outcome.UPDATED;
			}
			parsed.add(new Parsed(row, details, current, outcome));
		}
		return parsed;
	}

	/** The order a row names (by number or external number) for the account; empty when unknown. */
	private Optional<Long> orderId(long customerId, String number) {
		CustomerSalesHistory history = sales.getIfAvailable();
		if (history == null) {
			return Optional.empty();
		}
		return history.order(customerId, number).map(CustomerSalesHistory.OrderRef::id);
	}
}
