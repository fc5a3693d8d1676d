package io.rumbo.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.domain.OwnershipHistory;
import io.rumbo.customers.domain.ServiceCase;
import io.rumbo.customers.domain.ServiceCaseRepository;
import io.rumbo.customers.domain.ServiceQueries;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * After-sales service: cases and satisfaction ratings. Whoever may edit an account records its cases and ratings;
 * each is attributed to the salesperson who owned the relationship on the day it was opened or rated, so service
 * quality can later be measured per person and unit. Ratings are facts: recorded once, never edited.
 */
@Service
public class ServiceManagement {

	public static final Map<String, String> CASE_SORTS = ServiceQueries.CASE_SORTS;

	public static final Map<String, String> RATING_SORTS = ServiceQueries.RATING_SORTS;

	public record CaseFilter(@Nullable String q, @Nullable Long customerId, @Nullable Long staffId,
			@Nullable Long unitId, @Nullable Boolean open, @Nullable CasePriority priority,
			@Nullable CaseCategory category, @Nullable LocalDate from, @Nullable LocalDate to) {

		public static CaseFilter none() {
			return new CaseFilter(null, null, null, null, null, null, null, null, null);
		}
	}

	public record RatingFilter(@Nullable Long customerId, @Nullable Long caseId, @Nullable Long staffId,
			@Nullable Long unitId, @Nullable LocalDate from, @Nullable LocalDate to) {
	}

	/** A case as its author describes it; {@code orderNumber} may be the order number or its external number. */
	public record CaseDetails(@Nullable String externalId, long customerId, @Nullable String orderNumber,
			String subject, CaseCategory category, CasePriority priority, LocalDate openedOn,
			@Nullable LocalDate resolvedOn, @Nullable String resolution) {
	}

	public record RatingDetails(long customerId, @Nullable Long caseId, @Nullable String orderNumber,
			LocalDate ratedOn, int csat, @Nullable Integer nps, @Nullable String comment) {
	}

	private final ServiceCaseRepository cases;
	private final ServiceQueries queries;
	private final CustomerManagement customers;
	private final CustomerDirectory directory;
	private final OwnershipHistory ownership;
	private final CustomerSalesHistory sales;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ServiceManagement(ServiceCaseRepository cases, ServiceQueries queries, CustomerManagement customers,
			CustomerDirectory directory, OwnershipHistory ownership, CustomerSalesHistory sales, DataScopes scopes,
			OrgDirectory org, AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.queries = queries;
		this.customers = customers;
		this.directory = directory;
		this.ownership = ownership;
		this.sales = sales;
		this.scopes = scopes;
		this.org = org;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public PageResponse<ServiceCaseView> cases(CurrentUser actor, CaseFilter filter, ListQuery query) {
		return queries.cases(scopes.of(actor), toQuery(filter), query);
	}

	/** Every case the filter selects, streamed (for exports of any size). */
	@Transactional(readOnly = true)
	public void eachCase(CurrentUser actor, CaseFilter filter, ListQuery query,
			java.util.function.Consumer<ServiceCaseView> sink) {
		queries.eachCase(scopes.of(actor), toQuery(filter), query, sink);
	}

	/** Every case the filter selects, in the service-case import's terms, streamed (for the API export). */
	@Transactional(readOnly = true)
	public void eachCaseForImport(CurrentUser actor, CaseFilter filter, ListQuery query,
			java.util.function.Consumer<io.rumbo.customers.domain.ServiceQueries.ExportedCase> sink) {
		queries.eachCaseForImport(scopes.of(actor), toQuery(filter), query, sink);
	}

	@Transactional(readOnly = true)
	public ServiceCaseView get(CurrentUser actor, long id) {
		ServiceCaseView view = queries.serviceCase(scopes.of(actor), id);
		if (view == null) {
			throw new NotFoundException("serviceCase", id);
		}
		return view;
	}

	@Transactional(readOnly = true)
	public PageResponse<SatisfactionView> ratings(CurrentUser actor, RatingFilter filter, ListQuery query) {
		return queries.ratings(scopes.of(actor), toQuery(filter), query);
	}

	/** Case and satisfaction figures for what the filters select (a customer, a person, a unit, a period). */
	@Transactional(readOnly = true)
	public ServiceSummary summary(CurrentUser actor, CaseFilter cases, RatingFilter ratings) {
		return queries.summary(scopes.of(actor), toQuery(cases), toQuery(ratings));
	}

	private ServiceQueries.CaseFilter toQuery(CaseFilter f) {
		Set<Long> units = f.unitId() == null ? null : org.subtree(f.unitId());
		return new ServiceQueries.CaseFilter(f.q(), f.customerId(), f.staffId(), units, f.open(), f.priority(),
				f.category(), f.from(), f.to());
	}

	private ServiceQueries.RatingFilter toQuery(RatingFilter f) {
		Set<Long> units = f.unitId() == null ? null : org.subtree(f.unitId());
		return new ServiceQueries.RatingFilter(f.customerId(), f.caseId(), f.staffId(), units, f.from(), f.to());
	}

	/** Whether the user may record cases and ratings for this account. */
	@Transactional(readOnly = true)
	public boolean mayRecord(CurrentUser actor, long customerId) {
		try {
			return customers.mayEdit(actor, customers.get(actor, customerId));
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	// ---- writing

	/** Opens a case; with {@code resolvedOn} it is resolved at once (a case recorded after the fact). */
	@Transactional
	public ServiceCaseView open(CurrentUser actor, CaseDetails details) {
		ServiceCase serviceCase = new ServiceCase(details.customerId(), details.openedOn());
		apply(actor, serviceCase, details, null);
		if (details.resolvedOn() != null) {
			serviceCase.resolve(details.resolvedOn(), blank(details.resolution()));
		}
		else {
			serviceCase.note(blank(details.resolution()));
		}
		cases.saveAndFlush(serviceCase);
		serviceCase.number();
		cases.saveAndFlush(serviceCase);
		audit.record("SERVICE_CASE", serviceCase.id(), "CREATE", null, serviceCase.auditState(),
				serviceCase.caseNumber());
		events.publishEvent(new ServiceCaseOpened(ServiceCaseId.of(serviceCase.id()),
				CustomerId.of(serviceCase.customerId()), staffId(serviceCase), UnitId.of(serviceCase.unitId()),
				serviceCase.openedOn(), serviceCase.priority(), serviceCase.category()));
		if (serviceCase.resolved()) {
			events.publishEvent(resolved(serviceCase));
		}
		return get(actor, serviceCase.id());
	}

	/**
	 * A full edit of the case. Its resolution date drives the state: a date on an open case resolves it, no date on
	 * a resolved case reopens it, another date on a resolved case corrects the resolution. A correction of what a
	 * resolution counts for (its date, the opened date, the account and so the attribution) is announced with both
	 * states ({@link ServiceCaseResolutionChanged}).
	 */
	@Transactional
	public ServiceCaseView update(CurrentUser actor, long id, long version, CaseDetails details) {
		ServiceCaseView current = get(actor, id);
		ServiceCase serviceCase = cases.findById(id).orElseThrow(() -> new NotFoundException("serviceCase", id));
		if (serviceCase.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = serviceCase.auditState();
		ServiceCaseResolved resolvedBefore = serviceCase.resolved() ? resolved(serviceCase) : null;
		apply(actor, serviceCase, details, id);
		String resolution = blank(details.resolution());
		Object event = null;
		if (details.resolvedOn() == null && resolvedBefore != null) {
			serviceCase.reopen();
			serviceCase.note(resolution);
			// The resolution that no longer counts is the one announced: its attribution, before this edit.
			event = new ServiceCaseReopened(resolvedBefore.serviceCase(), resolvedBefore.customer(),
					resolvedBefore.owner(), resolvedBefore.unit(), resolvedBefore.resolvedOn());
		}
		else if (details.resolvedOn() == null) {
			serviceCase.note(resolution);
		}
		else if (resolvedBefore == null) {
			serviceCase.resolve(details.resolvedOn(), resolution);
			event = resolved(serviceCase);
		}
		else {
			serviceCase.correctResolution(details.resolvedOn(), resolution);
			ServiceCaseResolved after = resolved(serviceCase);
			event = after.equals(resolvedBefore) ? null
					: new ServiceCaseResolutionChanged(after.serviceCase(), resolution(resolvedBefore), resolution(after));
		}
		cases.saveAndFlush(serviceCase);
		audit.record("SERVICE_CASE", id, "UPDATE", before, serviceCase.auditState(), serviceCase.caseNumber());
		if (event != null) {
			events.publishEvent(event);
		}
		return get(actor, id);
	}

	/** Resolves an open case (today when no date is given); a resolved case is refused with 409. */
	@Transactional
	public ServiceCaseView resolve(CurrentUser actor, long id, @Nullable LocalDate resolvedOn,
			@Nullable String resolution) {
		ServiceCase serviceCase = recordable(actor, id);
		LocalDate on = resolvedOn == null ? LocalDate.now(clock) : resolvedOn;
		if (on.isBefore(serviceCase.openedOn())) {
			throw ValidationFailedException.of("resolvedOn", "customers.case.resolvedOn.beforeOpened");
		}
		if (on.isAfter(LocalDate.now(clock))) {
			throw ValidationFailedException.of("resolvedOn", "customers.case.resolvedOn.future");
		}
		var before = serviceCase.auditState();
		serviceCase.resolve(on, blank(resolution));
		cases.saveAndFlush(serviceCase);
		audit.record("SERVICE_CASE", id, "RESOLVE", before, serviceCase.auditState(), serviceCase.caseNumber());
		events.publishEvent(resolved(serviceCase));
		return get(actor, id);
	}

	/** Opens a resolved case again; an open case is refused with 409. */
	@Transactional
	public ServiceCaseView reopen(CurrentUser actor, long id) {
		ServiceCase serviceCase = recordable(actor, id);
		var before = serviceCase.auditState();
		LocalDate wasResolvedOn = serviceCase.resolvedOn();
		serviceCase.reopen();
		cases.saveAndFlush(serviceCase);
		audit.record("SERVICE_CASE", id, "REOPEN", before, serviceCase.auditState(), serviceCase.caseNumber());
		events.publishEvent(reopened(serviceCase, java.util.Objects.requireNonNull(wasResolvedOn)));
		return get(actor, id);
	}

	private ServiceCase recordable(CurrentUser actor, long id) {
		ServiceCaseView current = get(actor, id);
		requireRecordable(actor, current.customerId());
		return cases.findById(id).orElseThrow(() -> new NotFoundException("serviceCase", id));
	}

	private static ServiceCaseResolved resolved(ServiceCase serviceCase) {
		return new ServiceCaseResolved(ServiceCaseId.of(serviceCase.id()), CustomerId.of(serviceCase.customerId()),
				staffId(serviceCase), UnitId.of(serviceCase.unitId()), serviceCase.openedOn(),
				java.util.Objects.requireNonNull(serviceCase.resolvedOn()), serviceCase.resolutionDays());
	}

	private static ServiceCaseResolutionChanged.Resolution resolution(ServiceCaseResolved resolved) {
		return new ServiceCaseResolutionChanged.Resolution(resolved.customer(), resolved.owner(), resolved.unit(),
				resolved.openedOn(), resolved.resolvedOn(), resolved.resolutionDays());
	}

	private static ServiceCaseReopened reopened(ServiceCase serviceCase, LocalDate wasResolvedOn) {
		return new ServiceCaseReopened(ServiceCaseId.of(serviceCase.id()), CustomerId.of(serviceCase.customerId()),
				staffId(serviceCase), UnitId.of(serviceCase.unitId()), wasResolvedOn);
	}

	private static @Nullable StaffId staffId(ServiceCase serviceCase) {
		return serviceCase.staffId() == null ? null : StaffId.of(serviceCase.staffId());
	}

	@Transactional
	public SatisfactionView rate(CurrentUser actor, RatingDetails details) {
		List<FieldError> errors = new ArrayList<>();
		requireRecordable(actor, details.customerId());
		if (details.csat() < 1 || details.csat() > 5) {
			errors.add(new FieldError("csat", "customers.rating.csat.invalid"));
		}
		if (details.nps() != null && (details.nps() < 0 || details.nps() > 10)) {
			errors.add(new FieldError("nps", "customers.rating.nps.invalid"));
		}
		if (details.ratedOn().isAfter(LocalDate.now(clock))) {
			errors.add(new FieldError("ratedOn", "customers.rating.ratedOn.future"));
		}
		if (details.caseId() != null) {
			ServiceCaseView rated = queries.serviceCase(scopes.of(actor), details.caseId());
			if (rated == null || rated.customerId() != details.customerId()) {
				errors.add(new FieldError("caseId", "customers.rating.case.unknown"));
			}
		}
		CustomerSalesHistory.OrderRef order = order(details.customerId(), details.orderNumber(), errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		Attribution attribution = attribution(details.customerId(), details.ratedOn());
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customer_satisfaction (customer_id, case_id, order_id, order_number, rated_on, csat, nps,
				  comment, staff_id, unit_id)
				VALUES (:customer, :case, :orderId, :orderNumber, :ratedOn, :csat, :nps, :comment, :staff, :unit)""")
			.param("customer", details.customerId())
			.param("case", details.caseId())
			.param("orderId", order == null ? null : order.id())
			.param("orderNumber", order == null ? null : order.orderNumber())
			.param("ratedOn", details.ratedOn())
			.param("csat", details.csat())
			.param("nps", details.nps())
			.param("comment", blank(details.comment()))
			.param("staff", attribution.staffId())
			.param("unit", attribution.unitId())
			.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("SATISFACTION", id, "CREATE", null,
				Map.of("customerId", details.customerId(), "csat", details.csat(), "nps",
						details.nps() == null ? "" : details.nps()),
				null);
		events.publishEvent(new SatisfactionRated(RatingId.of(id), CustomerId.of(details.customerId()),
				attribution.staffId() == null ? null : StaffId.of(attribution.staffId()),
				UnitId.of(attribution.unitId()), details.ratedOn(), details.csat(), details.nps(),
				details.caseId() == null ? null : ServiceCaseId.of(details.caseId())));
		return queries
			.ratings(scopes.of(actor), new ServiceQueries.RatingFilter(details.customerId(), null, null, null, null, null),
					ListQuery.of(0, 500, List.of("ratedOn,desc"), RATING_SORTS, "ratedOn"))
			.content()
			.stream()
			.filter(r -> r.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("rating", id));
	}

	private void apply(CurrentUser actor, ServiceCase serviceCase, CaseDetails d, @Nullable Long existingId) {
		List<FieldError> errors = new ArrayList<>();
		requireRecordable(actor, d.customerId());
		if (d.subject() == null || d.subject().isBlank()) {
			errors.add(new FieldError("subject", "customers.case.subject.required"));
		}
		else if (d.subject().trim().length() > 200) {
			errors.add(new FieldError("subject", "customers.case.subject.tooLong"));
		}
		if (d.openedOn().isAfter(LocalDate.now(clock))) {
			errors.add(new FieldError("openedOn", "customers.case.openedOn.future"));
		}
		if (d.resolvedOn() != null && d.resolvedOn().isBefore(d.openedOn())) {
			errors.add(new FieldError("resolvedOn", "customers.case.resolvedOn.beforeOpened"));
		}
		String external = blank(d.externalId());
		if (external != null && (existingId == null ? cases.existsByExternalId(external)
				: cases.existsByExternalIdAndIdNot(external, existingId))) {
			errors.add(new FieldError("externalId", "customers.case.externalId.taken", external));
		}
		CustomerSalesHistory.OrderRef order = order(d.customerId(), d.orderNumber(), errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		serviceCase.describe(external, d.customerId(), order == null ? null : order.id(),
				order == null ? null : order.orderNumber(), d.subject().trim(), d.category(), d.priority(), d.openedOn());
		Attribution attribution = attribution(d.customerId(), d.openedOn());
		serviceCase.attribute(attribution.staffId(), attribution.unitId());
	}

	private CustomerSalesHistory.@Nullable OrderRef order(long customerId, @Nullable String number,
			List<FieldError> errors) {
		String wanted = blank(number);
		if (wanted == null) {
			return null;
		}
		var order = sales.order(customerId, wanted);
		if (order.isEmpty()) {
			errors.add(new FieldError("orderNumber", "customers.case.order.unknown", wanted));
			return null;
		}
		return order.get();
	}

	private void requireRecordable(CurrentUser actor, long customerId) {
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP)) {
			throw new AccessRefusedException("serviceCases");
		}
		CustomerView customer = customers.get(actor, customerId);
		if (!customers.mayEdit(actor, customer)) {
			throw new AccessRefusedException("serviceCases");
		}
	}

	record Attribution(@Nullable Long staffId, long unitId) {
	}

	/** The owner and unit of the account on the day; the current ones when the history does not reach it. */
	private Attribution attribution(long customerId, LocalDate on) {
		var period = OwnershipPeriod.on(ownership.of(customerId), on);
		if (period.isPresent()) {
			return new Attribution(period.get().ownerStaffId(), period.get().unitId());
		}
		CustomerDirectory.CustomerRef ref = directory.find(customerId)
			.orElseThrow(() -> new NotFoundException("customer", customerId));
		return new Attribution(ref.ownerStaffId(), ref.unitId());
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
