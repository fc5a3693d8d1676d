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

	/**
	 * Whether the user may log a visit or call from the customer page (the sales module's rule; its form posts to
	 * {@code /customers/{id}/visits}, which the sales module answers).
	 */
	default boolean mayLogVisits(io.rumbo.identity.CurrentUser user) {
		return false;
	}

	/**
	 * The customer's yearly figures without the lists (no recent orders, activities or opportunities), for the
	 * customer page, which reads those a page at a time.
	 */
	Facts summary(long customerId);

	/** One page of a list of the customer page, with the size of the whole list. */
	record Page<T>(List<T> rows, long total, int number, int size) {

		public boolean hasPrevious() {
			return number > 0;
		}

		public boolean hasNext() {
			return (long) (number + 1) * size < total;
		}

		/** The position of the first row shown (1-based), 0 when the list is empty. */
		public long first() {
			return rows.isEmpty() ? 0 : (long) number * size + 1;
		}

		public long last() {
			return (long) number * size + rows.size();
		}
	}

	/** The customer's booked orders, the latest first, a page at a time. */
	Page<RecentOrder> orders(long customerId, int page, int size);

	/** The customer's activities, the latest planned first, a page at a time. */
	Page<RecentActivity> activities(long customerId, int page, int size);

	/** The customer's open opportunities, the nearest close first, a page at a time. */
	Page<OpenOpportunity> openOpportunities(long customerId, int page, int size);

	/** An order of the sales module, as service cases and ratings refer to it. */
	record OrderRef(long id, String orderNumber) {
	}

	/** The customer's order with this order number or external number, if there is one. */
	Optional<OrderRef> order(long customerId, String numberOrExternal);
}
