package io.rumbo.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.domain.Contact;
import io.rumbo.customers.domain.ContactRepository;
import io.rumbo.customers.domain.Customer;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.customers.domain.CustomerRepository;
import io.rumbo.customers.domain.OwnershipHistory;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Customer accounts and their contacts. Directors and administrators manage every account; a manager the accounts
 * of their subtree (and may hand them to people there); a salesperson their own accounts, which stay theirs.
 * Accounts are archived, never deleted, so orders and history keep what they refer to.
 * <p>
 * Over 400 lines because it still holds contacts next to accounts (they share the account's permission checks); the
 * next change to contacts moves them and those checks into their own facade.
 */
@Service
public class CustomerManagement {

	/** The sort keys customer lists accept. */
	public static final java.util.Map<String, String> SORTS = CustomerQueries.SORTS;

	public record Filter(@Nullable String q, @Nullable CustomerStatus status, @Nullable Segment segment,
			@Nullable PotentialClass potentialClass, @Nullable Long ownerStaffId, @Nullable Long unitId,
			boolean includeArchived) {
	}

	/**
	 * The editable fields of an account. Without a unit the account belongs to its owner's unit; a change of owner
	 * or unit applies from {@code effectiveDate} (today when absent) and the earlier ownership stays in the history.
	 */
	public record CustomerDetails(@Nullable String externalId, String legalName, @Nullable String taxId, Segment segment,
			@Nullable String industry, CompanySize companySize, @Nullable String region, @Nullable String address,
			@Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
			@Nullable BigDecimal annualPotential, CustomerStatus status, @Nullable Long ownerStaffId,
			@Nullable Long unitId, @Nullable LocalDate effectiveDate) {
	}

	public record ContactDetails(@Nullable String externalId, String fullName, @Nullable String jobTitle,
			ContactRole role, @Nullable String email, @Nullable String phone, boolean primary) {
	}

	private final CustomerRepository customers;
	private final ContactRepository contacts;
	private final OwnershipHistory ownership;
	private final CustomerQueries queries;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final EntityManager entities;

	CustomerManagement(CustomerRepository customers, ContactRepository contacts, OwnershipHistory ownership,
			CustomerQueries queries, DataScopes scopes, OrgDirectory org, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, EntityManager entities) {
		this.entities = entities;
		this.customers = customers;
		this.contacts = contacts;
		this.ownership = ownership;
		this.queries = queries;
		this.scopes = scopes;
		this.org = org;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public PageResponse<CustomerView> list(CurrentUser actor, Filter filter, ListQuery query) {
		return queries.customers(scopes.of(actor), toQuery(filter), query);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<CustomerView> sink) {
		queries.each(scopes.of(actor), toQuery(filter), query, sink);
	}

	private CustomerQueries.Filter toQuery(Filter f) {
		Set<Long> units = f.unitId() == null ? null : org.subtree(f.unitId());
		return new CustomerQueries.Filter(f.q(), f.status(), f.segment(), f.potentialClass(), f.ownerStaffId(), units,
				f.includeArchived());
	}

	@Transactional(readOnly = true)
	public CustomerView get(CurrentUser actor, long id) {
		CustomerView view = queries.customer(scopes.of(actor), id);
		if (view == null) {
			throw new NotFoundException("customer", id);
		}
		return view;
	}

	@Transactional(readOnly = true)
	public List<ContactView> contacts(CurrentUser actor, long customerId) {
		get(actor, customerId);
		return queries.contacts(customerId);
	}

	@Transactional(readOnly = true)
	public List<OwnershipPeriod> ownership(CurrentUser actor, long customerId) {
		get(actor, customerId);
		return ownership.of(customerId);
	}

	/**
	 * A few active accounts the user sees whose name, tax id, city or external id contains {@code q}, by name: what
	 * a search-as-you-type picker offers (never the whole list). {@code ownerStaffId} keeps one person's accounts.
	 */
	@Transactional(readOnly = true)
	public List<CustomerOption> options(CurrentUser actor, @Nullable String q, @Nullable Long ownerStaffId, int limit) {
		return queries.options(scopes.of(actor), q, ownerStaffId, Math.max(1, Math.min(limit, 50)));
	}

	/** {@link #options(CurrentUser, String, Long, int)} one page at a time with the total, for the API. */
	@Transactional(readOnly = true)
	public PageResponse<CustomerOption> options(CurrentUser actor, @Nullable String q, ListQuery query) {
		return queries.options(scopes.of(actor), q, query);
	}

	/** Whether the user may see the account (for other modules that attach records to accounts). */
	@Transactional(readOnly = true)
	public boolean isVisible(CurrentUser actor, long customerId) {
		return queries.customer(scopes.of(actor), customerId) != null;
	}

	/** Whether the user may change this account (pages offer the edit buttons accordingly). */
	@Transactional(readOnly = true)
	public boolean mayEdit(CurrentUser actor, CustomerView customer) {
		DataScope scope = scopes.of(actor);
		if (actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			return true;
		}
		if (actor.has(Role.MANAGER) && scope.managesUnit(customer.unitId())) {
			return true;
		}
		return actor.hasAny(Role.REP, Role.MANAGER) && customer.ownerStaffId() != null
				&& customer.ownerStaffId().equals(scope.ownStaffId());
	}

	public static boolean mayCreate(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	// ---- writing

	@Transactional
	public CustomerView create(CurrentUser actor, CustomerDetails details) {
		if (!mayCreate(actor)) {
			throw new AccessRefusedException("customers");
		}
		List<FieldError> errors = new ArrayList<>();
		Assignment assignment = assignment(actor, details, errors);
		validate(actor, null, details, errors);
		Customer customer = new Customer(details.legalName().trim(), assignment.unitId());
		describe(customer, details);
		customers.saveAndFlush(customer);
		LocalDate since = details.effectiveDate() == null ? LocalDate.now(clock) : details.effectiveDate();
		ownership.assign(customer, assignment.ownerStaffId(), assignment.unitId(), since);
		customers.flush();
		audit.record("CUSTOMER", customer.id(), "CREATE", null, customer.auditState(), customer.legalName());
		events.publishEvent(new CustomerCreated(CustomerId.of(customer.id()), staffId(customer.ownerStaffId()),
				UnitId.of(customer.unitId()), since));
		return get(actor, customer.id());
	}

	@Transactional
	public CustomerView update(CurrentUser actor, long id, long version, CustomerDetails details) {
		CustomerView current = get(actor, id);
		if (!mayEdit(actor, current)) {
			throw new AccessRefusedException("customers");
		}
		Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
		if (customer.version() != version) {
			// Re-read: another edit may have committed since {@code current} was read.
			throw new StaleVersionException(version, get(actor, id));
		}
		List<FieldError> errors = new ArrayList<>();
		Assignment assignment = assignment(actor, details, errors);
		validate(actor, customer, details, errors);
		var before = customer.auditState();
		Long ownerBefore = customer.ownerStaffId();
		long unitBefore = customer.unitId();
		describe(customer, details);
		LocalDate effective = details.effectiveDate() == null ? LocalDate.now(clock) : details.effectiveDate();
		StaleVersionException.guard(version, () -> {
			ownership.assign(customer, assignment.ownerStaffId(), assignment.unitId(), effective);
			return customers.saveAndFlush(customer);
		}, () -> get(actor, id));
		var after = customer.auditState();
		audit.record("CUSTOMER", id, "UPDATE", before, after, customer.legalName());
		if (!detailsOnly(before).equals(detailsOnly(after))) {
			events.publishEvent(new CustomerDetailsChanged(CustomerId.of(id)));
		}
		if (!java.util.Objects.equals(ownerBefore, customer.ownerStaffId()) || unitBefore != customer.unitId()) {
			events.publishEvent(new CustomerOwnerChanged(CustomerId.of(id), staffId(ownerBefore),
					staffId(customer.ownerStaffId()), UnitId.of(unitBefore), UnitId.of(customer.unitId()), effective));
		}
		return get(actor, id);
	}

	/** One account's new owner and unit in a realignment. */
	public record Reassignment(CustomerId customer, @Nullable StaffId owner, UnitId unit) {
	}

	/**
	 * Hands accounts to new owners and units from {@code effective} through the ownership history, as a territory
	 * realignment decided (the caller checked who may do it): each change is audited with {@code reason} and announced
	 * as {@link CustomerOwnerChanged}. Accounts already with that owner and unit are left alone. Answers how many
	 * changed. Nothing is announced for the call as a whole, so a realignment handed over in chunks, a call per chunk,
	 * ends as one call with every move would; the accounts a call loads leave the persistence context once written,
	 * so such a caller holds one chunk of them, not the company.
	 */
	@Transactional
	public int realign(List<Reassignment> moves, LocalDate effective, String reason) {
		int changed = 0;
		List<Customer> loaded = new ArrayList<>(moves.size());
		for (Reassignment move : moves) {
			Customer customer = customers.findById(move.customer().value())
				.orElseThrow(() -> new NotFoundException("customer", move.customer().value()));
			loaded.add(customer);
			Long ownerBefore = customer.ownerStaffId();
			long unitBefore = customer.unitId();
			Long owner = move.owner() == null ? null : move.owner().value();
			if (java.util.Objects.equals(ownerBefore, owner) && unitBefore == move.unit().value()) {
				continue;
			}
			var before = customer.auditState();
			ownership.assign(customer, owner, move.unit().value(), effective);
			customers.save(customer);
			audit.record("CUSTOMER", customer.id(), "REALIGN", before, customer.auditState(), reason);
			events.publishEvent(new CustomerOwnerChanged(move.customer(), staffId(ownerBefore), move.owner(),
					UnitId.of(unitBefore), move.unit(), effective));
			changed++;
		}
		customers.flush();
		loaded.forEach(entities::detach);
		return changed;
	}

	/** Archives an account; an account already archived is refused (409) and nothing is written. */
	@Transactional
	public void archive(CurrentUser actor, long id) {
		CustomerView current = get(actor, id);
		if (!mayEdit(actor, current)) {
			throw new AccessRefusedException("customers");
		}
		Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
		var before = customer.auditState();
		customer.archive();
		audit.record("CUSTOMER", id, "ARCHIVE", before, customer.auditState(), customer.legalName());
		events.publishEvent(new CustomerArchived(CustomerId.of(id)));
	}

	/** An account's audited fields without its owner and unit (their change is {@link CustomerOwnerChanged}). */
	private static java.util.Map<String, Object> detailsOnly(java.util.Map<String, Object> state) {
		java.util.Map<String, Object> details = new java.util.HashMap<>(state);
		details.keySet().removeAll(java.util.Set.of("ownerStaffId", "unitId", "version"));
		return details;
	}

	@Transactional
	public ContactView addContact(CurrentUser actor, long customerId, ContactDetails details) {
		requireEditable(actor, customerId);
		validateContact(details);
		Contact contact = new Contact(customerId);
		contact.describe(blank(details.externalId()), details.fullName().trim(), blank(details.jobTitle()),
				details.role(), blank(details.email()), blank(details.phone()), details.primary());
		contacts.saveAndFlush(contact);
		keepOnePrimary(contact);
		audit.record("CONTACT", contact.id(), "CREATE", null, contact.auditState(), contact.fullName());
		return contact(customerId, contact.id());
	}

	@Transactional
	public ContactView updateContact(CurrentUser actor, long customerId, long contactId, long version,
			ContactDetails details) {
		requireEditable(actor, customerId);
		Contact contact = contacts.findById(contactId)
			.filter(c -> c.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("contact", contactId));
		if (contact.version() != version) {
			throw new StaleVersionException(version, contact(customerId, contactId));
		}
		validateContact(details);
		var before = contact.auditState();
		contact.describe(blank(details.externalId()), details.fullName().trim(), blank(details.jobTitle()),
				details.role(), blank(details.email()), blank(details.phone()), details.primary());
		contacts.saveAndFlush(contact);
		keepOnePrimary(contact);
		audit.record("CONTACT", contactId, "UPDATE", before, contact.auditState(), contact.fullName());
		return contact(customerId, contactId);
	}

	@Transactional
	public void archiveContact(CurrentUser actor, long customerId, long contactId) {
		requireEditable(actor, customerId);
		Contact contact = contacts.findById(contactId)
			.filter(c -> c.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("contact", contactId));
		var before = contact.auditState();
		contact.archive();
		audit.record("CONTACT", contactId, "ARCHIVE", before, contact.auditState(), contact.fullName());
	}

	private ContactView contact(long customerId, long contactId) {
		return queries.contacts(customerId)
			.stream()
			.filter(c -> c.id() == contactId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("contact", contactId));
	}

	private void keepOnePrimary(Contact contact) {
		if (contact.primary()) {
			contacts.findByCustomerIdAndArchivedFalse(contact.customerId())
				.stream()
				.filter(other -> other.id() != contact.id() && other.primary())
				.forEach(Contact::notPrimary);
		}
	}

	private void requireEditable(CurrentUser actor, long customerId) {
		if (!mayEdit(actor, get(actor, customerId))) {
			throw new AccessRefusedException("customers");
		}
	}

	private record Assignment(@Nullable Long ownerStaffId, long unitId) {
	}

	/**
	 * Who owns the account and where it belongs, as the actor may set them: a salesperson always assigns to
	 * themselves; a manager within their subtree; directors and administrators anywhere.
	 */
	private Assignment assignment(CurrentUser actor, CustomerDetails details, List<FieldError> errors) {
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		Long owner = details.ownerStaffId();
		if (!companyWide && !actor.has(Role.MANAGER)) {
			owner = scope.ownStaffId();
		}
		Long unit = details.unitId();
		if (owner != null) {
			var staff = org.staff(owner);
			if (staff.isEmpty() || !staff.get().active()) {
				errors.add(new FieldError("ownerStaffId", "customers.customer.owner.unknown"));
			}
			else if (!companyWide && !scope.managesUnit(staff.get().unitId()) && !owner.equals(scope.ownStaffId())) {
				errors.add(new FieldError("ownerStaffId", "customers.customer.owner.outOfScope"));
			}
			else if (unit == null || (!companyWide && !actor.has(Role.MANAGER))) {
				unit = staff.get().unitId();
			}
		}
		if (unit == null) {
			errors.add(new FieldError("unitId", "customers.customer.unit.required"));
		}
		else if (!org.isActiveUnit(unit) || (!companyWide && !scope.managesUnit(unit) && !unit.equals(scope.ownUnitId()))) {
			errors.add(new FieldError("unitId", "customers.customer.unit.unknown"));
		}
		return new Assignment(owner, unit == null ? -1L : unit);
	}

	/** Checks the account's own fields and throws every error found, including those of the assignment. */
	private void validate(CurrentUser actor, @Nullable Customer existing, CustomerDetails details,
			List<FieldError> errors) {
		if (details.legalName() == null || details.legalName().isBlank()) {
			errors.add(new FieldError("legalName", "customers.customer.legalName.required"));
		}
		String taxId = blank(details.taxId());
		if (taxId != null && !taxId.matches("[A-Za-z0-9-]{3,32}")) {
			errors.add(new FieldError("taxId", "customers.customer.taxId.invalid"));
		}
		else if (taxId != null) {
			// A customer the user may not see is not confirmed to exist: the value is refused like a malformed one.
			taken(actor, existing, customers.findByTaxKey(Customer.taxKey(taxId))).ifPresent(visible -> errors.add(visible
					? new FieldError("taxId", "customers.customer.taxId.taken", taxId)
					: new FieldError("taxId", "customers.customer.taxId.invalid")));
		}
		String external = blank(details.externalId());
		if (external != null) {
			taken(actor, existing, customers.findByExternalId(external)).ifPresent(visible -> errors.add(visible
					? new FieldError("externalId", "customers.customer.externalId.taken", external)
					: new FieldError("externalId", "customers.customer.externalId.invalid")));
		}
		if (details.annualPotential() != null
				&& (details.annualPotential().signum() < 0 || !Amounts.fitsPrice(details.annualPotential()))) {
			errors.add(new FieldError("annualPotential", "customers.customer.annualPotential.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	/** Empty when no other customer holds the value; otherwise whether the user may see one that does. */
	private java.util.Optional<Boolean> taken(CurrentUser actor, @Nullable Customer existing, List<Customer> holders) {
		List<Long> others = holders.stream().map(Customer::id).filter(id -> existing == null || id != existing.id())
			.toList();
		if (others.isEmpty()) {
			return java.util.Optional.empty();
		}
		var scope = scopes.of(actor);
		return java.util.Optional.of(others.stream().anyMatch(id -> queries.customer(scope, id) != null));
	}

	private static void validateContact(ContactDetails details) {
		if (details.fullName() == null || details.fullName().isBlank()) {
			throw ValidationFailedException.of("fullName", "customers.contact.fullName.required");
		}
	}

	private static void describe(Customer customer, CustomerDetails d) {
		customer.describe(blank(d.externalId()), d.legalName().trim(), blank(d.taxId()), d.segment(), blank(d.industry()),
				d.companySize(), blank(d.region()), blank(d.address()), blank(d.postalCode()), blank(d.city()),
				d.potentialClass(), d.annualPotential(), d.status());
	}

	private static @Nullable StaffId staffId(@Nullable Long id) {
		return id == null ? null : StaffId.of(id);
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
