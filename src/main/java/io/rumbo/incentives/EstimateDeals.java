package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityProducts.ProductLineView;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;

/**
 * A person's open opportunities as the estimator counts them if won (decision 0024): three reads for all of them
 * (the opportunities, their products, the products' lines and standard costs), whatever their number.
 */
@Component
class EstimateDeals {

	/**
	 * An open opportunity with its products and, per product, its line and standard cost (null when unknown).
	 */
	record Deal(long id, String title, @Nullable String customerName, BigDecimal amount, LocalDate expectedClose,
			String stageCode, int probability, List<Product> products) {

		/**
		 * What winning it would count in a measure (of one product line when given): revenue its amount (of a line:
		 * its products' net there), units its products' quantity, margin net less quantity x standard cost when every
		 * product counted has a cost, one order or one won opportunity; nothing for the other measures, and empty
		 * when the figure cannot be known (a margin without costs, a line's revenue without products).
		 */
		Optional<BigDecimal> counts(Metric metric, @Nullable Long line) {
			List<Product> in = line == null ? products : products.stream().filter(p -> p.lineId() == line).toList();
			return switch (metric) {
				case REVENUE -> line == null ? Optional.of(amount)
						: products.isEmpty() ? Optional.empty() : Optional.of(sum(in, Product::net));
				case UNITS -> products.isEmpty() ? Optional.empty() : Optional.of(sum(in, Product::quantity));
				case MARGIN -> products.isEmpty() || in.stream().anyMatch(p -> p.cost() == null) ? Optional.empty()
						: Optional.of(sum(in, p -> p.net().subtract(p.quantity().multiply(p.cost()))));
				case ORDERS -> line == null ? Optional.of(BigDecimal.ONE) : products.isEmpty() ? Optional.empty()
						: Optional.of(in.stream().anyMatch(p -> p.net().signum() > 0) ? BigDecimal.ONE : BigDecimal.ZERO);
				case OPPORTUNITIES_WON -> Optional.of(BigDecimal.ONE);
				default -> Optional.of(BigDecimal.ZERO);
			};
		}

		private static BigDecimal sum(List<Product> products, java.util.function.Function<Product, BigDecimal> f) {
			return products.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	record Product(long lineId, BigDecimal quantity, BigDecimal net, @Nullable BigDecimal cost) {
	}

	private final OpportunityQueries opportunities;
	private final OpportunityProducts products;
	private final ProductCatalog catalog;

	EstimateDeals(OpportunityQueries opportunities, OpportunityProducts products, ProductCatalog catalog) {
		this.opportunities = opportunities;
		this.products = products;
		this.catalog = catalog;
	}

	/** The open opportunities the person owns, as the reader may see them. */
	List<Deal> openDeals(CurrentUser actor, long staffId) {
		List<OpportunityView> open = opportunities.list(actor, new OpportunityQueries.Filter(staffId, null, null, true));
		Map<Long, List<ProductLineView>> lines = products.productsOf(actor,
				open.stream().map(OpportunityView::id).toList());
		Map<Long, ProductView> catalogue = new HashMap<>();
		List<Long> ids = lines.values().stream().flatMap(List::stream).map(ProductLineView::productId).distinct()
			.toList();
		if (!ids.isEmpty()) {
			catalog.products(ids).forEach(p -> catalogue.put(p.id(), p));
		}
		return open.stream().map(o -> new Deal(o.id(), o.title(), o.customerName(), o.amount(), o.expectedClose(),
				o.stageCode(), o.probability(), lines.getOrDefault(o.id(), List.of()).stream().map(l -> {
					ProductView p = catalogue.get(l.productId());
					return new Product(p == null ? -1 : p.lineId(), l.quantity(), l.net(),
							p == null ? null : p.standardCost());
				}).toList())).toList();
	}
}
