package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One period of a product's standard cost, named by its SKU: the shape of the cost-history import and export. */
public record ProductCostView(String sku, LocalDate validFrom, BigDecimal standardCost) {
}
