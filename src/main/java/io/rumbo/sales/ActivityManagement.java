package io.rumbo.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.domain.Activity;
import io.rumbo.sales.domain.ActivityRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Visits and other activities with customers. A salesperson plans and records their own; a manager sees and
 * plans those of their subtree (the team's visits); company-wide roles see all. An activity that becomes done is
 * announced with {@link ActivityDone}, once: a done activity keeps the day it was done. An edit of a done activity's
 * type or owner is announced with {@link ActivityChanged}.
 */
@Service
public class ActivityManagement {

	public static final Map<String, String> SORTS = Map.of("plannedOn", "a.planned_on", "doneOn", "a.done_on", "type",
			"a.activity_type");

	public record Filter(@Nullable Long ownerStaffId, @Nullable Long customerId, @Nullable ActivityType type,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Boolean done) {
	}

	public record ActivityDetails(long customerId, @Nullable Long contactId, ActivityType type,
			@Nullable Long ownerStaffId, LocalDate plannedOn, @Nullable LocalDate doneOn, @Nullable Integer durationMinutes,
			@Nullable String outcome, @Nullable String notes, @Nullable String nextStep) {
	}

	private final ActivityRepository activities;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final io.rumbo.shared.export.ExportCursor cursor;

	ActivityManagement(ActivityRepository activities, CustomerManagement customerManagement,
			CustomerDirectory customers, OrgDirectory org, DataScopes scopes, AuditTrail audit, JdbcClient jdbc,
			ApplicationEventPublisher events, io.rumbo.shared.export.ExportCursor cursor) {
		this.events = events;
		this.cursor = cursor;
		this.activities = activities;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public PageResponse<ActivityView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_activity a" + where).params(params).query(Long.class).single();
		List<ActivityView> rows = rows(where + query.orderBy("a.id") + query.limit(), params);
		return PageResponse.of(rows, query, total);
	}

	/**
	 * Every activity the filter selects, read by one query with a fetch size and named a thousand at a time, so an
	 * export of any size holds one batch (the pages use {@link #list}).
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query,
			java.util.function.Consumer<ActivityView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		cursor.each("SELECT a.* FROM sales_activity a" + where + query.orderBy("a.id"), params, ActivityManagement::raw,
				this::named, sink);
	}

	/**
	 * An activity as the visit import reads it: the customer by external id, the salesperson by employee number
	 * (blank when they have left, so the import falls back to the account owner).
	 */
	public record ExportedVisit(@Nullable String externalId, @Nullable String customer, ActivityType type,
			@Nullable String salesperson, LocalDate plannedOn, @Nullable LocalDate doneOn,
			@Nullable Integer durationMinutes, @Nullable String outcome, @Nullable String notes,
			@Nullable String nextStep) {
	}

	/** Every activity the filter selects, in the visit import's terms, streamed (for the API export). */
	@Transactional(readOnly = true)
	public void eachVisit(CurrentUser actor, Filter filter, ListQuery query,
			java.util.function.Consumer<ExportedVisit> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		cursor.each("SELECT a.* FROM sales_activity a" + where + query.orderBy("a.id"), params, (rs, n) -> {
			ActivityView a = raw(rs, n);
			return Map.entry(a, java.util.Objects.requireNonNullElse(rs.getString("external_id"), ""));
		}, batch -> {
			Map<Long, String> accounts = customers
				.externalIds(batch.stream().map(e -> e.getKey().customerId()).collect(java.util.stream.Collectors.toSet()));
			Map<Long, String> people = org.activeEmployeeNumbers(
					batch.stream().map(e -> e.getKey().ownerStaffId()).collect(java.util.stream.Collectors.toSet()));
			return batch.stream().map(e -> {
				ActivityView a = e.getKey();
				return new ExportedVisit(e.getValue().isEmpty() ? null : e.getValue(), accounts.get(a.customerId()),
						a.type(), people.get(a.ownerStaffId()), a.plannedOn(), a.doneOn(), a.durationMinutes(), a.outcome(),
						a.notes(), a.nextStep());
			}).toList();
		}, sink);
	}

	@Transactional(readOnly = true)
	public ActivityView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), new Filter(null, null, null, null, null, null), params) + " AND a.id = :id";
		params.put("id", id);
		List<ActivityView> rows = rows(where, params);
		if (rows.isEmpty()) {
			throw new NotFoundException("activity", id);
		}
		return rows.get(0);
	}

	public static boolean mayPlan(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	@Transactional
	public ActivityView create(CurrentUser actor, ActivityDetails details) {
		return create(actor, details, null);
	}

	/** Creates an activity that keeps the id it has in the system it was imported from. */
	@Transactional
	public ActivityView create(CurrentUser actor, ActivityDetails details, @Nullable String externalId) {
		if (!mayPlan(actor)) {
			throw new AccessRefusedException("activities");
		}
		Activity activity = new Activity(details.customerId(), details.type());
		describe(actor, activity, details);
		boolean done = activity.recordDone(details.doneOn());
		if (externalId != null) {
			activity.identifyAs(externalId);
		}
		activities.saveAndFlush(activity);
		audit.record("ACTIVITY", activity.id(), "CREATE", null, activity.auditState(), details.type().name());
		if (done) {
			announceDone(activity);
		}
		return get(actor, activity.id());
	}

	@Transactional
	public ActivityView update(CurrentUser actor, long id, long version, ActivityDetails details) {
		ActivityView current = get(actor, id);
		if (!mayPlan(actor)) {
			throw new AccessRefusedException("activities");
		}
		Activity activity = activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
		if (activity.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = activity.auditState();
		ActivityChanged.Facts counted = activity.doneOn() == null ? null : facts(activity);
		describe(actor, activity, details);
		boolean done = activity.recordDone(details.doneOn());
		activities.saveAndFlush(activity);
		audit.record("ACTIVITY", id, "UPDATE", before, activity.auditState(), details.type().name());
		if (done) {
			announceDone(activity);
		}
		else if (counted != null && !counted.equals(facts(activity))) {
			events.publishEvent(new ActivityChanged(ActivityId.of(id), counted, facts(activity)));
		}
		return get(actor, id);
	}

	private static ActivityChanged.Facts facts(Activity activity) {
		return new ActivityChanged.Facts(activity.type(), StaffId.of(activity.ownerStaffId()),
				UnitId.of(activity.ownerUnitId()), java.util.Objects.requireNonNull(activity.doneOn()));
	}

	private void announceDone(Activity activity) {
		events.publishEvent(new ActivityDone(ActivityId.of(activity.id()), activity.type(),
				CustomerId.of(activity.customerId()), StaffId.of(activity.ownerStaffId()),
				UnitId.of(activity.ownerUnitId()), activity.doneOn()));
	}

	private void describe(CurrentUser actor, Activity activity, ActivityDetails d) {
		List<FieldError> errors = new ArrayList<>();
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		var customer = customers.find(d.customerId());
		if (customer.isEmpty() || (!companyWide && !customerManagement.isVisible(actor, d.customerId()))) {
			errors.add(new FieldError("customerId", "sales.order.customer.unknown"));
		}
		if (d.contactId() != null && customer.isPresent() && customerManagementContacts(actor, d.customerId())
			.stream()
			.noneMatch(c -> c == d.contactId())) {
			errors.add(new FieldError("contactId", "sales.activity.contact.unknown"));
		}
		// A salesperson's activities are their own; others plan for anyone they manage, by default the account owner.
		Long owner;
		if (companyWide || actor.has(Role.MANAGER)) {
			owner = d.ownerStaffId() != null ? d.ownerStaffId()
					: customer.map(CustomerDirectory.CustomerRef::ownerStaffId).orElse(scope.ownStaffId());
		}
		else {
			owner = scope.ownStaffId();
		}
		var staff = owner == null ? java.util.Optional.<OrgDirectory.StaffSummary>empty() : org.staff(owner);
		long unit = -1;
		if (staff.isEmpty() || !staff.get().active()) {
			errors.add(new FieldError("ownerStaffId", "sales.opportunity.owner.unknown"));
		}
		else {
			unit = staff.get().unitId();
			if (!companyWide && !scope.managesUnit(unit) && !Long.valueOf(staff.get().id()).equals(scope.ownStaffId())) {
				errors.add(new FieldError("ownerStaffId", "sales.opportunity.owner.unknown"));
			}
		}
		if (d.doneOn() != null && d.doneOn().isBefore(d.plannedOn().minusYears(1))) {
			errors.add(new FieldError("doneOn", "sales.activity.doneOn.invalid"));
		}
		if (d.durationMinutes() != null && (d.durationMinutes() < 0 || d.durationMinutes() > 24 * 60)) {
			errors.add(new FieldError("durationMinutes", "sales.activity.duration.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		activity.describe(d.customerId(), d.contactId(), d.type(), owner, unit, d.plannedOn(), d.durationMinutes(),
				blank(d.outcome()), blank(d.notes()), blank(d.nextStep()));
	}

	private List<Long> customerManagementContacts(CurrentUser actor, long customerId) {
		try {
			return customerManagement.contacts(actor, customerId).stream().map(c -> c.id()).toList();
		}
		catch (NotFoundException ex) {
			return List.of();
		}
	}


	/**
	 * The imported activities the user sees that carry one of these external ids, by that id, a thousand ids per
	 * query: an import reads only what its file names.
	 */
	@Transactional(readOnly = true)
	public Map<String, ActivityView> byExternalIds(CurrentUser actor, java.util.Collection<String> externalIds) {
		DataScope scope = scopes.of(actor);
		List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(externalIds));
		Map<String, ActivityView> found = new HashMap<>();
		for (int i = 0; i < all.size(); i += 1000) {
			Map<String, Object> params = new HashMap<>();
			String where = where(scope, new Filter(null, null, null, null, null, null), params)
					+ " AND a.external_id IN (:externalIds)";
			params.put("externalIds", all.subList(i, Math.min(all.size(), i + 1000)));
			Map<Long, String> ids = new HashMap<>();
			jdbc.sql("SELECT a.id, a.external_id FROM sales_activity a" + where).params(params).query(rs -> {
				ids.put(rs.getLong(1), rs.getString(2));
			});
			if (!ids.isEmpty()) {
				Map<String, Object> p = new HashMap<>();
				p.put("ids", ids.keySet());
				rows(" WHERE a.id IN (:ids)", p).forEach(v -> found.put(ids.get(v.id()), v));
			}
		}
		return found;
	}

	private List<ActivityView> rows(String whereOrderLimit, Map<String, Object> params) {
		return named(jdbc.sql("SELECT a.* FROM sales_activity a" + whereOrderLimit)
			.params(params)
			.query(ActivityManagement::raw)
			.list());
	}

	private static ActivityView raw(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ActivityView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"), null,
				(Long) rs.getObject("contact_id", Long.class), ActivityType.valueOf(rs.getString("activity_type")),
				rs.getLong("owner_staff_id"), null, rs.getObject("planned_on", LocalDate.class),
				rs.getObject("done_on", LocalDate.class), (Integer) rs.getObject("duration_minutes", Integer.class),
				rs.getString("outcome"), rs.getString("notes"), rs.getString("next_step"));
	}

	/** The rows with their owners' and customers' names, in two queries for the whole list. */
	private List<ActivityView> named(List<ActivityView> raw) {
		Set<Long> owners = new HashSet<>();
		Set<Long> accounts = new HashSet<>();
		raw.forEach(a -> {
			owners.add(a.ownerStaffId());
			accounts.add(a.customerId());
		});
		Map<Long, String> ownerNames = org.staffNames(owners);
		Map<Long, String> customerNames = customers.names(accounts);
		return raw.stream()
			.map(a -> new ActivityView(a.id(), a.version(), a.customerId(), customerNames.get(a.customerId()),
					a.contactId(), a.type(), a.ownerStaffId(), ownerNames.get(a.ownerStaffId()), a.plannedOn(), a.doneOn(),
					a.durationMinutes(), a.outcome(), a.notes(), a.nextStep()))
			.toList();
	}

	private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scope.sql("a.owner_unit_id", "a.owner_staff_id", params));
		if (filter.ownerStaffId() != null) {
			where.append(" AND a.owner_staff_id = :owner");
			params.put("owner", filter.ownerStaffId());
		}
		if (filter.customerId() != null) {
			where.append(" AND a.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.type() != null) {
			where.append(" AND a.activity_type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.from() != null) {
			where.append(" AND a.planned_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND a.planned_on <= :to");
			params.put("to", filter.to());
		}
		if (filter.done() != null) {
			where.append(filter.done() ? " AND a.done_on IS NOT NULL" : " AND a.done_on IS NULL");
		}
		return where.toString();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
