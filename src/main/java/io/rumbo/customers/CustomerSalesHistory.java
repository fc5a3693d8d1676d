package io.rumbo.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a customer bought, for the customer page. Declared here and implemented by the sales module, because sales
 * comes later in the dependency order and customers must not depend on it.
 */
public interface CustomerSalesHistory {

	/** Booked sales of one year, and whether the customer bought again the year after (retention). */
	record Year(int year, long orders, BigDecimal net, BigDecimal margin, boolean boughtNextYear) {
	}

	record RecentOrder(long id, String orderNumber, LocalDate orderDate, BigDecimal net, BigDecimal margin) {
	}

	/** Repeat-customer facts derived from booked orders. */
	record Facts(@Nullable LocalDate firstPurchase, @Nullable LocalDate lastPurchase, long orders, BigDecimal net,
			BigDecimal margin, List<Year> years, List<RecentOrder> recent) {

		public boolean hasBought() {
			return firstPurchase != null;
		}
	}

	Facts of(long customerId);
}
