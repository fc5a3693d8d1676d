package io.rumbo.customers.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.rumbo.customers.ContactRole;
import io.rumbo.customers.ContactView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;

/** Contacts by external id, attached to the customer named by its external id. */
@Component
class ContactImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("customer"), ImportColumn.required("full_name"), ImportColumn.optional("job_title"),
			ImportColumn.required("role"), ImportColumn.optional("email"), ImportColumn.optional("phone"),
			ImportColumn.optional("primary"));

	private static final Map<String, String> FIELDS = Map.of("fullName", "full_name", "jobTitle", "job_title",
			"externalId", "external_id");

	private record Parsed(ImportRow row, CustomerView customer, CustomerManagement.ContactDetails details) {
	}

	private final CustomerManagement customers;
	private final CustomerQueries queries;

	ContactImporter(CustomerManagement customers, CustomerQueries queries) {
		this.customers = customers;
		this.queries = queries;
	}

	@Override
	public String kind() {
		return "contacts";
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
		Map<String, ContactView> existing = queries.contactsByExternalId();
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String external = row.text("external_id", 64, true);
			String customerId = row.text("customer", 64, true);
			String name = row.text("full_name", 200, true);
			String title = row.text("job_title", 100, false);
			ContactRole role = row.choice("role", ContactRole.class, true);
			String email = row.text("email", 200, false);
			String phone = row.text("phone", 40, false);
			boolean primary = row.bool("primary", false);
			row.unique("external_id", external);
			if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				row.error("email", "customers.import.email.invalid", email);
			}
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			ContactView current = external == null ? null : existing.get(external);
			if (current != null && customer != null && current.customerId() != customer.id()) {
				row.error("customer", "customers.import.contact.otherCustomer", external);
			}
			if (customer != null && !customers.mayEdit(actor, customer)) {
				row.error("customer", "imports.error.outOfScope");
			}
			if (external != null && customer != null && name != null && role != null) {
				parsed.add(new Parsed(row, customer,
						new CustomerManagement.ContactDetails(external, name, title, role, email, phone, primary)));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return rows.write(parsed, Parsed::row, FIELDS, "customer", p -> {
			ContactView current = existing.get(p.details().externalId());
			CustomerManagement.ContactDetails d = p.details();
			if (current == null) {
				customers.addContact(actor, p.customer().id(), d);
				return ImportRows.Outcome.CREATED;
			}
			if (current.fullName().equals(d.fullName()) && Objects.equals(current.jobTitle(), d.jobTitle())
					&& current.role() == d.role() && Objects.equals(current.email(), d.email())
					&& Objects.equals(current.phone(), d.phone()) && current.primary() == d.primary()) {
				return ImportRows.Outcome.UNCHANGED;
			}
			customers.updateContact(actor, p.customer().id(), current.id(), current.version(), d);
			return ImportRows.Outcome.UPDATED;
		});
	}
}
