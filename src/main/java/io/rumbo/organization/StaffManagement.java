package io.rumbo.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.domain.OrgExportQueries;
import io.rumbo.organization.domain.OrgQueries;
import io.rumbo.organization.domain.OrgUnit;
import io.rumbo.organization.domain.OrgUnitRepository;
import io.rumbo.organization.domain.Staff;
import io.rumbo.organization.domain.StaffRepository;
import io.rumbo.organization.domain.StructureHistory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Salespeople and the rest of the sales staff. Company-wide roles (administrator, director, people) edit
 * anyone; a manager edits the people in the subtree they lead; everyone else only reads what their scope allows.
 */
@Service
public class StaffManagement {

	/** The sort keys staff lists accept. */
	public static final java.util.Map<String, String> SORTS = OrgQueries.STAFF_SORTS;

	public static final int MIN_QUALIFICATION = 1;
	public static final int MAX_QUALIFICATION = 5;

	public record StaffFilter(@Nullable String q, @Nullable Long unitId, @Nullable JobRole jobRole,
			@Nullable StaffStatus status, boolean includeArchived, @Nullable LocalDate asOf) {
	}

	/** The editable fields of a person; {@code effectiveDate} says from when a move to another unit applies. */
	public record StaffDetails(String employeeNumber, String firstName, String lastName, @Nullable String email,
			@Nullable String phone, LocalDate hireDate, long unitId, JobRole jobRole, StaffStatus status,
			int qualificationLevel, @Nullable Long userId, @Nullable LocalDate effectiveDate) {
	}

	private final StaffRepository staff;
	private final OrgUnitRepository units;
	private final StructureHistory structure;
	private final OrgQueries queries;
	private final OrgExportQueries exports;
	private final DataScopes scopes;
	private final UserManagement users;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StaffManagement(StaffRepository staff, OrgUnitRepository units, StructureHistory structure, OrgQueries queries,
			OrgExportQueries exports, DataScopes scopes, UserManagement users, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.exports = exports;
		this.staff = staff;
		this.units = units;
		this.structure = structure;
		this.queries = queries;
		this.scopes = scopes;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<StaffView> list(CurrentUser actor, StaffFilter filter, ListQuery query) {
		return queries.staff(scopes.of(actor), toQueryFilter(filter), query);
	}

	/** The people directly in a unit (not its sub-units), as the user may see them. */
	@Transactional(readOnly = true)
	public List<StaffView> members(CurrentUser actor, long unitId) {
		return queries.staff(scopes.of(actor), new OrgQueries.StaffFilter(null, Set.of(unitId), null, null, false, null),
				ListQuery.of(0, 1, List.of("lastName"), OrgQueries.STAFF_SORTS, "lastName").unpaged()).content();
	}

	/** The most people a picker lists; a larger scope narrows the list by typing a name. */
	public static final int OPTIONS_LIMIT = 500;

	/**
	 * Active people the user may see, by last name, as choices for a picker (owner, assignee, credited person):
	 * one small query instead of the full staff list. {@code q} narrows by name.
	 */
	@Transactional(readOnly = true)
	public List<StaffOption> options(CurrentUser actor, @Nullable String q) {
		return queries.staffOptions(scopes.of(actor), q, OPTIONS_LIMIT);
	}

	/** {@link #options(CurrentUser, String)} one page at a time with the total, for search-as-you-type pickers. */
	@Transactional(readOnly = true)
	public PageResponse<StaffOption> options(CurrentUser actor, @Nullable String q, ListQuery query) {
		return queries.staffOptions(scopes.of(actor), q, query);
	}

	/** Every matching person, one at a time, for exports of any size. */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, StaffFilter filter, ListQuery query, Consumer<StaffView> sink) {
		queries.eachStaff(scopes.of(actor), toQueryFilter(filter), query, sink);
	}

	/** A person as the staff import reads them back, with the user name and roles of their sign-in account. */
	public record ExportedPerson(OrgExportQueries.StaffLine person, @Nullable String username, Set<Role> roles) {
	}

	/**
	 * Every matching person in the staff import's columns, streamed; their accounts are read from the identity
	 * module a thousand people at a time.
	 */
	@Transactional(readOnly = true)
	public void eachForImport(CurrentUser actor, StaffFilter filter, ListQuery query, Consumer<ExportedPerson> sink) {
		exports.eachStaff(scopes.of(actor), toQueryFilter(filter), query, batch -> {
			Map<Long, UserView> accounts = users.byIds(
					batch.stream().map(OrgExportQueries.StaffLine::userId).filter(Objects::nonNull).toList());
			return batch.stream().map(p -> {
				UserView account = p.userId() == null ? null : accounts.get(p.userId());
				return new ExportedPerson(p, account == null ? null : account.username(),
						account == null ? Set.<Role>of() : account.roles());
			}).toList();
		}, sink);
	}

	private OrgQueries.StaffFilter toQueryFilter(StaffFilter filter) {
		Set<Long> unitIds = null;
		if (filter.unitId() != null) {
			unitIds = (filter.asOf() == null ? structure.currentTree() : structure.treeAt(filter.asOf()))
				.subtree(filter.unitId());
		}
		return new OrgQueries.StaffFilter(filter.q(), unitIds, filter.jobRole(), filter.status(),
				filter.includeArchived(), filter.asOf());
	}

	@Transactional(readOnly = true)
	public StaffView get(CurrentUser actor, long id) {
		return get(scopes.of(actor), id);
	}

	private StaffView get(DataScope scope, long id) {
		StaffView view = queries.staffById(scope, id);
		if (view == null) {
			throw new NotFoundException("staff", id);
		}
		return view;
	}

	@Transactional(readOnly = true)
	public Optional<StaffView> ownProfile(CurrentUser actor) {
		return scopes.staffIdOf(actor).map(id -> queries.staffById(DataScope.EVERYTHING, id));
	}

	/** Whether the user may edit this person (used by pages to offer the edit button). */
	@Transactional(readOnly = true)
	public boolean mayEdit(CurrentUser actor, StaffView person) {
		return mayEdit(actor, scopes.of(actor), person);
	}

	private static boolean mayEdit(CurrentUser actor, DataScope scope, StaffView person) {
		// A manager edits their people, not their own record (role, status, unit are for someone above them).
		if (!scope.all() && Long.valueOf(person.id()).equals(scope.ownStaffId())) {
			return false;
		}
		return isEditor(actor) && scope.managesUnit(person.unitId());
	}

	@Transactional(readOnly = true)
	public boolean mayCreate(CurrentUser actor) {
		return isEditor(actor);
	}

	@Transactional
	public StaffView create(CurrentUser actor, StaffDetails details) {
		if (!isEditor(actor)) {
			throw new AccessRefusedException("staff");
		}
		if (details.userId() != null && !mayLinkAccounts(actor)) {
			// Linking a sign-in account (which carries its own roles) is for company-wide roles, as on update.
			throw new AccessRefusedException("staff");
		}
		validate(scopes.of(actor), null, details);
		Staff person = new Staff(details.employeeNumber().trim(), details.firstName().trim(), details.lastName().trim(),
				details.hireDate(), details.unitId(), details.jobRole(), details.qualificationLevel());
		person.describe(details.employeeNumber().trim(), details.firstName().trim(), details.lastName().trim(),
				blankToNull(details.email()), blankToNull(details.phone()), details.hireDate(), details.jobRole(),
				details.status(), details.qualificationLevel());
		person.linkUser(details.userId());
		staff.saveAndFlush(person);
		LocalDate from = details.effectiveDate() != null ? details.effectiveDate() : details.hireDate();
		structure.assignNewStaff(person, from);
		audit.record("STAFF", person.id(), "CREATE", null, person.auditState(), person.fullName());
		events.publishEvent(new StaffHired(StaffId.of(person.id()), UnitId.of(person.unitId()), person.hireDate(),
				person.jobRole()));
		return get(actor, person.id());
	}

	@Transactional
	public StaffView update(CurrentUser actor, long id, long version, StaffDetails details) {
		// One scope for the whole edit: reading, the right to edit and the target unit all answer to it.
		DataScope scope = scopes.of(actor);
		StaffView current = get(scope, id);
		if (!mayEdit(actor, scope, current)) {
			throw new AccessRefusedException("staff");
		}
		Staff person = staff.findById(id).orElseThrow(() -> new NotFoundException("staff", id));
		if (person.version() != version) {
			// Re-read: another edit may have committed since {@code current} was read.
			throw new StaleVersionException(version, get(scope, id));
		}
		validate(scope, person, details);
		var before = person.auditState();
		JobRole formerRole = person.jobRole();
		person.describe(details.employeeNumber().trim(), details.firstName().trim(), details.lastName().trim(),
				blankToNull(details.email()), blankToNull(details.phone()), details.hireDate(), details.jobRole(),
				details.status(), details.qualificationLevel());
		if (mayLinkAccounts(actor)) {
			person.linkUser(details.userId());
		}
		StaffMoved moved = StaleVersionException.guard(version, () -> {
			StaffMoved move = null;
			if (person.unitId() != details.unitId()) {
				LocalDate effective = details.effectiveDate() == null ? LocalDate.now(clock) : details.effectiveDate();
				move = new StaffMoved(StaffId.of(id), UnitId.of(person.unitId()), UnitId.of(details.unitId()), effective);
				structure.moveStaff(person, details.unitId(), effective);
			}
			staff.saveAndFlush(person);
			return move;
		}, () -> get(scope, id));
		audit.record("STAFF", id, "UPDATE", before, person.auditState(), person.fullName());
		if (moved != null) {
			events.publishEvent(moved);
		}
		if (formerRole != details.jobRole()) {
			events.publishEvent(new StaffRoleChanged(StaffId.of(id), UnitId.of(details.unitId()), formerRole,
					details.jobRole(), details.effectiveDate() == null ? LocalDate.now(clock) : details.effectiveDate()));
		}
		return get(scope, id);
	}

	/**
	 * Archives a person who left: they stay in history and in past reports, but no longer count or appear in lists.
	 * A person already archived is refused (409): they left once, and the date they left stays as recorded.
	 */
	@Transactional
	public void archive(CurrentUser actor, long id, @Nullable LocalDate date) {
		DataScope scope = scopes.of(actor);
		StaffView current = get(scope, id);
		if (!mayEdit(actor, scope, current)) {
			throw new AccessRefusedException("staff");
		}
		Staff person = staff.findById(id).orElseThrow(() -> new NotFoundException("staff", id));
		var before = person.auditState();
		LocalDate left = date == null ? LocalDate.now(clock) : date;
		structure.archiveStaff(person, left);
		units.findByManagerStaffId(id).forEach(unit -> structure.changeManager(unit, null, left));
		audit.record("STAFF", id, "ARCHIVE", before, person.auditState(), person.fullName());
		events.publishEvent(new StaffLeft(StaffId.of(id), UnitId.of(person.unitId()), left));
	}

	private void validate(DataScope scope, @Nullable Staff existing, StaffDetails details) {
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		String number = details.employeeNumber() == null ? "" : details.employeeNumber().trim();
		if (!number.matches("[A-Za-z0-9_.-]{1,32}")) {
			errors.add(new ValidationFailedException.FieldError("employeeNumber", "organization.staff.employeeNumber.invalid"));
		}
		else if (existing == null ? staff.existsByEmployeeNumberIgnoreCase(number)
				: staff.existsByEmployeeNumberIgnoreCaseAndIdNot(number, existing.id())) {
			errors.add(new ValidationFailedException.FieldError("employeeNumber", "organization.staff.employeeNumber.taken",
					number));
		}
		OrgUnit unit = units.findById(details.unitId()).orElse(null);
		if (unit == null || unit.archived() || !scope.managesUnit(details.unitId())) {
			errors.add(new ValidationFailedException.FieldError("unitId", "organization.staff.unit.unknown"));
		}
		if (details.qualificationLevel() < MIN_QUALIFICATION || details.qualificationLevel() > MAX_QUALIFICATION) {
			errors.add(new ValidationFailedException.FieldError("qualificationLevel",
					"organization.staff.qualificationLevel.range", MIN_QUALIFICATION, MAX_QUALIFICATION));
		}
		if (details.hireDate().isAfter(LocalDate.now(clock).plusYears(1))) {
			errors.add(new ValidationFailedException.FieldError("hireDate", "organization.staff.hireDate.future"));
		}
		if (details.userId() != null) {
			if (!users.exists(new UserId(details.userId()))) {
				errors.add(new ValidationFailedException.FieldError("userId", "organization.staff.user.unknown"));
			}
			else if (existing == null ? staff.findByUserId(details.userId()).isPresent()
					: staff.existsByUserIdAndIdNot(details.userId(), existing.id())) {
				errors.add(new ValidationFailedException.FieldError("userId", "organization.staff.user.taken"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	/** Who may create and edit people (and import them): company-wide roles, and managers in their subtree. */
	public static boolean isEditor(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE, Role.MANAGER);
	}

	/** Linking a sign-in account (which carries its own roles) is for company-wide roles. */
	public static boolean mayLinkAccounts(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.PEOPLE);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
