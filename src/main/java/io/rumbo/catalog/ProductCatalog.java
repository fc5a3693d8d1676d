package io.rumbo.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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

	/** The cost history of each product, to find the standard cost in force on any date. */
	@Transactional(readOnly = true)
	public Map<Long, CostHistory> costHistories(Collection<Long> productIds) {
		return queries.costHistories(productIds);
	}
}
