package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.domain.OrderEntry;
import io.rumbo.sales.domain.OrderQueries;
import io.rumbo.sales.domain.OrderStore;
import io.rumbo.sales.domain.SalesOrder;
import io.rumbo.sales.domain.StrategyTags;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Booking orders. Lines are priced from the catalog (list price unless a price is given) with the standard cost in
 * force on the order date; credits split the order between salespeople (100 % in all). A salesperson books orders
 * credited to themselves for their own customers; a manager for people and customers of their subtree; directors
 * and administrators anything. Orders are cancelled, never deleted. Each change is announced in its transaction
 * ({@link OrderBooked}, {@link OrderReturned}, {@link OrderChanged}, {@link OrderCancelled}); the order import
 * announces {@link OrdersImported} once per file.
 */
@Service
public class OrderManagement {

	/** The sort keys order lists accept. */
	public static final Map<String, String> SORTS = OrderQueries.SORTS;

	public record Filter(@Nullable Long staffId, @Nullable Long unitId, @Nullable Long customerId,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable OrderStatus status) {
	}

	public record NewLine(long productId, BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	public record NewCredit(long staffId, BigDecimal sharePercent) {
	}

	/** What an order says; without credits it is credited in full to the customer's owner. */
	public record OrderDetails(long customerId, LocalDate orderDate, @Nullable String externalNumber,
			@Nullable String notes, List<NewLine> lines, List<NewCredit> credits) {
	}

	private final OrderStore store;
	private final OrderQueries queries;
	private final OrderEntry entry;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final OrgDirectory org;
	private final StrategyTags tags;
	private final ApplicationEventPublisher events;

	OrderManagement(OrderStore store, OrderQueries queries, OrderEntry entry, DataScopes scopes, AuditTrail audit,
			OrgDirectory org, StrategyTags tags, ApplicationEventPublisher events) {
		this.store = store;
		this.queries = queries;
		this.entry = entry;
		this.scopes = scopes;
		this.audit = audit;
		this.org = org;
		this.tags = tags;
		this.events = events;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public PageResponse<OrderSummary> list(CurrentUser actor, Filter filter, ListQuery query) {
		return queries.orders(scopes.of(actor), toQuery(filter), query);
	}

	/** Every order the filter selects, streamed (for exports of any size). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, java.util.function.Consumer<OrderSummary> sink) {
		queries.each(scopes.of(actor), toQuery(filter), query, sink);
	}

	/** Every line of the orders the filter selects, in the order import's terms, streamed (for the API export). */
	@Transactional(readOnly = true)
	public void eachLine(CurrentUser actor, Filter filter, ListQuery query,
			java.util.function.Consumer<OrderQueries.ExportedLine> sink) {
		queries.eachLine(scopes.of(actor), toQuery(filter), query, sink);
	}

	@Transactional(readOnly = true)
	public OrderQueries.Totals totals(CurrentUser actor, Filter filter) {
		return queries.totals(scopes.of(actor), toQuery(filter));
	}

	@Transactional(readOnly = true)
	public List<OrderQueries.MonthTotal> monthly(CurrentUser actor, Filter filter) {
		return queries.monthly(scopes.of(actor), toQuery(filter));
	}

	private OrderQueries.Filter toQuery(Filter f) {
		return new OrderQueries.Filter(f.staffId(), f.unitId() == null ? null : org.subtree(f.unitId()), f.customerId(),
				f.from(), f.to(), f.status());
	}

	@Transactional(readOnly = true)
	public OrderView get(CurrentUser actor, long id) {
		if (!queries.visible(scopes.of(actor), id)) {
			throw new NotFoundException("order", id);
		}
		return queries.view(id);
	}

	public static boolean mayBook(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	// ---- writing

	/**
	 * Books an order and announces it: {@link OrderReturned} when it holds only returned goods, {@link OrderBooked}
	 * otherwise. A won opportunity books its order here too.
	 */
	@Transactional
	public OrderView create(CurrentUser actor, OrderDetails details) {
		if (!mayBook(actor)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = SalesOrder.book(entry.check(actor, details));
		store.insert(List.of(order), OrderStore.Progress.NONE);
		audit.record("ORDER", order.id(), "CREATE", null, order.auditState(), order.orderNumber());
		OrderId id = OrderId.of(order.id());
		events.publishEvent(order.isReturn() ? new OrderReturned(id, order.orderNumber(), order.facts())
				: new OrderBooked(id, order.orderNumber(), order.facts()));
		return queries.view(order.id());
	}

	/**
	 * Replaces what a booked order says (a cancelled one is refused with 409) and announces {@link OrderChanged}; saving
	 * it unchanged writes nothing.
	 */
	@Transactional
	public OrderView update(CurrentUser actor, long id, long version, OrderDetails details) {
		OrderView current = get(actor, id);
		if (!mayBook(actor)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = store.find(id).orElseThrow(() -> new NotFoundException("order", id));
		if (order.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = order.auditState();
		OrderFacts factsBefore = order.facts();
		if (!order.change(entry.check(actor, details, id, order.content()))) {
			// Saved unchanged (a form sent twice): no new version, no audit line, no event.
			return current;
		}
		write(order, current);
		audit.record("ORDER", id, "UPDATE", before, order.auditState(), order.orderNumber());
		events.publishEvent(new OrderChanged(OrderId.of(id), order.orderNumber(), factsBefore, order.facts()));
		return queries.view(id);
	}

	/** Cancels a booked order (a cancelled one is refused with 409) and announces {@link OrderCancelled}. */
	@Transactional
	public void cancel(CurrentUser actor, long id) {
		OrderView current = get(actor, id);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = store.find(id).orElseThrow(() -> new NotFoundException("order", id));
		var before = order.auditState();
		order.cancel();
		write(order, current);
		audit.record("ORDER", id, "CANCEL", before, order.auditState(), order.orderNumber());
		events.publishEvent(new OrderCancelled(OrderId.of(id), order.orderNumber(), order.facts()));
	}

	private void write(SalesOrder order, OrderView current) {
		try {
			store.update(List.of(order), OrderStore.Progress.NONE);
		}
		catch (StaleVersionException ex) {
			throw new StaleVersionException(ex.expected(), current);
		}
	}

	/**
	 * Tags the order with the strategy (planning) it serves, or takes the tag away with null, so the strategy's real
	 * contribution can be measured. Whoever may work on the record may tag it.
	 */
	@Transactional
	public void tagStrategy(CurrentUser actor, long id, @Nullable Long strategyId) {
		get(actor, id);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP)) {
			throw new AccessRefusedException("strategies");
		}
		tags.tag(StrategyTags.Tagged.ORDER, id, strategyId);
	}

	/** The strategy the record is tagged with, if any (for its page). */
	@Transactional(readOnly = true)
	public @Nullable Long strategyOf(CurrentUser actor, long id) {
		get(actor, id);
		return tags.of(StrategyTags.Tagged.ORDER, id);
	}
}
