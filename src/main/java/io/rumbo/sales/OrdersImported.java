package io.rumbo.sales;

import java.time.LocalDate;
import java.util.Set;

import io.rumbo.organization.StaffId;

/**
 * An order import created or replaced orders. Imports are set-based and load 100,000 lines at a time, so they
 * announce one event per import instead of one per order (which would put 100,000 publications in the event
 * registry): a listener rebuilds the figures of {@code credited} people for the order dates {@code from} to
 * {@code to} (inclusive) from the sales read models. The range and the people cover the orders as they were before
 * the import as well as after, so a replaced order that moved to another date or person is covered too.
 */
public record OrdersImported(long created, long updated, LocalDate from, LocalDate to, Set<StaffId> credited) {

	public OrdersImported {
		credited = Set.copyOf(credited);
	}
}
