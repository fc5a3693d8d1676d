package io.rumbo.customers.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.shared.web.ListQuery;

/** Service cases by external id; the order may be named by its order number or its external number. */
@Component
class ServiceCaseImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("customer"), ImportColumn.optional("order"), ImportColumn.required("subject"),
			ImportColumn.required("category"), ImportColumn.required("priority"), ImportColumn.required("opened_on"),
			ImportColumn.optional("resolved_on"), ImportColumn.optional("resolution"));

	private static final Map<String, String> FIELDS = Map.of("orderNumber", "order", "openedOn", "opened_on",
			"resolvedOn", "resolved_on", "externalId", "external_id");

	private record Parsed(ImportRow row, ServiceManagement.CaseDetails details) {
	}

	private final CustomerManagement customers;
	private final ServiceManagement service;
	private final org.springframework.beans.factory.ObjectProvider<io.rumbo.customers.CustomerSalesHistory> sales;

	ServiceCaseImporter(CustomerManagement customers, ServiceManagement service,
			org.springframework.beans.factory.ObjectProvider<io.rumbo.customers.CustomerSalesHistory> sales) {
		this.customers = customers;
		this.service = service;
		this.sales = sales;
	}

	/** The order a row names (by number or external number), to compare with the case's; null when none. */
	private @org.jspecify.annotations.Nullable Long orderId(long customerId,
			@org.jspecify.annotations.Nullable String number) {
		io.rumbo.customers.CustomerSalesHistory history = sales.getIfAvailable();
		if (number == null || history == null) {
			return null;
		}
		return history.order(customerId, number).map(io.rumbo.customers.CustomerSalesHistory.OrderRef::id)
			.orElse(-1L);
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
		Map<String, CustomerView> accounts = customers.byExternalId(actor, false);
		Map<String, ServiceCaseView> existing = new HashMap<>();
		for (int page = 0;; page++) {
			var chunk = service.cases(actor, ServiceManagement.CaseFilter.none(),
					new ListQuery(page, ListQuery.MAX_SIZE, ListQuery.of(0, 1, List.of("openedOn"),
							ServiceManagement.CASE_SORTS, "openedOn").orders()));
			chunk.content().stream().filter(c -> c.externalId() != null).forEach(c -> existing.put(c.externalId(), c));
			if (!chunk.hasNext()) {
				break;
			}
		}
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String external = row.text("external_id", 64, true);
			String customerId = row.text("customer", 64, true);
			String order = row.text("order", 64, false);
			String subject = row.text("subject", 200, true);
			CaseCategory category = row.choice("category", CaseCategory.class, true);
			CasePriority priority = row.choice("priority", CasePriority.class, true);
			LocalDate opened = row.date("opened_on", true);
			LocalDate resolved = row.date("resolved_on", false);
			String resolution = row.text("resolution", 1000, false);
			row.unique("external_id", external);
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			if (opened != null && resolved != null && resolved.isBefore(opened)) {
				row.error("resolved_on", "customers.case.resolvedOn.beforeOpened");
			}
			if (external != null && customer != null && subject != null && category != null && priority != null
					&& opened != null) {
				parsed.add(new Parsed(row, new ServiceManagement.CaseDetails(external, customer.id(), order, subject,
						category, priority, opened, resolved, resolution)));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return rows.write(parsed, Parsed::row, FIELDS, "customer", p -> {
			ServiceManagement.CaseDetails d = p.details();
			ServiceCaseView current = existing.get(d.externalId());
			if (current == null) {
				service.open(actor, d);
				return ImportRows.Outcome.CREATED;
			}
			if (current.customerId() == d.customerId() && current.subject().equals(d.subject())
					&& current.category() == d.category() && current.priority() == d.priority()
					&& current.openedOn().equals(d.openedOn()) && Objects.equals(current.resolvedOn(), d.resolvedOn())
					&& Objects.equals(current.resolution(), d.resolution())
					&& Objects.equals(current.orderId(), orderId(d.customerId(), d.orderNumber()))) {
				return ImportRows.Outcome.UNCHANGED;
			}
			service.update(actor, current.id(), current.version(), d);
			return ImportRows.Outcome.UPDATED;
		});
	}
}
