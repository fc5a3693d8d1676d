package io.rumbo.customers.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.rumbo.customers.ContactRole;
import io.rumbo.customers.ContactView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.domain.ContactImportStore;
import io.rumbo.customers.domain.ContactImportStore.Values;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScopes;

/**
 * Contacts by external id, attached to the customer named by its external id.
 * <p>
 * Read a thousand rows at a time: a check pass resolves the chunk's accounts (in the user's scope) and contacts in
 * set-based queries and reports every problem (all a dry run does); a clean file is read again and written in
 * batches ({@link ContactImportStore}), the last primary contact of an account in the file staying its only primary.
 * No account's contacts are read whole. The import is audited once, by the import service, not per contact.
 */
@Component
class ContactImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("customer"), ImportColumn.required("full_name"), ImportColumn.optional("job_title"),
			ImportColumn.required("role"), ImportColumn.optional("email"), ImportColumn.optional("phone"),
			ImportColumn.optional("primary"));

	static final int CHUNK = 1000;

	private final CustomerDirectory directory;
	private final CustomerQueries queries;
	private final ContactImportStore store;
	private final DataScopes scopes;

	ContactImporter(CustomerDirectory directory, CustomerQueries queries, ContactImportStore store,
			DataScopes scopes) {
		this.directory = directory;
		this.queries = queries;
		this.store = store;
		this.scopes = scopes;
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

	/** What a chunk comes to. */
	private record Plan(List<Values> created, List<Values> updated, long unchanged, Map<Long, String> primaries) {
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		EditRights rights = new EditRights(actor, scopes.of(actor));
		long[] counts = new long[3];
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> {
			Plan plan = plan(rights, rows, chunk, true, done, "imports.phase.checking");
			counts[0] += plan.created().size();
			counts[1] += plan.updated().size();
			counts[2] += plan.unchanged();
		});
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		if (!rows.dryRun() && counts[0] + counts[1] > 0) {
			done[0] = 0;
			rows.chunks(CHUNK, chunk -> {
				Plan plan = plan(rights, rows, chunk, false, done, "imports.phase.writing");
				if (!rows.hasErrors()) {
					store.insert(plan.created());
					store.update(plan.updated());
					store.keepOnePrimary(plan.primaries());
				}
			});
		}
		return rows.hasErrors() ? ImportCounts.NONE : new ImportCounts(counts[0], counts[1], counts[2]);
	}

	private Plan plan(EditRights rights, ImportRows rows, List<ImportRow> chunk, boolean firstPass, long[] done,
			String phase) {
		Set<String> accountIds = new HashSet<>();
		Set<String> externals = new HashSet<>();
		for (ImportRow row : chunk) {
			Optional.ofNullable(row.raw("customer")).ifPresent(accountIds::add);
			Optional.ofNullable(row.raw("external_id")).ifPresent(externals::add);
		}
		Map<String, CustomerView> accounts = directory.byExternalIds(rights.scope(), accountIds, false);
		Map<String, ContactView> existing = queries.contactsByExternalIds(externals);
		List<Values> created = new ArrayList<>();
		List<Values> updated = new ArrayList<>();
		Map<Long, String> primaries = new LinkedHashMap<>();
		long unchanged = 0;
		for (ImportRow row : chunk) {
			rows.progress(phase, ++done[0]);
			String external = row.text("external_id", 64, true);
			String customerId = row.text("customer", 64, true);
			String name = row.text("full_name", 200, true);
			String title = row.text("job_title", 100, false);
			ContactRole role = row.choice("role", ContactRole.class, true);
			String email = row.text("email", 200, false);
			String phone = row.text("phone", 40, false);
			boolean primary = row.bool("primary", false);
			if (firstPass) {
				row.unique("external_id", external);
			}
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
			if (customer != null && !rights.mayEdit(customer.ownerStaffId(), customer.unitId())) {
				row.error("customer", "imports.error.outOfScope");
			}
			if (external == null || customer == null || name == null || role == null) {
				continue;
			}
			if (current != null && current.fullName().equals(name) && Objects.equals(current.jobTitle(), title)
					&& current.role() == role && Objects.equals(current.email(), email)
					&& Objects.equals(current.phone(), phone) && current.primary() == primary) {
				unchanged++;
				continue;
			}
			Values values = new Values(current == null ? 0 : current.id(), current == null ? 0 : current.version(),
					customer.id(), external, name, title, role, email, phone, primary);
			(current == null ? created : updated).add(values);
			if (primary) {
				primaries.put(customer.id(), external);
			}
		}
		return new Plan(created, updated, unchanged, primaries);
	}
}
