package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product's standard cost is {@code standardCost} from {@code validFrom} until the next change: a new period, or
 * the correction of the period that starts on that date. Margins of orders dated from then on use it.
 */
public record ProductCostChanged(ProductId product, LocalDate validFrom, BigDecimal standardCost) {
}
