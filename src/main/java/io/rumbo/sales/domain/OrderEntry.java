package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.OrderManagement.NewLine;
import io.rumbo.sales.OrderManagement.OrderDetails;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * Checks an order as entered on screen or through the API and makes what it says: the customer is one the actor may
 * sell to, the external number is free, every line passes {@link OrderLines#check} and is priced from the catalog,
 * the credits pass the {@link CreditRule}. Every problem is reported at once, by field.
 */
@Component
public class OrderEntry {

	private final ProductCatalog catalog;
	private final CustomerManagement customerManagement;
	private final CustomerDirectory customers;
	private final DataScopes scopes;
	private final OrderStore store;
	private final CreditRule creditRule;
	private final CoverageCheck coverage;

	OrderEntry(ProductCatalog catalog, CustomerManagement customerManagement, CustomerDirectory customers,
			DataScopes scopes, OrderStore store, CreditRule creditRule, CoverageCheck coverage) {
		this.coverage = coverage;
		this.catalog = catalog;
		this.customerManagement = customerManagement;
		this.customers = customers;
		this.scopes = scopes;
		this.store = store;
		this.creditRule = creditRule;
	}

	/** What a new order says, or a {@link ValidationFailedException} naming every field in error. */
	public SalesOrder.Content check(CurrentUser actor, OrderDetails details) {
		return check(actor, details, null, null);
	}

	/**
	 * What the order says, or a {@link ValidationFailedException} naming every field in error; {@code before} is what
	 * order {@code existingId} said until this edit (null for a new order). An edit checks the channel coverage only of
	 * what it changes (see {@link #uncovered}).
	 */
	public SalesOrder.Content check(CurrentUser actor, OrderDetails details, @Nullable Long existingId,
			SalesOrder.@Nullable Content before) {
		List<FieldError> errors = new ArrayList<>();
		var customer = customers.find(details.customerId());
		boolean customerVisible = customer.isPresent() && !customer.get().archived()
				&& (actor.hasAny(Role.ADMIN, Role.DIRECTOR) || customerManagement.isVisible(actor, details.customerId()));
		if (!customerVisible) {
			errors.add(new FieldError("customerId", "sales.order.customer.unknown"));
		}
		String external = blankToNull(details.externalNumber());
		if (external != null && store.externalNumberTaken(external, existingId)) {
			errors.add(new FieldError("externalNumber", "sales.order.externalNumber.taken", external));
		}
		List<OrderLine> lines = lines(details, existingId == null, errors);
		List<CreditRule.Share> shares = details.credits()
			.stream()
			.map(c -> new CreditRule.Share(c.staffId(), c.sharePercent()))
			.toList();
		CreditRule.Split split = creditRule.check(actor, scopes.of(actor), shares,
				customer.map(c -> c.ownerStaffId()).orElse(null), details.orderDate());
		split.problems()
			.forEach(p -> errors.add(new FieldError(p.index() < 0 ? "credits" : "credits[" + p.index() + "].staffId",
					p.key())));
		if (split.problems().isEmpty()) {
			// A channel's seller sells only the product lines its terms cover (decision 0042).
			uncovered(details, split.credits(), before)
				.forEach(u -> errors.add(new FieldError("lines[" + u.index() + "].productId", CoverageCheck.key(),
						u.product(), u.sku(), u.line(), u.seller())));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return new SalesOrder.Content(details.customerId(), details.orderDate(), external,
				blankToNull(details.notes()), lines, split.credits());
	}

	/**
	 * The lines a credited channel seller does not cover (decision 0042). A new order checks every line for every
	 * credited seller. An edit leaves alone what the order already said, booked under the terms of its day (a later
	 * change of notes or price must not be refused because the terms narrowed since): it checks the lines added or whose
	 * product changed (each line of the order before stands for one line of its product) for every credited seller, and
	 * every line for a seller credited only now. A new order date checks everything again.
	 */
	private List<CoverageCheck.Uncovered> uncovered(OrderDetails details, List<OrderCredit> credits,
			SalesOrder.@Nullable Content before) {
		List<Long> sellers = credits.stream().map(OrderCredit::staffId).toList();
		List<Long> productIds = details.lines().stream().map(NewLine::productId).toList();
		if (before == null || !before.orderDate().equals(details.orderDate())) {
			return coverage.order(details.orderDate(), sellers, productIds);
		}
		Set<Long> sellersBefore = new HashSet<>();
		before.credits().forEach(c -> sellersBefore.add(c.staffId()));
		List<Long> newSellers = sellers.stream().filter(s -> !sellersBefore.contains(s)).toList();
		Map<Long, Integer> linesBefore = new HashMap<>();
		before.lines().forEach(l -> linesBefore.merge(l.productId(), 1, Integer::sum));
		List<Integer> changed = new ArrayList<>();
		for (int i = 0; i < productIds.size(); i++) {
			Integer left = linesBefore.get(productIds.get(i));
			if (left == null || left == 0) {
				changed.add(i);
			}
			else {
				linesBefore.put(productIds.get(i), left - 1);
			}
		}
		List<CoverageCheck.Uncovered> found = new ArrayList<>(
				newSellers.isEmpty() ? List.of() : coverage.order(details.orderDate(), newSellers, productIds));
		List<Long> keptSellers = sellers.stream().filter(sellersBefore::contains).toList();
		if (!keptSellers.isEmpty() && !changed.isEmpty()) {
			// Indexes of the changed lines map back to their place in the order.
			coverage.order(details.orderDate(), keptSellers, changed.stream().map(productIds::get).toList())
				.forEach(u -> found.add(new CoverageCheck.Uncovered(changed.get(u.index()), u.row(), u.product(),
						u.sku(), u.line(), u.seller())));
		}
		return found;
	}

	private List<OrderLine> lines(OrderDetails details, boolean newOrder, List<FieldError> errors) {
		if (details.lines().isEmpty()) {
			errors.add(new FieldError("lines", "sales.order.lines.required"));
		}
		Set<Long> productIds = new HashSet<>();
		details.lines().forEach(l -> productIds.add(l.productId()));
		Map<Long, ProductView> products = new HashMap<>();
		catalog.products(productIds).forEach(p -> products.put(p.id(), p));
		Map<Long, CostHistory> costs = catalog.costHistories(productIds);
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			NewLine line = details.lines().get(i);
			String prefix = "lines[" + i + "].";
			ProductView product = products.get(line.productId());
			// A product withdrawn from sale stays on the orders that have it, but no new order takes it.
			if (product == null || (!product.active() && newOrder)) {
				errors.add(new FieldError(prefix + "productId", "sales.order.product.unknown"));
				continue;
			}
			BigDecimal price = line.unitPrice() == null ? product.listPrice() : line.unitPrice();
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			List<OrderLines.Problem> problems = OrderLines.check(line.quantity(), price, discount);
			if (!problems.isEmpty()) {
				problems.forEach(p -> errors.add(new FieldError(prefix + p.field(), p.key())));
				continue;
			}
			BigDecimal cost = costs.get(line.productId()).costOn(details.orderDate()).orElse(null);
			lines.add(new OrderLine(i + 1, line.productId(), OrderLines.price(line.quantity(), price, discount, cost)));
		}
		return lines;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
