package io.rumbo.sales.web;

import java.math.BigDecimal;

import io.rumbo.sales.domain.OrderQueries;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code GET /api/v1/orders/totals} answers. Its own name, so that the OpenAPI document does not confuse it with
 * another module's {@code Totals} schema (it once documented the plan's revenue, units, margin and newCustomers).
 */
@Schema(name = "OrderTotals", description = "Booked (not cancelled) orders of the filter, summed")
record OrderTotalsResponse(
		@Schema(description = "Number of booked orders", example = "128") long orders,
		@Schema(description = "Net amount, returns deducted", example = "48210.50") BigDecimal net,
		@Schema(description = "Gross margin at the standard cost of each order date", example = "15020.10") BigDecimal margin,
		@Schema(description = "Units sold, returns deducted", example = "940") BigDecimal units) {

	static OrderTotalsResponse of(OrderQueries.Totals totals) {
		return new OrderTotalsResponse(totals.orders(), totals.net(), totals.margin(), totals.units());
	}
}
