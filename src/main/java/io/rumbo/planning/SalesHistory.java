package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Booked results and the open pipeline, summed set-based, for baselines and plan-versus-actual. Declared here and
 * implemented by the sales module. Amounts are credited to the unit each salesperson was in on the order date, in
 * proportion to their credit share; {@code month} is the first day of the calendar month.
 */
public interface SalesHistory {

	record Actual(LocalDate month, long unitId, long lineId, BigDecimal revenue, BigDecimal units, BigDecimal margin) {
	}

	record NewCustomers(LocalDate month, long unitId, long count) {
	}

	/** Open opportunities weighted by their stage's probability, by expected close month and owner's unit. */
	record Pipeline(LocalDate month, long unitId, @Nullable Long lineId, BigDecimal weighted) {
	}

	List<Actual> actuals(LocalDate from, LocalDate toExclusive);

	List<NewCustomers> newCustomers(LocalDate from, LocalDate toExclusive);

	List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive);

	/** Which of these customers had a visit or other activity done in the period. */
	java.util.Set<Long> visited(java.util.Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Which of these customers booked an order in the period. */
	java.util.Set<Long> bought(java.util.Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Net revenue, margin and number of booked orders tagged with each strategy. */
	record Contribution(long strategyId, BigDecimal revenue, BigDecimal margin, long orders, long opportunities) {
	}

	java.util.Map<Long, Contribution> contributions(java.util.Collection<Long> strategyIds);
}
