package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One row of the order list: the order's totals and who is credited with it. */
public record OrderSummary(long id, long version, String orderNumber, @Nullable String externalNumber, long customerId,
		@Nullable String customerName, LocalDate orderDate, OrderStatus status, BigDecimal netAmount,
		BigDecimal marginAmount, BigDecimal units, String creditedTo) {
}
