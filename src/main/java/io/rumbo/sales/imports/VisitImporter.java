package io.rumbo.sales.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;

/**
 * Visits and other activities by external id. Without a salesperson the activity is the account owner's; a
 * salesperson's imported activities are always their own, as in the agenda.
 */
@Component
class VisitImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("customer"), ImportColumn.required("type"), ImportColumn.optional("salesperson"),
			ImportColumn.required("planned_on"), ImportColumn.optional("done_on"),
			ImportColumn.optional("duration_minutes"), ImportColumn.optional("outcome"), ImportColumn.optional("notes"),
			ImportColumn.optional("next_step"));

	private static final Map<String, String> FIELDS = Map.of("customerId", "customer", "ownerStaffId", "salesperson",
			"doneOn", "done_on", "durationMinutes", "duration_minutes", "contactId", "customer");

	private record Parsed(ImportRow row, String externalId, ActivityManagement.ActivityDetails details) {
	}

	private final ActivityManagement activities;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;

	VisitImporter(ActivityManagement activities, CustomerDirectory customers, OrgDirectory org, DataScopes scopes) {
		this.activities = activities;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
	}

	@Override
	public String kind() {
		return "visits";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return ActivityManagement.mayPlan(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		// Only the accounts and people the file names are read, a thousand per query.
		Set<String> accountIds = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		for (ImportRow row : rows.rows()) {
			java.util.Optional.ofNullable(row.raw("customer")).ifPresent(accountIds::add);
			java.util.Optional.ofNullable(row.raw("salesperson")).ifPresent(numbers::add);
		}
		Map<String, CustomerView> accounts = customers.byExternalIds(scopes.of(actor), accountIds, false);
		Map<String, OrgDirectory.StaffSummary> staff = org.staffByNumbers(numbers);
		Map<String, ActivityView> existing = activities.byExternalId(actor);
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String external = row.text("external_id", 64, true);
			String customerId = row.text("customer", 64, true);
			ActivityType type = row.choice("type", ActivityType.class, true);
			String person = row.text("salesperson", 32, false);
			LocalDate planned = row.date("planned_on", true);
			LocalDate doneOn = row.date("done_on", false);
			Integer minutes = row.integer("duration_minutes", false);
			String outcome = row.text("outcome", 300, false);
			String notes = row.text("notes", 2000, false);
			String next = row.text("next_step", 300, false);
			row.unique("external_id", external);
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			Long owner = customer == null ? null : customer.ownerStaffId();
			if (person != null) {
				OrgDirectory.StaffSummary summary = staff.get(person);
				if (summary == null || !summary.active()) {
					row.error("salesperson", "imports.error.staff.unknown", person);
				}
				else {
					owner = summary.id();
				}
			}
			if (minutes != null && (minutes < 0 || minutes > 24 * 60)) {
				row.error("duration_minutes", "sales.activity.duration.invalid");
			}
			if (external != null && customer != null && type != null && planned != null) {
				parsed.add(new Parsed(row, external, new ActivityManagement.ActivityDetails(customer.id(), null, type, owner,
						planned, doneOn, minutes, outcome, notes, next)));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return rows.write(parsed, Parsed::row, FIELDS, "customer", p -> {
			ActivityManagement.ActivityDetails d = p.details();
			ActivityView current = existing.get(p.externalId());
			if (current == null) {
				activities.create(actor, d, p.externalId());
				return ImportRows.Outcome.CREATED;
			}
			if (current.customerId() == d.customerId() && current.type() == d.type()
					&& (d.ownerStaffId() == null || d.ownerStaffId() == current.ownerStaffId())
					&& current.plannedOn().equals(d.plannedOn()) && Objects.equals(current.doneOn(), d.doneOn())
					&& Objects.equals(current.durationMinutes(), d.durationMinutes())
					&& Objects.equals(current.outcome(), d.outcome()) && Objects.equals(current.notes(), d.notes())
					&& Objects.equals(current.nextStep(), d.nextStep())) {
				return ImportRows.Outcome.UNCHANGED;
			}
			activities.update(actor, current.id(), current.version(), d);
			return ImportRows.Outcome.UPDATED;
		});
	}
}
