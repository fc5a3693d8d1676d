package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.domain.CatalogQueries;
import io.rumbo.catalog.domain.Product;
import io.rumbo.catalog.domain.ProductCost;
import io.rumbo.catalog.domain.ProductCostRepository;
import io.rumbo.catalog.domain.ProductLine;
import io.rumbo.catalog.domain.ProductLineRepository;
import io.rumbo.catalog.domain.ProductRepository;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Product lines, products and their standard costs. Everyone reads the catalog; administrators, directors and
 * finance change it. Nothing is deleted: products and lines are archived, so orders keep what they reference.
 */
@Service
public class CatalogManagement {

	/** The sort keys product lists accept. */
	public static final Map<String, String> PRODUCT_SORTS = CatalogQueries.PRODUCT_SORTS;

	public record LineDetails(String code, String nameEs, String nameEn, boolean active) {
	}

	/** The editable fields of a product; {@code standardCost} and {@code costValidFrom} apply on creation. */
	public record ProductDetails(String sku, String nameEs, String nameEn, long lineId, UnitOfMeasure unitOfMeasure,
			BigDecimal listPrice, boolean active, @Nullable BigDecimal standardCost, @Nullable LocalDate costValidFrom) {
	}

	private final ProductLineRepository lines;
	private final ProductRepository products;
	private final ProductCostRepository costs;
	private final CatalogQueries queries;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CatalogManagement(ProductLineRepository lines, ProductRepository products, ProductCostRepository costs,
			CatalogQueries queries, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.lines = lines;
		this.products = products;
		this.costs = costs;
		this.queries = queries;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public PageResponse<ProductView> products(ProductFilter filter, ListQuery query) {
		return queries.products(filter, query, LocalDate.now(clock));
	}

	/** Every product's cost history, a page of periods ordered by SKU and start date. */
	@Transactional(readOnly = true)
	public PageResponse<ProductCostView> costs(ListQuery query) {
		return queries.costs(query);
	}

	@Transactional(readOnly = true)
	public void eachCost(Consumer<ProductCostView> sink) {
		queries.eachCost(sink);
	}

	@Transactional(readOnly = true)
	public void eachProduct(ProductFilter filter, ListQuery query, Consumer<ProductView> sink) {
		queries.eachProduct(filter, query, LocalDate.now(clock), sink);
	}

	@Transactional(readOnly = true)
	public ProductView product(long id) {
		ProductView view = queries.product(id, LocalDate.now(clock));
		if (view == null) {
			throw new NotFoundException("product", id);
		}
		return view;
	}

	@Transactional(readOnly = true)
	public List<CostPeriod> costHistory(long productId) {
		product(productId);
		return queries.costHistories(Set.of(productId)).get(productId).newestFirst();
	}

	@Transactional(readOnly = true)
	public List<ProductLineView> lines(boolean includeArchived) {
		return queries.lines(includeArchived, ListQuery.of(0, 1, List.of("code"), CatalogQueries.LINE_SORTS, "code"));
	}

	@Transactional(readOnly = true)
	public ProductLineView line(long id) {
		return lines(true).stream()
			.filter(l -> l.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("productLine", id));
	}

	public static boolean mayEdit(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.FINANCE);
	}

	// ---- lines

	@Transactional
	public ProductLineView createLine(CurrentUser actor, LineDetails details) {
		requireEditor(actor);
		validateLine(null, details);
		ProductLine line = lines.saveAndFlush(new ProductLine(details.code().trim(), details.nameEs().trim(),
				details.nameEn().trim()));
		audit.record("PRODUCT_LINE", line.id(), "CREATE", null, line.auditState(), line.code());
		return line(line.id());
	}

	@Transactional
	public ProductLineView updateLine(CurrentUser actor, long id, long version, LineDetails details) {
		requireEditor(actor);
		ProductLine line = lines.findById(id).orElseThrow(() -> new NotFoundException("productLine", id));
		if (line.version() != version) {
			throw new StaleVersionException(version, line(id));
		}
		validateLine(line, details);
		var before = line.auditState();
		line.describe(details.code().trim(), details.nameEs().trim(), details.nameEn().trim(), details.active());
		lines.saveAndFlush(line);
		audit.record("PRODUCT_LINE", id, "UPDATE", before, line.auditState(), line.code());
		return line(id);
	}

	/** Takes a line off sale; a line already inactive is refused (409) and nothing is written. */
	@Transactional
	public void archiveLine(CurrentUser actor, long id) {
		requireEditor(actor);
		ProductLine line = lines.findById(id).orElseThrow(() -> new NotFoundException("productLine", id));
		var before = line.auditState();
		line.archive();
		audit.record("PRODUCT_LINE", id, "ARCHIVE", before, line.auditState(), line.code());
	}

	private void validateLine(@Nullable ProductLine existing, LineDetails details) {
		String code = details.code() == null ? "" : details.code().trim();
		if (!code.matches("[A-Za-z0-9_.-]{1,32}")) {
			throw ValidationFailedException.of("code", "catalog.line.code.invalid");
		}
		if (existing == null ? lines.existsByCodeIgnoreCase(code) : lines.existsByCodeIgnoreCaseAndIdNot(code, existing.id())) {
			throw ValidationFailedException.of("code", "catalog.line.code.taken", code);
		}
	}

	// ---- products

	@Transactional
	public ProductView createProduct(CurrentUser actor, ProductDetails details) {
		requireEditor(actor);
		List<FieldError> errors = validateProduct(null, details);
		if (details.standardCost() != null && !Bounds.isPrice(details.standardCost())) {
			errors.add(new FieldError("standardCost", "catalog.product.cost.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		Product product = products.saveAndFlush(new Product(details.sku().trim(), details.nameEs().trim(),
				details.nameEn().trim(), details.lineId(), details.unitOfMeasure(), details.listPrice()));
		audit.record("PRODUCT", product.id(), "CREATE", null, product.auditState(), product.sku());
		if (details.standardCost() != null) {
			setCost(product, details.standardCost(),
					details.costValidFrom() == null ? LocalDate.now(clock) : details.costValidFrom());
		}
		return product(product.id());
	}

	@Transactional
	public ProductView updateProduct(CurrentUser actor, long id, long version, ProductDetails details) {
		requireEditor(actor);
		Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
		if (product.version() != version) {
			throw new StaleVersionException(version, product(id));
		}
		List<FieldError> errors = validateProduct(product, details);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		var before = product.auditState();
		long lineBefore = product.lineId();
		product.describe(details.sku().trim(), details.nameEs().trim(), details.nameEn().trim(), details.lineId(),
				details.unitOfMeasure(), details.listPrice(), details.active());
		products.saveAndFlush(product);
		audit.record("PRODUCT", id, "UPDATE", before, product.auditState(), product.sku());
		if (product.lineId() != lineBefore) {
			events.publishEvent(new ProductMovedToLine(ProductId.of(id), ProductLineId.of(lineBefore),
					ProductLineId.of(product.lineId())));
		}
		return product(id);
	}

	/**
	 * Products are never deleted: orders keep referring to them. Archiving takes them off sale; a product already off
	 * sale is refused (409) and nothing is written.
	 */
	@Transactional
	public void archiveProduct(CurrentUser actor, long id) {
		requireEditor(actor);
		Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
		var before = product.auditState();
		product.archive();
		audit.record("PRODUCT", id, "ARCHIVE", before, product.auditState(), product.sku());
	}

	/** A standard cost in force from {@code validFrom}; the same start date again corrects that period. */
	@Transactional
	public List<CostPeriod> addCost(CurrentUser actor, long productId, BigDecimal standardCost, LocalDate validFrom) {
		requireEditor(actor);
		Product product = products.findById(productId).orElseThrow(() -> new NotFoundException("product", productId));
		if (!Bounds.isPrice(standardCost)) {
			throw ValidationFailedException.of("standardCost", "catalog.product.cost.invalid");
		}
		setCost(product, standardCost, validFrom);
		return costHistory(productId);
	}

	/** The one way a cost changes, so that every change is audited and announced. */
	private void setCost(Product product, BigDecimal standardCost, LocalDate validFrom) {
		ProductCost cost = costs.findByProductIdAndValidFrom(product.id(), validFrom).orElse(null);
		if (cost != null && cost.standardCost().compareTo(Amounts.price(standardCost)) == 0) {
			return; // the same cost again changes nothing: no audit line, no event
		}
		String before = cost == null ? null : cost.standardCost().toPlainString();
		if (cost == null) {
			cost = new ProductCost(product.id(), standardCost, validFrom);
		}
		else {
			cost.correct(standardCost);
		}
		costs.saveAndFlush(cost);
		audit.record("PRODUCT", product.id(), before == null ? "COST_ADD" : "COST_CORRECT",
				before == null ? null : Map.of("standardCost", before, "validFrom", validFrom.toString()),
				Map.of("standardCost", cost.standardCost().toPlainString(), "validFrom", validFrom.toString()),
				product.sku());
		events.publishEvent(new ProductCostChanged(ProductId.of(product.id()), validFrom, cost.standardCost()));
	}

	private List<FieldError> validateProduct(@Nullable Product existing, ProductDetails details) {
		List<FieldError> errors = new ArrayList<>();
		String sku = details.sku() == null ? "" : details.sku().trim();
		if (!sku.matches("[A-Za-z0-9_.-]{1,40}")) {
			errors.add(new FieldError("sku", "catalog.product.sku.invalid"));
		}
		else if (existing == null ? products.existsBySkuIgnoreCase(sku)
				: products.existsBySkuIgnoreCaseAndIdNot(sku, existing.id())) {
			errors.add(new FieldError("sku", "catalog.product.sku.taken", sku));
		}
		ProductLine line = lines.findById(details.lineId()).orElse(null);
		if (line == null || !line.active()) {
			errors.add(new FieldError("lineId", "catalog.product.line.unknown"));
		}
		if (!Bounds.isPrice(details.listPrice())) {
			errors.add(new FieldError("listPrice", "catalog.product.price.invalid"));
		}
		return errors;
	}

	private static void requireEditor(CurrentUser actor) {
		if (!mayEdit(actor)) {
			throw new AccessRefusedException("catalog");
		}
	}
}
