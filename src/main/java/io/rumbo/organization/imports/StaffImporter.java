package io.rumbo.organization.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.domain.OrgImportQueries;
import io.rumbo.organization.domain.OrgImportQueries.StaffRecord;
import io.rumbo.organization.domain.OrgImportQueries.UnitRecord;

/**
 * Staff by employee number, in the unit named by its code, optionally with a sign-in account (user name and roles).
 * <p>
 * Read a thousand rows at a time: a check pass resolves the chunk's people, units and accounts set-based and reports
 * every problem (all a dry run does); a clean file is read again and written through {@link StaffManagement} and
 * {@link UserManagement}, so a person's unit change is a move effective on {@code effective_date} (the import day
 * when blank), and every change is audited and announced as from the screen. An account named by a user name that
 * does not exist is opened without a usable password (decision 0012); opening accounts and changing their roles is
 * for administrators, linking an existing account for the roles that link accounts on screen.
 */
@Component
class StaffImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("employee_number"),
			ImportColumn.required("first_name"), ImportColumn.required("last_name"), ImportColumn.optional("email"),
			ImportColumn.optional("phone"), ImportColumn.required("hire_date"), ImportColumn.required("unit"),
			ImportColumn.required("job_role"), ImportColumn.required("qualification_level"),
			ImportColumn.optional("status"), ImportColumn.optional("effective_date"), ImportColumn.optional("username"),
			ImportColumn.optional("user_roles"));

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("employeeNumber", "employee_number"),
			Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
			Map.entry("phone", "phone"), Map.entry("hireDate", "hire_date"), Map.entry("unitId", "unit"),
			Map.entry("jobRole", "job_role"), Map.entry("qualificationLevel", "qualification_level"),
			Map.entry("effectiveDate", "effective_date"), Map.entry("userId", "username"),
			Map.entry("username", "username"), Map.entry("roles", "user_roles"));

	static final int CHUNK = 1000;

	/** A checked row: the person as the file gives them, what exists, and what their account needs. */
	record Person(ImportRow row, StaffManagement.StaffDetails details, @Nullable StaffRecord current,
			StaffAccounts.Plan account) {
	}

	private final StaffManagement staff;
	private final OrgImportQueries queries;
	private final StaffAccounts accounts;
	private final DataScopes scopes;
	private final Clock clock;

	StaffImporter(StaffManagement staff, OrgImportQueries queries, StaffAccounts accounts, DataScopes scopes,
			Clock clock) {
		this.staff = staff;
		this.queries = queries;
		this.accounts = accounts;
		this.scopes = scopes;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "staff";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return StaffManagement.isEditor(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		DataScope scope = scopes.of(actor);
		long[] counts = new long[3];
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> plan(actor, scope, rows, chunk, true, done, "imports.phase.checking")
			.forEach(p -> counts[outcome(p).ordinal()]++));
		if (rows.hasErrors() || rows.dryRun() || counts[0] + counts[1] == 0) {
			return rows.hasErrors() ? ImportCounts.NONE : new ImportCounts(counts[0], counts[1], counts[2]);
		}
		done[0] = 0;
		rows.chunks(CHUNK, chunk -> {
			List<Person> people = plan(actor, scope, rows, chunk, false, done, "imports.phase.writing");
			if (!rows.hasErrors()) {
				rows.write(people, Person::row, FIELDS, "unit", p -> write(actor, p));
			}
		});
		return rows.hasErrors() ? ImportCounts.NONE : new ImportCounts(counts[0], counts[1], counts[2]);
	}

	private List<Person> plan(CurrentUser actor, DataScope scope, ImportRows rows, List<ImportRow> chunk,
			boolean firstPass, long[] done, String phase) {
		Set<String> numbers = new HashSet<>();
		Set<String> unitCodes = new HashSet<>();
		Set<String> usernames = new HashSet<>();
		for (ImportRow row : chunk) {
			Optional.ofNullable(row.raw("employee_number")).ifPresent(numbers::add);
			Optional.ofNullable(row.raw("unit")).ifPresent(unitCodes::add);
			Optional.ofNullable(row.raw("username")).ifPresent(usernames::add);
		}
		Map<String, StaffRecord> people = queries.staffByNumbers(numbers);
		Map<String, UnitRecord> units = queries.unitsByCodes(unitCodes);
		StaffAccounts.Lookup lookup = accounts.lookup(usernames);
		List<Person> planned = new ArrayList<>();
		for (ImportRow row : chunk) {
			rows.progress(phase, ++done[0]);
			Person person = check(actor, scope, row, firstPass, people, units, lookup);
			if (person != null) {
				planned.add(person);
			}
		}
		return planned;
	}

	private @Nullable Person check(CurrentUser actor, DataScope scope, ImportRow row, boolean firstPass,
			Map<String, StaffRecord> people, Map<String, UnitRecord> units, StaffAccounts.Lookup lookup) {
		String number = row.text("employee_number", 32, true);
		String first = row.text("first_name", 100, true);
		String last = row.text("last_name", 100, true);
		String email = row.text("email", 200, false);
		String phone = row.text("phone", 40, false);
		LocalDate hired = row.date("hire_date", true);
		String unitCode = row.text("unit", 32, true);
		JobRole jobRole = row.choice("job_role", JobRole.class, true);
		Integer level = row.integer("qualification_level", true);
		StaffStatus status = row.choice("status", StaffStatus.class, false);
		LocalDate effective = row.date("effective_date", false);
		if (firstPass) {
			row.uniqueIgnoringCase("employee_number", number);
			row.uniqueIgnoringCase("username", row.raw("username"));
		}
		if (number != null && !number.matches("[A-Za-z0-9_.-]{1,32}")) {
			row.error("employee_number", "organization.staff.employeeNumber.invalid");
		}
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
			row.error("email", "organization.import.staff.email", email);
		}
		if (level != null && (level < StaffManagement.MIN_QUALIFICATION || level > StaffManagement.MAX_QUALIFICATION)) {
			row.error("qualification_level", "organization.staff.qualificationLevel.range",
					StaffManagement.MIN_QUALIFICATION, StaffManagement.MAX_QUALIFICATION);
		}
		if (hired != null && hired.isAfter(LocalDate.now(clock).plusYears(1))) {
			row.error("hire_date", "organization.staff.hireDate.future");
		}
		UnitRecord unit = unitCode == null ? null : units.get(unitCode.toUpperCase(Locale.ROOT));
		if (unitCode != null && (unit == null || unit.archived() || !scope.managesUnit(unit.id()))) {
			row.error("unit", "imports.error.unit.unknown", unitCode);
			unit = null;
		}
		StaffRecord current = number == null ? null : people.get(number.toUpperCase(Locale.ROOT));
		if (current != null && current.archived()) {
			row.error("employee_number", "organization.import.staff.left", current.employeeNumber());
		}
		else if (current != null && !mayEdit(actor, scope, current)) {
			row.error("employee_number", "imports.error.outOfScope");
		}
		StaffAccounts.Plan account = accounts.plan(actor, row, current, lookup);
		if (number == null || first == null || last == null || hired == null || unit == null || jobRole == null
				|| level == null || account == null) {
			return null;
		}
		StaffStatus state = status != null ? status : current != null ? current.status() : StaffStatus.ACTIVE;
		Long userId = account.userId() != null ? account.userId() : current == null ? null : current.userId();
		// A new person joins their unit on the day they were hired; the effective date moves people already there.
		StaffManagement.StaffDetails details = new StaffManagement.StaffDetails(number, first, last, email, phone,
				hired, unit.id(), jobRole, state, level, userId, current == null ? null : effective);
		return new Person(row, details, current, account);
	}

	/** As {@link StaffManagement#mayEdit}: a manager edits the people of their subtree, not their own record. */
	private static boolean mayEdit(CurrentUser actor, DataScope scope, StaffRecord person) {
		if (!scope.all() && Long.valueOf(person.id()).equals(scope.ownStaffId())) {
			return false;
		}
		return StaffManagement.isEditor(actor) && scope.managesUnit(person.unitId());
	}

	private static ImportRows.Outcome outcome(Person p) {
		StaffRecord c = p.current();
		if (c == null) {
			return ImportRows.Outcome.CREATED;
		}
		StaffManagement.StaffDetails d = p.details();
		boolean same = c.employeeNumber().equals(d.employeeNumber()) && c.firstName().equals(d.firstName())
				&& c.lastName().equals(d.lastName()) && Objects.equals(c.email(), d.email())
				&& Objects.equals(c.phone(), d.phone()) && c.hireDate().equals(d.hireDate()) && c.unitId() == d.unitId()
				&& c.jobRole() == d.jobRole() && c.status() == d.status()
				&& c.qualificationLevel() == d.qualificationLevel() && Objects.equals(c.userId(), d.userId())
				&& !p.account().changes();
		return same ? ImportRows.Outcome.UNCHANGED : ImportRows.Outcome.UPDATED;
	}

	private ImportRows.Outcome write(CurrentUser actor, Person p) {
		ImportRows.Outcome outcome = outcome(p);
		if (outcome == ImportRows.Outcome.UNCHANGED) {
			return outcome;
		}
		Long userId = accounts.apply(actor, p.account(), p.details());
		StaffManagement.StaffDetails d = p.details();
		if (userId != null && !userId.equals(d.userId())) {
			d = new StaffManagement.StaffDetails(d.employeeNumber(), d.firstName(), d.lastName(), d.email(), d.phone(),
					d.hireDate(), d.unitId(), d.jobRole(), d.status(), d.qualificationLevel(), userId,
					d.effectiveDate());
		}
		if (p.current() == null) {
			staff.create(actor, d);
		}
		else {
			staff.update(actor, p.current().id(), p.current().version(), d);
		}
		return outcome;
	}
}
