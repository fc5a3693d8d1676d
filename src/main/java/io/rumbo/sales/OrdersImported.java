package io.rumbo.sales;

import java.time.LocalDate;
import java.util.Set;

import io.rumbo.organization.StaffId;

/**
 * An order import created or replaced orders. Imports are set-based and load 100,000 lines at a time, so they
 * announce their orders in a few events instead of one per order (which would put 100,000 publications in the event
 * registry): each names up to {@link #NAMED} of the orders created or changed ({@code orders}), so a listener reads
 * those orders alone. Every event of one import repeats what the import did as a whole: how many orders it created
 * and updated, the range of order dates ({@code from} to {@code to}, inclusive) and the people credited, covering the
 * orders as they were before the import as well as after.
 */
public record OrdersImported(long created, long updated, LocalDate from, LocalDate to, Set<StaffId> credited,
		Set<OrderId> orders) {

	/**
	 * The most orders one event names: each takes about 18 characters of the event registry's serialized event (at
	 * most 100,000), next to the credited people.
	 */
	public static final int NAMED = 2_000;

	public OrdersImported {
		credited = Set.copyOf(credited);
		orders = Set.copyOf(orders);
	}
}
