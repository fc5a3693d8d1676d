package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.domain.StrategyTags;
import io.rumbo.sales.domain.Opportunity;
import io.rumbo.sales.domain.OpportunityRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;

/**
 * The pipeline: opportunities move through configurable stages (each move is kept with its date), and a won
 * opportunity becomes an order. A salesperson works their own opportunities, a manager those of their subtree.
 */
@Service
public class OpportunityManagement {

	public record Filter(@Nullable Long ownerStaffId, @Nullable Long customerId, @Nullable String stageCode,
			boolean openOnly, @Nullable String q) {

		public Filter(@Nullable Long ownerStaffId, @Nullable Long customerId, @Nullable String stageCode,
				boolean openOnly) {
			this(ownerStaffId, customerId, stageCode, openOnly, null);
		}
	}

	public record OpportunityDetails(long customerId, String title, BigDecimal amount, LocalDate expectedClose,
			@Nullable ForecastCategory forecastCategory, @Nullable Long ownerStaffId, @Nullable String source,
			@Nullable String lossReason) {
	}

	/** Totals of a board: the open amount and the amount weighted by each stage's probability. */
	/** A product the opportunity is about; without a unit price the list price applies. */
	public record ProductLine(long productId, BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	/** A product line as pages and the API show it, with its net amount (quantity x price less discount). */
	public record ProductLineView(int lineNo, long productId, String sku, String nameEs, String nameEn,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal net) {
	}

	public record PipelineTotals(long open, BigDecimal amount, BigDecimal weighted) {
	}

	private final OpportunityRepository opportunities;
	private final OrderManagement orders;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final StrategyTags tags;
	private final Clock clock;
	private final io.rumbo.catalog.ProductCatalog catalog;
	private final jakarta.persistence.EntityManager entities;

	OpportunityManagement(OpportunityRepository opportunities, OrderManagement orders,
			CustomerManagement customerManagement, CustomerDirectory customers, OrgDirectory org, DataScopes scopes,
			AuditTrail audit, JdbcClient jdbc, Clock clock, io.rumbo.catalog.ProductCatalog catalog,
			jakarta.persistence.EntityManager entities, StrategyTags tags) {
		this.tags = tags;
		this.opportunities = opportunities;
		this.orders = orders;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.entities = entities;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Stage> stages() {
		return jdbc.sql("SELECT code, name_es, name_en, probability, position, outcome FROM sales_stage ORDER BY position")
			.query((rs, n) -> new Stage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6)))
			.list();
	}

	/** Every opportunity of the filter in the reader's scope, with names, in three queries. */
	@Transactional(readOnly = true)
	public List<OpportunityView> list(CurrentUser actor, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		Map<String, Stage> stages = stagesByCode();
		List<OpportunityView> raw = jdbc.sql("SELECT * FROM sales_opportunity o" + where
				+ " ORDER BY o.expected_close, o.id")
			.params(params)
			.query((rs, n) -> view(rs, stages, List.of()))
			.list();
		return named(raw);
	}

	public static final Map<String, String> SORTS = Map.of("expectedClose", "o.expected_close", "amount", "o.amount",
			"title", "o.title");

	/** One page of the filter, for the API and the list view. */
	@Transactional(readOnly = true)
	public io.rumbo.shared.web.PageResponse<OpportunityView> page(CurrentUser actor, Filter filter,
			io.rumbo.shared.web.ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_opportunity o" + where).params(params).query(Long.class).single();
		Map<String, Stage> stages = stagesByCode();
		List<OpportunityView> raw = jdbc.sql("SELECT * FROM sales_opportunity o" + where + query.orderBy("o.id")
				+ query.limit())
			.params(params)
			.query((rs, n) -> view(rs, stages, List.of()))
			.list();
		return io.rumbo.shared.web.PageResponse.of(named(raw), query, total);
	}

	@Transactional(readOnly = true)
	public PipelineTotals totals(List<OpportunityView> list) {
		long open = 0;
		BigDecimal amount = Amounts.money(BigDecimal.ZERO);
		BigDecimal weighted = Amounts.money(BigDecimal.ZERO);
		Map<String, Stage> stages = stagesByCode();
		for (OpportunityView o : list) {
			if (stages.get(o.stageCode()).open()) {
				open++;
				amount = amount.add(Amounts.money(o.amount()));
				weighted = weighted.add(o.weighted());
			}
		}
		return new PipelineTotals(open, amount, weighted);
	}

	@Transactional(readOnly = true)
	public OpportunityView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), new Filter(null, null, null, false), params) + " AND o.id = :id";
		params.put("id", id);
		Map<String, Stage> stages = stagesByCode();
		List<OpportunityView.StageChange> history = jdbc.sql("""
				SELECT stage_code, changed_on, changed_by FROM sales_opportunity_stage_change
				WHERE opportunity_id = :id ORDER BY changed_on DESC, id DESC""")
			.param("id", id)
			.query((rs, n) -> new OpportunityView.StageChange(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getString(3)))
			.list();
		List<OpportunityView> found = jdbc.sql("SELECT * FROM sales_opportunity o" + where)
			.params(params)
			.query((rs, n) -> view(rs, stages, history))
			.list();
		if (found.isEmpty()) {
			throw new NotFoundException("opportunity", id);
		}
		return named(found).get(0);
	}

	public static boolean mayWork(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP);
	}

	@Transactional
	public OpportunityView create(CurrentUser actor, OpportunityDetails details) {
		if (!mayWork(actor)) {
			throw new AccessRefusedException("opportunities");
		}
		Stage first = stages().get(0);
		Opportunity opportunity = new Opportunity(details.customerId(), first.code());
		describe(actor, opportunity, details);
		opportunities.saveAndFlush(opportunity);
		recordStage(opportunity, actor);
		audit.record("OPPORTUNITY", opportunity.id(), "CREATE", null, opportunity.auditState(), opportunity.title());
		return get(actor, opportunity.id());
	}

	@Transactional
	public OpportunityView update(CurrentUser actor, long id, long version, OpportunityDetails details) {
		OpportunityView current = get(actor, id);
		Opportunity opportunity = editable(actor, id);
		if (opportunity.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = opportunity.auditState();
		describe(actor, opportunity, details);
		opportunities.saveAndFlush(opportunity);
		audit.record("OPPORTUNITY", id, "UPDATE", before, opportunity.auditState(), opportunity.title());
		return get(actor, id);
	}

	/** Moves the opportunity to a stage (the board's drag and drop); the move is kept with its date. */
	@Transactional
	public OpportunityView moveTo(CurrentUser actor, long id, String stageCode) {
		get(actor, id);
		Opportunity opportunity = editable(actor, id);
		Stage stage = stagesByCode().get(stageCode);
		if (stage == null) {
			throw ValidationFailedException.of("stage", "sales.opportunity.stage.unknown", stageCode);
		}
		if (opportunity.stageCode().equals(stageCode)) {
			return get(actor, id);
		}
		var before = opportunity.auditState();
		opportunity.moveTo(stage.code(), stage.open(), stage.won());
		opportunities.saveAndFlush(opportunity);
		recordStage(opportunity, actor);
		audit.record("OPPORTUNITY", id, "STAGE", before, opportunity.auditState(), opportunity.title());
		return get(actor, id);
	}

	@Transactional(readOnly = true)
	public List<ProductLineView> products(CurrentUser actor, long id) {
		get(actor, id);
		List<ProductLineView> raw = jdbc.sql("""
				SELECT line_no, product_id, quantity, unit_price, discount_percent, net_amount
				FROM sales_opportunity_product WHERE opportunity_id = :id ORDER BY line_no""")
			.param("id", id)
			.query((rs, n) -> new ProductLineView(rs.getInt(1), rs.getLong(2), "", "", "", rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
		Map<Long, io.rumbo.catalog.ProductView> products = new HashMap<>();
		catalog.products(raw.stream().map(ProductLineView::productId).toList()).forEach(p -> products.put(p.id(), p));
		return raw.stream().map(l -> {
			io.rumbo.catalog.ProductView p = products.get(l.productId());
			return new ProductLineView(l.lineNo(), l.productId(), p == null ? "" : p.sku(), p == null ? "" : p.nameEs(),
					p == null ? "" : p.nameEn(), l.quantity(), l.unitPrice(), l.discountPercent(), l.net());
		}).toList();
	}

	/**
	 * Replaces the products of an open opportunity (an empty list removes them); the amount becomes their total.
	 * Carries the version read, like every edit.
	 */
	@Transactional
	public OpportunityView setProducts(CurrentUser actor, long id, long version, List<ProductLine> lines) {
		OpportunityView current = get(actor, id);
		Opportunity opportunity = editable(actor, id);
		if (opportunity.version() != version) {
			throw new StaleVersionException(version, current);
		}
		if (opportunity.orderId() != null) {
			throw new ConflictException("sales.opportunity.alreadyOrdered");
		}
		Map<Long, io.rumbo.catalog.ProductView> products = new HashMap<>();
		catalog.products(lines.stream().map(ProductLine::productId).toList()).forEach(p -> products.put(p.id(), p));
		List<FieldError> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		BigDecimal total = Amounts.money(BigDecimal.ZERO);
		for (int i = 0; i < lines.size(); i++) {
			ProductLine line = lines.get(i);
			io.rumbo.catalog.ProductView product = products.get(line.productId());
			if (product == null || !product.active()) {
				errors.add(new FieldError("lines[" + i + "].productId", "sales.order.product.unknown"));
				continue;
			}
			if (line.quantity() == null || line.quantity().signum() <= 0 || !Amounts.fitsPrice(line.quantity())) {
				errors.add(new FieldError("lines[" + i + "].quantity", "sales.opportunity.quantity.invalid"));
				continue;
			}
			BigDecimal price = line.unitPrice() == null ? product.listPrice() : line.unitPrice();
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			if (price.signum() < 0 || !Amounts.fitsPrice(price)) {
				errors.add(new FieldError("lines[" + i + "].unitPrice", "sales.order.price.invalid"));
				continue;
			}
			if (discount.signum() < 0 || discount.compareTo(Amounts.HUNDRED) > 0) {
				errors.add(new FieldError("lines[" + i + "].discountPercent", "sales.order.discount.invalid"));
				continue;
			}
			OrderLines.Priced priced = OrderLines.price(line.quantity(), price, discount, null);
			total = total.add(priced.net());
			rows.add(new Object[] { id, i + 1, line.productId(), priced.quantity(), priced.unitPrice(),
					priced.discountPercent(), priced.net() });
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		var before = opportunity.auditState();
		jdbc.sql("DELETE FROM sales_opportunity_product WHERE opportunity_id = :id").param("id", id).update();
		for (Object[] row : rows) {
			jdbc.sql("""
					INSERT INTO sales_opportunity_product (opportunity_id, line_no, product_id, quantity, unit_price,
					  discount_percent, net_amount) VALUES (:id, :no, :product, :quantity, :price, :discount, :net)""")
				.param("id", row[0]).param("no", row[1]).param("product", row[2]).param("quantity", row[3])
				.param("price", row[4]).param("discount", row[5]).param("net", row[6])
				.update();
		}
		if (!rows.isEmpty()) {
			opportunity.pricedAt(total);
		}
		// The products are part of the opportunity: changing only them still moves its version.
		entities.lock(opportunity, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		opportunities.saveAndFlush(opportunity);
		audit.record("OPPORTUNITY", id, "PRODUCTS", before, Map.of("amount", total.toPlainString(), "lines", rows.size()),
				opportunity.title());
		return get(actor, id);
	}

	/**
	 * Books the order of a won opportunity; the opportunity keeps a link to it and cannot be converted twice. Without
	 * lines, the opportunity's products are booked.
	 */
	@Transactional
	public OrderView createOrder(CurrentUser actor, long id, List<OrderManagement.NewLine> requested,
			List<OrderManagement.NewCredit> credits) {
		OpportunityView view = get(actor, id);
		List<OrderManagement.NewLine> lines = !requested.isEmpty() ? requested
				: products(actor, id).stream()
					.map(p -> new OrderManagement.NewLine(p.productId(), p.quantity(), p.unitPrice(), p.discountPercent()))
					.toList();
		Opportunity opportunity = editable(actor, id);
		if (!stagesByCode().get(opportunity.stageCode()).won()) {
			throw new ConflictException("sales.opportunity.notWon");
		}
		if (opportunity.orderId() != null) {
			throw new ConflictException("sales.opportunity.alreadyOrdered");
		}
		List<OrderManagement.NewCredit> credit = credits.isEmpty()
				? List.of(new OrderManagement.NewCredit(view.ownerStaffId(), Amounts.HUNDRED)) : credits;
		OrderView order = orders.create(actor, new OrderManagement.OrderDetails(view.customerId(), LocalDate.now(clock),
				null, view.title(), lines, credit));
		opportunity.convertedTo(order.id());
		audit.record("OPPORTUNITY", id, "ORDER", null, Map.of("orderId", order.id()), opportunity.title());
		return order;
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
		var staff = owner == null ? java.util.Optional.<OrgDirectory.StaffSummary>empty() : org.staff(owner);
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
				d.lossReason() == null || d.lossReason().isBlank() ? null : d.lossReason().trim());
	}


	private void recordStage(Opportunity opportunity, CurrentUser actor) {
		jdbc.sql("""
				INSERT INTO sales_opportunity_stage_change (opportunity_id, stage_code, changed_on, changed_by)
				VALUES (:id, :stage, :on, :by)""")
			.param("id", opportunity.id())
			.param("stage", opportunity.stageCode())
			.param("on", LocalDate.now(clock))
			.param("by", actor.username())
			.update();
	}

	private Map<String, Stage> stagesByCode() {
		Map<String, Stage> byCode = new HashMap<>();
		stages().forEach(s -> byCode.put(s.code(), s));
		return byCode;
	}

	private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!scope.all()) {
			where.append(" AND (")
				.append(scope.managedUnitIds().isEmpty() ? "1 = 0" : "o.owner_unit_id IN (:scopeUnits)")
				.append(" OR o.owner_staff_id = :ownStaff)");
			params.put("scopeUnits", scope.managedUnitIds().isEmpty() ? List.of(-1L) : scope.managedUnitIds());
			params.put("ownStaff", scope.ownStaffId() == null ? -1L : scope.ownStaffId());
		}
		if (filter.ownerStaffId() != null) {
			where.append(" AND o.owner_staff_id = :owner");
			params.put("owner", filter.ownerStaffId());
		}
		if (filter.customerId() != null) {
			where.append(" AND o.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(o.title) LIKE :q OR LOWER(o.source) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase() + "%");
		}
		if (filter.stageCode() != null && !filter.stageCode().isBlank()) {
			where.append(" AND o.stage_code = :stage");
			params.put("stage", filter.stageCode());
		}
		if (filter.openOnly()) {
			where.append(" AND o.stage_code IN (SELECT code FROM sales_stage WHERE outcome = 'OPEN')");
		}
		return where.toString();
	}

	private static OpportunityView view(java.sql.ResultSet rs, Map<String, Stage> stages,
			List<OpportunityView.StageChange> history) throws java.sql.SQLException {
		String stage = rs.getString("stage_code");
		int probability = stages.get(stage).probability();
		BigDecimal amount = rs.getBigDecimal("amount");
		return new OpportunityView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"), null,
				rs.getString("title"), amount,
				Amounts.money(amount.multiply(BigDecimal.valueOf(probability)).divide(Amounts.HUNDRED)),
				rs.getObject("expected_close", LocalDate.class), stage, probability,
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("owner_staff_id"), null,
				rs.getLong("owner_unit_id"), rs.getString("source"), rs.getString("loss_reason"),
				(Long) rs.getObject("order_id", Long.class), history);
	}

	private List<OpportunityView> named(List<OpportunityView> raw) {
		Set<Long> owners = new java.util.HashSet<>();
		Set<Long> accounts = new java.util.HashSet<>();
		raw.forEach(o -> {
			owners.add(o.ownerStaffId());
			accounts.add(o.customerId());
		});
		Map<Long, String> ownerNames = org.staffNames(owners);
		Map<Long, String> customerNames = customers.names(accounts);
		return raw.stream()
			.map(o -> new OpportunityView(o.id(), o.version(), o.customerId(), customerNames.get(o.customerId()), o.title(),
					o.amount(), o.weighted(), o.expectedClose(), o.stageCode(), o.probability(), o.forecastCategory(),
					o.ownerStaffId(), ownerNames.get(o.ownerStaffId()), o.ownerUnitId(), o.source(), o.lossReason(),
					o.orderId(), o.history()))
			.toList();
	}

	/**
	 * Tags the opportunity with the strategy (planning) it serves, or takes the tag away with null, so the strategy's real
	 * contribution can be measured. Whoever may work on the record may tag it.
	 */
	@Transactional
	public void tagStrategy(CurrentUser actor, long id, @Nullable Long strategyId) {
		get(actor, id);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP)) {
			throw new AccessRefusedException("strategies");
		}
		tags.tag(StrategyTags.Tagged.OPPORTUNITY, id, strategyId);
	}

	/** The strategy the record is tagged with, if any (for its page). */
	@Transactional(readOnly = true)
	public @Nullable Long strategyOf(CurrentUser actor, long id) {
		get(actor, id);
		return tags.of(StrategyTags.Tagged.OPPORTUNITY, id);
	}
}
