package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import io.rumbo.sales.domain.Opportunity;
import io.rumbo.sales.domain.OpportunityRepository;
import io.rumbo.sales.domain.PipelineFigures;
import io.rumbo.sales.domain.StrategyTags;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;

/**
 * The life of an opportunity: created in the first stage, edited, moved through the configurable stages (each move
 * is kept with its date) until it is won or lost, and a won one becomes an order. Each change is announced with an
 * event ({@link OpportunityCreated}, {@link OpportunityStageChanged}, {@link OpportunityWon},
 * {@link OpportunityLost}, and {@link OpportunityChanged} for an edit of what it counts for) in its transaction. A salesperson works their own opportunities, a manager those of their
 * subtree. Reading is {@link OpportunityQueries}, line items {@link OpportunityProducts}, stages
 * {@link PipelineStages}.
 */
@Service
public class OpportunityManagement {

	public record OpportunityDetails(long customerId, String title, BigDecimal amount, LocalDate expectedClose,
			@Nullable ForecastCategory forecastCategory, @Nullable Long ownerStaffId, @Nullable String source,
			@Nullable String lossReason, @Nullable String nextStep) {

		/** Details without a next step (imports, the demo company, a client that does not know the field). */
		public OpportunityDetails(long customerId, String title, BigDecimal amount, LocalDate expectedClose,
				@Nullable ForecastCategory forecastCategory, @Nullable Long ownerStaffId, @Nullable String source,
				@Nullable String lossReason) {
			this(customerId, title, amount, expectedClose, forecastCategory, ownerStaffId, source, lossReason, null);
		}
	}

	private final OpportunityRepository opportunities;
	private final OpportunityQueries queries;
	private final OpportunityProducts products;
	private final PipelineStages stages;
	private final OrderManagement orders;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final StrategyTags tags;
	private final OpportunityChanges changes;
	private final PipelineFigures figures;
	private final Clock clock;

	OpportunityManagement(OpportunityRepository opportunities, OpportunityQueries queries,
			OpportunityProducts products, PipelineStages stages, OrderManagement orders,
			CustomerManagement customerManagement, CustomerDirectory customers, OrgDirectory org, DataScopes scopes,
			AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, StrategyTags tags,
			OpportunityChanges changes, PipelineFigures figures, Clock clock) {
		this.figures = figures;
		this.opportunities = opportunities;
		this.queries = queries;
		this.products = products;
		this.stages = stages;
		this.orders = orders;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.tags = tags;
		this.changes = changes;
		this.clock = clock;
	}

	public static boolean mayWork(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	@Transactional
	public OpportunityView create(CurrentUser actor, OpportunityDetails details) {
		return createOn(actor, details, LocalDate.now(clock));
	}

	/**
	 * {@link #create} on a past business day, for a migrated history and the demo company: the opportunity enters
	 * the pipeline (its first stage, its creation event) on that day. Only the company-wide roles date a change
	 * in the past ({@link #businessDay}).
	 */
	@Transactional
	public OpportunityView createOn(CurrentUser actor, OpportunityDetails details, LocalDate on) {
		if (!mayWork(actor)) {
			throw new AccessRefusedException("opportunities");
		}
		LocalDate today = businessDay(actor, on, null);
		Stage first = stages.first();
		Opportunity opportunity = new Opportunity(details.customerId(), first.code());
		describe(actor, opportunity, details);
		opportunities.saveAndFlush(opportunity);
		figures.added(PipelineFigures.Counted.of(opportunity, first.open()));
		recordStage(opportunity, actor, today);
		audit.record("OPPORTUNITY", opportunity.id(), "CREATE", null, opportunity.auditState(), opportunity.title());
		events.publishEvent(new OpportunityCreated(OpportunityId.of(opportunity.id()),
				CustomerId.of(opportunity.customerId()), opportunity.stageCode(), opportunity.amount(),
				opportunity.expectedClose(), StaffId.of(opportunity.ownerStaffId()), UnitId.of(opportunity.ownerUnitId()),
				today));
		return queries.get(actor, opportunity.id());
	}

	@Transactional
	public OpportunityView update(CurrentUser actor, long id, long version, OpportunityDetails details) {
		OpportunityView current = queries.get(actor, id);
		Opportunity opportunity = editable(actor, id);
		if (opportunity.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = opportunity.auditState();
		OpportunityChanges.Before counted = changes.before(opportunity);
		describe(actor, opportunity, details);
		opportunities.saveAndFlush(opportunity);
		audit.record("OPPORTUNITY", id, "UPDATE", before, opportunity.auditState(), opportunity.title());
		changes.edited(opportunity, counted);
		return queries.get(actor, id);
	}

	/** {@link #moveTo(CurrentUser, long, String, String)} without a loss reason (enough unless it is lost). */
	@Transactional
	public OpportunityView moveTo(CurrentUser actor, long id, String stageCode) {
		return moveTo(actor, id, stageCode, null);
	}

	/**
	 * Moves the opportunity to a stage (the board, the opportunity page, the API); the move is kept with its date.
	 * Moving to a won or lost stage closes it and sets its close date to today; losing needs a loss reason (given
	 * here or already recorded). A closed opportunity is not moved again (409).
	 */
	@Transactional
	public OpportunityView moveTo(CurrentUser actor, long id, String stageCode, @Nullable String lossReason) {
		return moveOn(actor, id, stageCode, lossReason, LocalDate.now(clock));
	}

	/**
	 * {@link #moveTo} on a past business day, for a migrated history and the demo company: the move is kept with
	 * that day and a won or lost deal closes on it. The day may not come before the opportunity's last recorded
	 * move, nor after today; only the company-wide roles date a move in the past.
	 */
	@Transactional
	public OpportunityView moveOn(CurrentUser actor, long id, String stageCode, @Nullable String lossReason,
			LocalDate on) {
		queries.get(actor, id);
		Opportunity opportunity = editable(actor, id);
		LocalDate today = businessDay(actor, on, id);
		Stage target = stages.of(stageCode);
		Stage from = stages.of(opportunity.stageCode());
		var before = opportunity.auditState();
		PipelineFigures.Counted figured = PipelineFigures.Counted.of(opportunity, from.open());
		if (!opportunity.moveTo(from, target, today, lossReason)) {
			return queries.get(actor, id);
		}
		opportunities.saveAndFlush(opportunity);
		figures.changed(figured, PipelineFigures.Counted.of(opportunity, target.open()));
		recordStage(opportunity, actor, today);
		audit.record("OPPORTUNITY", id, "STAGE", before, opportunity.auditState(), opportunity.title());
		OpportunityId opportunityId = OpportunityId.of(id);
		StaffId owner = StaffId.of(opportunity.ownerStaffId());
		UnitId unit = UnitId.of(opportunity.ownerUnitId());
		CustomerId customer = CustomerId.of(opportunity.customerId());
		events.publishEvent(new OpportunityStageChanged(opportunityId, from.code(), target.code(), target.probability(),
				opportunity.amount(), owner, unit, today));
		if (target.won()) {
			events.publishEvent(new OpportunityWon(opportunityId, customer, opportunity.amount(), owner, unit, today));
		}
		else if (target.lost()) {
			events.publishEvent(new OpportunityLost(opportunityId, customer, opportunity.amount(), owner, unit, today,
					opportunity.lossReason()));
		}
		return queries.get(actor, id);
	}

	/**
	 * Books the order of a won opportunity; the opportunity keeps a link to it and cannot be converted twice. Without
	 * lines, the opportunity's products are booked.
	 */
	@Transactional
	public OrderView createOrder(CurrentUser actor, long id, List<OrderManagement.NewLine> requested,
			List<OrderManagement.NewCredit> credits) {
		OpportunityView view = queries.get(actor, id);
		List<OrderManagement.NewLine> lines = !requested.isEmpty() ? requested
				: products.products(actor, id).stream()
					.map(p -> new OrderManagement.NewLine(p.productId(), p.quantity(), p.unitPrice(), p.discountPercent()))
					.toList();
		Opportunity opportunity = editable(actor, id);
		opportunity.ensureConvertible(stages.of(opportunity.stageCode()));
		List<OrderManagement.NewCredit> credit = credits.isEmpty()
				? List.of(new OrderManagement.NewCredit(view.ownerStaffId(), Amounts.HUNDRED)) : credits;
		OrderView order = orders.create(actor, new OrderManagement.OrderDetails(view.customerId(), LocalDate.now(clock),
				null, view.title(), lines, credit));
		opportunity.convertedTo(order.id());
		audit.record("OPPORTUNITY", id, "ORDER", null, Map.of("orderId", order.id()), opportunity.title());
		return order;
	}

	/**
	 * Tags the opportunity with the strategy (planning) it serves, or takes the tag away with null, so the strategy's
	 * real contribution can be measured. Whoever may work on the record may tag it.
	 */
	@Transactional
	public void tagStrategy(CurrentUser actor, long id, @Nullable Long strategyId) {
		queries.get(actor, id);
		if (!mayWork(actor)) {
			throw new AccessRefusedException("strategies");
		}
		tags.tag(StrategyTags.Tagged.OPPORTUNITY, id, strategyId);
	}

	/** The strategy the record is tagged with, if any (for its page). */
	@Transactional(readOnly = true)
	public @Nullable Long strategyOf(CurrentUser actor, long id) {
		queries.get(actor, id);
		return tags.of(StrategyTags.Tagged.OPPORTUNITY, id);
	}

	private Opportunity editable(CurrentUser actor, long id) {
		if (!mayWork(actor)) {
			throw new AccessRefusedException("opportunities");
		}
		return opportunities.findById(id).orElseThrow(() -> new NotFoundException("opportunity", id));
	}

	private void describe(CurrentUser actor, Opportunity opportunity, OpportunityDetails d) {
		List<FieldError> errors = new ArrayList<>();
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		if (d.title() == null || d.title().isBlank()) {
			errors.add(new FieldError("title", "sales.opportunity.title.required"));
		}
		if (d.amount() == null || d.amount().signum() < 0 || !Amounts.fitsPrice(d.amount())) {
			errors.add(new FieldError("amount", "sales.opportunity.amount.invalid"));
		}
		if (d.expectedClose() == null) {
			errors.add(new FieldError("expectedClose", "shared.validation.required"));
		}
		else if (!Bounds.isBusinessDate(d.expectedClose())) {
			errors.add(java.util.Objects.requireNonNull(Bounds.date("expectedClose", d.expectedClose())));
		}
		if (d.nextStep() != null && d.nextStep().trim().length() > Opportunity.MAX_NEXT_STEP) {
			errors.add(new FieldError("nextStep", "sales.opportunity.nextStep.tooLong", Opportunity.MAX_NEXT_STEP));
		}
		var customer = customers.find(d.customerId());
		if (customer.isEmpty() || customer.get().archived()
				|| (!companyWide && !customerManagement.isVisible(actor, d.customerId()))) {
			errors.add(new FieldError("customerId", "sales.order.customer.unknown"));
		}
		Long owner = d.ownerStaffId();
		if (owner == null) {
			owner = customer.map(CustomerDirectory.CustomerRef::ownerStaffId).orElse(scope.ownStaffId());
		}
		if (!companyWide && !actor.has(Role.MANAGER)) {
			owner = scope.ownStaffId();
		}
		long unit = -1;
		var staff = owner == null ? Optional.<OrgDirectory.StaffSummary>empty() : org.staff(owner);
		if (staff.isEmpty() || !staff.get().active()) {
			errors.add(new FieldError("ownerStaffId", "sales.opportunity.owner.unknown"));
		}
		else {
			unit = staff.get().unitId();
			if (!companyWide && !scope.managesUnit(unit) && !Long.valueOf(staff.get().id()).equals(scope.ownStaffId())) {
				errors.add(new FieldError("ownerStaffId", "sales.opportunity.owner.unknown"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		opportunity.describe(d.customerId(), d.title().trim(), d.amount(), d.expectedClose(),
				d.forecastCategory() == null ? ForecastCategory.PIPELINE : d.forecastCategory(), owner, unit,
				d.source() == null || d.source().isBlank() ? null : d.source().trim(),
				d.lossReason() == null || d.lossReason().isBlank() ? null : d.lossReason().trim(),
				d.nextStep() == null || d.nextStep().isBlank() ? null : d.nextStep().trim());
	}

	/**
	 * The business day of a change: today for anyone; a past day only for the company-wide roles (imports of a
	 * history, the demo company), never after today, never before the opportunity's last recorded move (its history
	 * stays in order) nor outside the business date range.
	 */
	private LocalDate businessDay(CurrentUser actor, LocalDate on, @Nullable Long id) {
		LocalDate today = LocalDate.now(clock);
		if (on.isAfter(today) || !Bounds.isBusinessDate(on)) {
			throw ValidationFailedException.of("changedOn", "sales.opportunity.changedOn.invalid");
		}
		if (on.isBefore(today) && !actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			throw new AccessRefusedException("opportunities");
		}
		if (id != null) {
			jdbc.sql("SELECT MAX(changed_on) FROM sales_opportunity_stage_change WHERE opportunity_id = :id")
				.param("id", id)
				.query(LocalDate.class)
				.list()
				.stream()
				.filter(last -> last != null && on.isBefore(last))
				.findFirst()
				.ifPresent(last -> {
					throw ValidationFailedException.of("changedOn", "sales.opportunity.changedOn.beforeLast", last);
				});
		}
		return on;
	}

	private void recordStage(Opportunity opportunity, CurrentUser actor, LocalDate on) {
		jdbc.sql("""
				INSERT INTO sales_opportunity_stage_change (opportunity_id, stage_code, changed_on, changed_by)
				VALUES (:id, :stage, :on, :by)""")
			.param("id", opportunity.id())
			.param("stage", opportunity.stageCode())
			.param("on", on)
			.param("by", actor.username())
			.update();
	}
}
