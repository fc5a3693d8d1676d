package io.rumbo.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a customer bought, and the visits and open opportunities around it, for the customer page. Declared here and implemented by the sales module, because sales
 * comes later in the dependency order and customers must not depend on it.
 */
public interface CustomerSalesHistory {

	/** Booked sales of one year, and whether the customer bought again the year after (retention). */
	record Year(int year, long orders, BigDecimal net, BigDecimal margin, boolean boughtNextYear) {
	}

	record RecentOrder(long id, String orderNumber, LocalDate orderDate, BigDecimal net, BigDecimal margin) {
	}

	/** A visit, call or other activity; {@code type} is the sales module's activity type name. */
	record RecentActivity(long id, String type, LocalDate plannedOn, @Nullable LocalDate doneOn,
			@Nullable String outcome) {
	}

	record OpenOpportunity(long id, String title, BigDecimal amount, String stageCode, LocalDate expectedClose) {
	}

	/** Repeat-customer facts derived from booked orders. */
	record Facts(@Nullable LocalDate firstPurchase, @Nullable LocalDate lastPurchase, long orders, BigDecimal net,
			BigDecimal margin, List<Year> years, List<RecentOrder> recent, List<RecentActivity> activities,
			List<OpenOpportunity> opportunities) {

		public boolean hasBought() {
			return firstPurchase != null;
		}
	}

	Facts of(long customerId);

	/** An order of the sales module, as service cases and ratings refer to it. */
	record OrderRef(long id, String orderNumber) {
	}

	/** The customer's order with this order number or external number, if there is one. */
	Optional<OrderRef> order(long customerId, String numberOrExternal);
}
