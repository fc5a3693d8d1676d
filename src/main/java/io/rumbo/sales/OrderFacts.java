package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * What an order counts for, as order events carry it: enough for a listener to add or take away the order's part in
 * each credited person's figures without reading the sales tables.
 *
 * @param customerId who bought
 * @param orderDate the date the order counts on
 * @param credits the people credited, with the unit each was in on the order date and their share (summing to 100)
 * @param net the order's net amount (negative for a return)
 * @param units the units sold (negative for a return)
 * @param margin the gross margin at the standard cost of the order date
 */
public record OrderFacts(CustomerId customerId, LocalDate orderDate, List<Credit> credits, BigDecimal net,
		BigDecimal units, BigDecimal margin) {

	public OrderFacts {
		credits = List.copyOf(credits);
	}

	/** A person credited with a share (in %) of the order, in the unit they were in on the order date. */
	public record Credit(StaffId staffId, UnitId unitId, BigDecimal sharePercent) {
	}
}
