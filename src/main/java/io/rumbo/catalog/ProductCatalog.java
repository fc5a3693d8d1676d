package io.rumbo.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.domain.CatalogQueries;

/**
 * What other modules read from the catalog: products by id and their cost histories, each in one query, so that
 * an order with many lines, or an import of many orders, looks up its products set-based.
 */
@Service
public class ProductCatalog {

	private final CatalogQueries queries;
	private final Clock clock;

	ProductCatalog(CatalogQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ProductView> products(Collection<Long> ids) {
		return queries.productsById(ids, LocalDate.now(clock));
	}

	/**
	 * The products with these SKUs (compared case-insensitively), by upper-case SKU, a thousand per query: imports
	 * read only the SKUs their file names.
	 */
	@Transactional(readOnly = true)
	public Map<String, ProductView> bySkus(Collection<String> skus) {
		List<String> upper = skus.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
		Map<String, ProductView> found = new java.util.HashMap<>();
		for (int i = 0; i < upper.size(); i += 1000) {
			queries.productsBySku(upper.subList(i, Math.min(upper.size(), i + 1000)), LocalDate.now(clock))
				.forEach(p -> found.put(p.sku().toUpperCase(java.util.Locale.ROOT), p));
		}
		return found;
	}

	/** Every product that is on sale today (not withdrawn). */
	@Transactional(readOnly = true)
	public List<ProductView> activeProducts() {
		return queries.productsById(queries.activeProductIds(), LocalDate.now(clock));
	}

	/** The cost history of each product, to find the standard cost in force on any date. */
	@Transactional(readOnly = true)
	public Map<Long, CostHistory> costHistories(Collection<Long> productIds) {
		return queries.costHistories(productIds);
	}

	// ---- by typed id, for the modules that refer to products by ProductId

	@Transactional(readOnly = true)
	public Optional<ProductView> product(ProductId id) {
		return productsOf(List.of(id)).stream().findFirst();
	}

	/** Products by id (archived included), in one query. */
	@Transactional(readOnly = true)
	public List<ProductView> productsOf(Collection<ProductId> ids) {
		return products(ids.stream().map(ProductId::value).toList());
	}

	/** The cost history of each product, to find the standard cost in force on any date. */
	@Transactional(readOnly = true)
	public Map<ProductId, CostHistory> costHistoriesOf(Collection<ProductId> ids) {
		Map<ProductId, CostHistory> histories = new java.util.HashMap<>();
		costHistories(ids.stream().map(ProductId::value).toList())
			.forEach((id, history) -> histories.put(ProductId.of(id), history));
		return histories;
	}
}
