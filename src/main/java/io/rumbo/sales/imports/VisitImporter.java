package io.rumbo.sales.imports;

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
import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerDirectory;
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
import io.rumbo.sales.ActivityManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.ActivityView;

/**
 * Visits and other activities by external id. Without a salesperson the activity is the account owner's; a
 * salesperson's imported activities are always their own, as in the agenda.
 * <p>
 * The file is read a thousand rows at a time: a check pass resolves the chunk's accounts, people and activities in
 * set-based queries and applies every check the agenda applies (all a dry run does); a clean file is then read again
 * and written through {@link ActivityManagement}, which audits and announces each activity as the agenda does.
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

	static final int CHUNK = 1000;

	private record Parsed(ImportRow row, String externalId, ActivityManagement.ActivityDetails details,
			@Nullable ActivityView current, ImportRows.Outcome outcome) {
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
		DataScope scope = scopes.of(actor);
		Map<Long, Optional<OrgDirectory.StaffSummary>> people = new HashMap<>();
		long[] counts = new long[3];
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> {
			for (Parsed p : check(actor, scope, people, rows, chunk, true, done, "imports.phase.checking")) {
				counts[p.outcome().ordinal()]++;
			}
		});
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		ImportCounts result = new ImportCounts(counts[0], counts[1], counts[2]);
		if (rows.dryRun()) {
			return result;
		}
		done[0] = 0;
		rows.chunks(CHUNK, chunk -> {
			if (rows.hasErrors()) {
				return;
			}
			List<Parsed> parsed = check(actor, scope, people, rows, chunk, false, done, "imports.phase.writing")
				.stream()
				.filter(p -> p.outcome() != ImportRows.Outcome.UNCHANGED)
				.toList();
			if (rows.hasErrors()) {
				return;
			}
			rows.write(parsed, Parsed::row, FIELDS, "customer", p -> {
				if (p.current() == null) {
					activities.create(actor, p.details(), p.externalId());
				}
				else {
					activities.update(actor, p.current().id(), p.current().version(), p.details());
				}
				return p.outcome();
			});
		});
		return rows.hasErrors() ? ImportCounts.NONE : result;
	}

	/**
	 * Reads and checks a chunk: the importer's own checks and those {@link ActivityManagement} applies when it
	 * writes, so that a dry run finds what the import would. Only the accounts, people and activities the chunk names
	 * are read, a thousand per query.
	 */
	private List<Parsed> check(CurrentUser actor, DataScope scope, Map<Long, Optional<OrgDirectory.StaffSummary>> people,
			ImportRows rows, List<ImportRow> chunk, boolean firstPass, long[] done, String phase) {
		Set<String> accountIds = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		Set<String> externals = new HashSet<>();
		for (ImportRow row : chunk) {
			Optional.ofNullable(row.raw("customer")).ifPresent(accountIds::add);
			Optional.ofNullable(row.raw("salesperson")).ifPresent(numbers::add);
			Optional.ofNullable(row.raw("external_id")).ifPresent(externals::add);
		}
		Map<String, CustomerView> accounts = customers.byExternalIds(scope, accountIds, false);
		Map<String, OrgDirectory.StaffSummary> staff = numbers.isEmpty() ? Map.of() : org.staffByNumbers(numbers);
		staff.values().forEach(s -> people.put(s.id(), Optional.of(s)));
		Map<String, ActivityView> existing = activities.byExternalIds(actor, externals);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		List<Parsed> parsed = new ArrayList<>();
		for (ImportRow row : chunk) {
			rows.progress(phase, ++done[0]);
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
			if (firstPass) {
				row.unique("external_id", external);
			}
			CustomerView customer = customerId == null ? null : accounts.get(customerId);
			if (customerId != null && customer == null) {
				row.error("customer", "imports.error.customer.unknown", customerId);
			}
			Long owner = customer == null ? null : customer.ownerStaffId();
			boolean ownerKnown = true;
			if (person != null) {
				OrgDirectory.StaffSummary summary = staff.get(person);
				if (summary == null || !summary.active()) {
					row.error("salesperson", "imports.error.staff.unknown", person);
					ownerKnown = false;
				}
				else {
					owner = summary.id();
				}
			}
			if (minutes != null && (minutes < 0 || minutes > 24 * 60)) {
				row.error("duration_minutes", "sales.activity.duration.invalid");
			}
			if (planned != null && doneOn != null && doneOn.isBefore(planned.minusYears(1))) {
				row.error("done_on", "sales.activity.doneOn.invalid");
			}
			if (customer != null && ownerKnown) {
				// As the agenda: a salesperson's activities are their own; others plan for people they manage.
				Long effective = companyWide || actor.has(Role.MANAGER) ? (owner != null ? owner : scope.ownStaffId())
						: scope.ownStaffId();
				Optional<OrgDirectory.StaffSummary> summary = effective == null ? Optional.empty()
						: people.computeIfAbsent(effective, org::staff);
				if (summary.isEmpty() || !summary.get().active() || (!companyWide
						&& !scope.managesUnit(summary.get().unitId()) && !effective.equals(scope.ownStaffId()))) {
					row.error("salesperson", "sales.opportunity.owner.unknown");
				}
			}
			if (external == null || customer == null || type == null || planned == null) {
				continue;
			}
			ActivityManagement.ActivityDetails details = new ActivityManagement.ActivityDetails(customer.id(), null,
					type, owner, planned, doneOn, minutes, outcome, notes, next);
			ActivityView current = existing.get(external);
			ImportRows.Outcome result;
			if (current == null) {
				result = ImportRows.Outcome.CREATED;
			}
			else if (same(current, details)) {
				result = ImportRows.Outcome.UNCHANGED;
			}
			else {
				if (current.doneOn() != null && !current.doneOn().equals(doneOn)) {
					// The day a visit was done stays (the activity refuses the change when it is written).
					rows.error(row.number(), null, "sales.activity.alreadyDone", current.doneOn());
				}
				result = ImportRows.Outcome.UPDATED;
			}
			parsed.add(new Parsed(row, external, details, current, result));
		}
		return parsed;
	}

	private static boolean same(ActivityView current, ActivityManagement.ActivityDetails d) {
		return current.customerId() == d.customerId() && current.type() == d.type()
				&& (d.ownerStaffId() == null || d.ownerStaffId() == current.ownerStaffId())
				&& current.plannedOn().equals(d.plannedOn()) && Objects.equals(current.doneOn(), d.doneOn())
				&& Objects.equals(current.durationMinutes(), d.durationMinutes())
				&& Objects.equals(current.outcome(), d.outcome()) && Objects.equals(current.notes(), d.notes())
				&& Objects.equals(current.nextStep(), d.nextStep());
	}
}
