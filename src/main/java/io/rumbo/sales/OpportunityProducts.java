package io.rumbo.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.domain.Opportunity;
import io.rumbo.sales.domain.OpportunityRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;

/**
 * The products an opportunity is about (its line items), priced like order lines. With products, the opportunity's
 * amount is their total (a new total is announced with {@link OpportunityChanged}), and a won opportunity books them
 * as its order.
 */
@Service
public class OpportunityProducts {

	/** A product the opportunity is about; without a unit price the list price applies. */
	public record ProductLine(long productId, BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	/**
	 * A product line as pages and the API show it, with its net amount (quantity x price less discount). Named apart
	 * in the OpenAPI document, where the catalog's {@code ProductLineView} (a product line) would otherwise replace it.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "OpportunityProductLine")
	public record ProductLineView(int lineNo, long productId, String sku, String nameEs, String nameEn,
			BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal net) {
	}

	private record Row(int lineNo, long productId, OrderLines.Priced priced) {
	}

	private final OpportunityQueries queries;
	private final OpportunityRepository opportunities;
	private final ProductCatalog catalog;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final EntityManager entities;
	private final OpportunityChanges changes;
	private final io.rumbo.organization.DataScopes scopes;

	OpportunityProducts(OpportunityQueries queries, OpportunityRepository opportunities, ProductCatalog catalog,
			AuditTrail audit, JdbcClient jdbc, EntityManager entities, OpportunityChanges changes,
			io.rumbo.organization.DataScopes scopes) {
		this.scopes = scopes;
		this.queries = queries;
		this.opportunities = opportunities;
		this.catalog = catalog;
		this.audit = audit;
		this.jdbc = jdbc;
		this.entities = entities;
		this.changes = changes;
	}

	@Transactional(readOnly = true)
	public List<ProductLineView> products(CurrentUser actor, long id) {
		queries.get(actor, id);
		List<ProductLineView> raw = jdbc.sql("""
				SELECT line_no, product_id, quantity, unit_price, discount_percent, net_amount
				FROM sales_opportunity_product WHERE opportunity_id = :id ORDER BY line_no""")
			.param("id", id)
			.query((rs, n) -> new ProductLineView(rs.getInt(1), rs.getLong(2), "", "", "", rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
		Map<Long, ProductView> products = products(raw.stream().map(ProductLineView::productId).toList());
		return raw.stream().map(l -> {
			ProductView p = products.get(l.productId());
			return new ProductLineView(l.lineNo(), l.productId(), p == null ? "" : p.sku(), p == null ? "" : p.nameEs(),
					p == null ? "" : p.nameEn(), l.quantity(), l.unitPrice(), l.discountPercent(), l.net());
		}).toList();
	}

	/**
	 * The products of several opportunities in one query, by opportunity, those outside the reader's scope left out
	 * (the incentive estimator's "what winning it would add"); names are not filled in.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<ProductLineView>> productsOf(CurrentUser actor, java.util.Collection<Long> ids) {
		Map<Long, List<ProductLineView>> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", ids);
		String scope = scopes.of(actor).sql("o.owner_unit_id", "o.owner_staff_id", params);
		jdbc.sql("""
				SELECT p.opportunity_id, p.line_no, p.product_id, p.quantity, p.unit_price, p.discount_percent,
				       p.net_amount
				FROM sales_opportunity_product p JOIN sales_opportunity o ON o.id = p.opportunity_id
				WHERE p.opportunity_id IN (:ids)""" + " AND " + scope + " ORDER BY p.opportunity_id, p.line_no")
			.params(params)
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ProductLineView(rs.getInt(2), rs.getLong(3), "", "", "", rs.getBigDecimal(4),
							rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
				return 0;
			})
			.list();
		return result;
	}

	/**
	 * Replaces the products of an opportunity without an order (an empty list removes them); the amount becomes
	 * their total. Carries the version read, like every edit.
	 */
	@Transactional
	public OpportunityView setProducts(CurrentUser actor, long id, long version, List<ProductLine> lines) {
		OpportunityView current = queries.get(actor, id);
		if (!OpportunityManagement.mayWork(actor)) {
			throw new AccessRefusedException("opportunities");
		}
		Opportunity opportunity = opportunities.findById(id).orElseThrow(() -> new NotFoundException("opportunity", id));
		if (opportunity.version() != version) {
			throw new StaleVersionException(version, current);
		}
		opportunity.ensureNotOrdered();
		List<Row> rows = priced(lines);
		BigDecimal total = rows.stream().map(r -> r.priced().net()).reduce(Amounts.money(BigDecimal.ZERO), BigDecimal::add);
		var before = opportunity.auditState();
		OpportunityChanges.Before counted = changes.before(opportunity);
		jdbc.sql("DELETE FROM sales_opportunity_product WHERE opportunity_id = :id").param("id", id).update();
		for (Row row : rows) {
			jdbc.sql("""
					INSERT INTO sales_opportunity_product (opportunity_id, line_no, product_id, quantity, unit_price,
					  discount_percent, net_amount) VALUES (:id, :no, :product, :quantity, :price, :discount, :net)""")
				.param("id", id).param("no", row.lineNo()).param("product", row.productId())
				.param("quantity", row.priced().quantity()).param("price", row.priced().unitPrice())
				.param("discount", row.priced().discountPercent()).param("net", row.priced().net())
				.update();
		}
		if (!rows.isEmpty()) {
			opportunity.pricedAt(total);
		}
		// The products are part of the opportunity: changing only them still moves its version.
		entities.lock(opportunity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		opportunities.saveAndFlush(opportunity);
		audit.record("OPPORTUNITY", id, "PRODUCTS", before, Map.of("amount", total.toPlainString(), "lines", rows.size()),
				opportunity.title());
		changes.edited(opportunity, counted);
		return queries.get(actor, id);
	}

	/** Prices every line like an order line, or refuses them all with one error per wrong line. */
	private List<Row> priced(List<ProductLine> lines) {
		Map<Long, ProductView> products = products(lines.stream().map(ProductLine::productId).toList());
		List<FieldError> errors = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ProductLine line = lines.get(i);
			ProductView product = products.get(line.productId());
			if (product == null || !product.active()) {
				errors.add(new FieldError("lines[" + i + "].productId", "sales.order.product.unknown"));
				continue;
			}
			if (line.quantity() == null || line.quantity().signum() <= 0 || !Bounds.isQuantity(line.quantity())) {
				errors.add(new FieldError("lines[" + i + "].quantity", "sales.opportunity.quantity.invalid"));
				continue;
			}
			BigDecimal price = line.unitPrice() == null ? product.listPrice() : line.unitPrice();
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			if (!Bounds.isPrice(price)) {
				errors.add(new FieldError("lines[" + i + "].unitPrice", "sales.order.price.invalid"));
				continue;
			}
			if (!Bounds.isDiscount(discount)) {
				errors.add(new FieldError("lines[" + i + "].discountPercent", "sales.order.discount.invalid"));
				continue;
			}
			rows.add(new Row(i + 1, line.productId(), OrderLines.price(line.quantity(), price, discount, null)));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return rows;
	}

	private Map<Long, ProductView> products(List<Long> ids) {
		Map<Long, ProductView> products = new HashMap<>();
		catalog.products(ids).forEach(p -> products.put(p.id(), p));
		return products;
	}
}
