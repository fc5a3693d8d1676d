package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.domain.StrategyTags;
import io.rumbo.sales.domain.OrderCredit;
import io.rumbo.sales.domain.OrderLine;
import io.rumbo.sales.domain.OrderQueries;
import io.rumbo.sales.domain.SalesOrder;
import io.rumbo.sales.domain.SalesOrderRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Booking orders. Lines are priced from the catalog (list price unless a price is given) with the standard cost in
 * force on the order date; credits split the order between salespeople (100 % in all). A salesperson books orders
 * credited to themselves for their own customers; a manager for people and customers of their subtree; directors
 * and administrators anything. Orders are cancelled, never deleted.
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

	private final SalesOrderRepository orders;
	private final OrderQueries queries;
	private final ProductCatalog catalog;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final StrategyTags tags;

	OrderManagement(SalesOrderRepository orders, OrderQueries queries, ProductCatalog catalog,
			CustomerManagement customerManagement, CustomerDirectory customers, OrgDirectory org, DataScopes scopes,
			AuditTrail audit, JdbcClient jdbc, StrategyTags tags) {
		this.tags = tags;
		this.orders = orders;
		this.queries = queries;
		this.catalog = catalog;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
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
		return view(id);
	}

	/** The order with product, customer and people names, read in a few set-based queries. */
	private OrderView view(long id) {
		SalesOrderRow head = jdbc.sql("SELECT * FROM sales_order WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SalesOrderRow(rs.getLong("id"), rs.getLong("version"), rs.getString("order_number"),
					rs.getString("external_number"), rs.getLong("customer_id"), rs.getObject("order_date", LocalDate.class),
					OrderStatus.valueOf(rs.getString("status")), rs.getString("notes"), rs.getBigDecimal("net_amount"),
					rs.getBigDecimal("cost_amount"), rs.getBigDecimal("margin_amount"), rs.getBigDecimal("units")))
			.optional()
			.orElseThrow(() -> new NotFoundException("order", id));
		List<OrderView.Line> rawLines = jdbc.sql("SELECT * FROM sales_order_line WHERE order_id = :id ORDER BY line_no")
			.param("id", id)
			.query((rs, n) -> new OrderView.Line(rs.getInt("line_no"), rs.getLong("product_id"), null, null,
					rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount_percent"),
					rs.getBigDecimal("unit_cost"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("cost_amount"),
					rs.getBigDecimal("margin_amount")))
			.list();
		Map<Long, ProductView> products = new HashMap<>();
		catalog.products(rawLines.stream().map(OrderView.Line::productId).distinct().toList())
			.forEach(p -> products.put(p.id(), p));
		List<OrderView.Line> lines = rawLines.stream().map(l -> {
			ProductView p = products.get(l.productId());
			return new OrderView.Line(l.lineNo(), l.productId(), p == null ? null : p.sku(),
					p == null ? null : p.nameEs() + " / " + p.nameEn(), l.quantity(), l.unitPrice(), l.discountPercent(),
					l.unitCost(), l.netAmount(), l.costAmount(), l.marginAmount());
		}).toList();
		List<OrderView.Credit> rawCredits = jdbc
			.sql("SELECT staff_id, unit_id, share_percent FROM sales_order_credit WHERE order_id = :id ORDER BY share_percent DESC")
			.param("id", id)
			.query((rs, n) -> new OrderView.Credit(rs.getLong(1), null, rs.getLong(2), null, rs.getBigDecimal(3)))
			.list();
		Map<Long, String> staffNames = org.staffNames(rawCredits.stream().map(OrderView.Credit::staffId).toList());
		Map<Long, String> unitNames = org.unitNames(rawCredits.stream().map(OrderView.Credit::unitId).toList());
		List<OrderView.Credit> credits = rawCredits.stream()
			.map(c -> new OrderView.Credit(c.staffId(), staffNames.get(c.staffId()), c.unitId(), unitNames.get(c.unitId()),
					c.sharePercent()))
			.toList();
		return new OrderView(head.id(), head.version(), head.number(), head.external(), head.customerId(),
				customers.names(List.of(head.customerId())).get(head.customerId()), head.date(), head.status(),
				head.notes(), head.net(), head.cost(), head.margin(), head.units(), lines, credits);
	}

	private record SalesOrderRow(long id, long version, String number, @Nullable String external, long customerId,
			LocalDate date, OrderStatus status, @Nullable String notes, BigDecimal net, BigDecimal cost,
			BigDecimal margin, BigDecimal units) {
	}

	/**
	 * Who may be credited with an order the actor books: anyone for company-wide roles; a manager credits the people
	 * of their subtree; a salesperson may split with any colleague as long as they are credited too
	 * ({@link #mustCreditSelf}). Order entry and the order import apply the same rule.
	 */
	public static boolean mayCredit(CurrentUser actor, DataScope scope, long staffId, long unitIdOnOrderDate) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR) || Long.valueOf(staffId).equals(scope.ownStaffId())
				|| !actor.has(Role.MANAGER) || scope.managesUnit(unitIdOnOrderDate);
	}

	public static boolean mustCreditSelf(CurrentUser actor) {
		return !actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	public static boolean mayBook(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	// ---- writing

	@Transactional
	public OrderView create(CurrentUser actor, OrderDetails details) {
		if (!mayBook(actor)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = new SalesOrder(details.customerId(), details.orderDate());
		apply(actor, order, details, null);
		orders.saveAndFlush(order);
		order.number();
		orders.saveAndFlush(order);
		audit.record("ORDER", order.id(), "CREATE", null, order.auditState(), order.orderNumber());
		return view(order.id());
	}

	@Transactional
	public OrderView update(CurrentUser actor, long id, long version, OrderDetails details) {
		OrderView current = get(actor, id);
		if (!mayBook(actor)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
		if (order.version() != version) {
			throw new StaleVersionException(version, current);
		}
		if (order.status() == OrderStatus.CANCELLED) {
			throw new ConflictException("sales.order.cancelled");
		}
		var before = order.auditState();
		apply(actor, order, details, id);
		orders.saveAndFlush(order);
		audit.record("ORDER", id, "UPDATE", before, order.auditState(), order.orderNumber());
		return view(id);
	}

	@Transactional
	public void cancel(CurrentUser actor, long id) {
		get(actor, id);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)) {
			throw new AccessRefusedException("orders");
		}
		SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
		var before = order.auditState();
		order.cancel();
		audit.record("ORDER", id, "CANCEL", before, order.auditState(), order.orderNumber());
	}

	/** Validates everything at once and, when all is well, records lines, credits and totals on the order. */
	private void apply(CurrentUser actor, SalesOrder order, OrderDetails details, @Nullable Long existingId) {
		List<FieldError> errors = new ArrayList<>();
		DataScope scope = scopes.of(actor);
		boolean companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		var customer = customers.find(details.customerId());
		boolean customerVisible = customer.isPresent() && !customer.get().archived() && (companyWide
				|| customerManagement.isVisible(actor, details.customerId()));
		if (!customerVisible) {
			errors.add(new FieldError("customerId", "sales.order.customer.unknown"));
		}
		String external = details.externalNumber() == null || details.externalNumber().isBlank() ? null
				: details.externalNumber().trim();
		if (external != null && (existingId == null ? orders.existsByExternalNumber(external)
				: orders.existsByExternalNumberAndIdNot(external, existingId))) {
			errors.add(new FieldError("externalNumber", "sales.order.externalNumber.taken", external));
		}
		if (details.lines().isEmpty()) {
			errors.add(new FieldError("lines", "sales.order.lines.required"));
		}
		Set<Long> productIds = new HashSet<>();
		details.lines().forEach(l -> productIds.add(l.productId()));
		Map<Long, ProductView> products = new HashMap<>();
		catalog.products(productIds).forEach(p -> products.put(p.id(), p));
		Map<Long, CostHistory> costs = catalog.costHistories(productIds);
		List<OrderLine> lines = new ArrayList<>();
		List<OrderLines.Priced> priced = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			NewLine line = details.lines().get(i);
			String prefix = "lines[" + i + "].";
			ProductView product = products.get(line.productId());
			if (product == null || (!product.active() && existingId == null)) {
				errors.add(new FieldError(prefix + "productId", "sales.order.product.unknown"));
				continue;
			}
			if (line.quantity().signum() == 0 || !Amounts.fitsPrice(line.quantity())) {
				errors.add(new FieldError(prefix + "quantity", "sales.order.quantity.invalid"));
				continue;
			}
			BigDecimal price = line.unitPrice() == null ? product.listPrice() : line.unitPrice();
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			if (price.signum() < 0 || !Amounts.fitsPrice(price)) {
				errors.add(new FieldError(prefix + "unitPrice", "sales.order.price.invalid"));
				continue;
			}
			if (discount.signum() < 0 || discount.compareTo(Amounts.HUNDRED) > 0) {
				errors.add(new FieldError(prefix + "discountPercent", "sales.order.discount.invalid"));
				continue;
			}
			BigDecimal cost = costs.get(line.productId()).costOn(details.orderDate()).orElse(null);
			OrderLines.Priced p = OrderLines.price(line.quantity(), price, discount, cost);
			priced.add(p);
			lines.add(new OrderLine(i + 1, line.productId(), p));
		}
		List<NewCredit> requested = details.credits();
		if (requested.isEmpty() && customer.isPresent() && customer.get().ownerStaffId() != null) {
			requested = List.of(new NewCredit(customer.get().ownerStaffId(), Amounts.HUNDRED));
		}
		List<OrderCredit> credits = credits(actor, scope, requested, details.orderDate(), errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		order.record(details.customerId(), details.orderDate(), external,
				details.notes() == null || details.notes().isBlank() ? null : details.notes().trim(), lines, priced,
				credits);
	}


	private List<OrderCredit> credits(CurrentUser actor, DataScope scope, List<NewCredit> requested,
			LocalDate orderDate, List<FieldError> errors) {
		if (requested.isEmpty()) {
			errors.add(new FieldError("credits", "sales.order.credits.required"));
			return List.of();
		}
		Set<Long> seen = new HashSet<>();
		for (NewCredit credit : requested) {
			if (!seen.add(credit.staffId())) {
				errors.add(new FieldError("credits", "sales.order.credits.duplicate"));
				return List.of();
			}
		}
		if (!OrderLines.sharesSumToHundred(requested.stream().map(NewCredit::sharePercent).toList())) {
			errors.add(new FieldError("credits", "sales.order.credits.sum"));
		}
		Map<Long, Long> unitsOnDate = org.unitsOn(seen, orderDate);
		List<OrderCredit> credits = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			NewCredit credit = requested.get(i);
			Long unit = unitsOnDate.get(credit.staffId());
			if (unit == null) {
				var staff = org.staff(credit.staffId());
				unit = staff.map(OrgDirectory.StaffSummary::unitId).orElse(null);
			}
			if (unit == null) {
				errors.add(new FieldError("credits[" + i + "].staffId", "sales.order.credit.unknown"));
				continue;
			}
			if (!mayCredit(actor, scope, credit.staffId(), unit)) {
				errors.add(new FieldError("credits[" + i + "].staffId", "sales.order.credit.outOfScope"));
				continue;
			}
			credits.add(new OrderCredit(credit.staffId(), unit, credit.sharePercent()));
		}
		if (mustCreditSelf(actor) && !seen.contains(scope.ownStaffId())) {
			errors.add(new FieldError("credits", "sales.order.credits.mustIncludeSelf"));
		}
		return credits;
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
