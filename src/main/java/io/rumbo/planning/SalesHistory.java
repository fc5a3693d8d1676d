package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The open pipeline and what target customers and strategies did, read from the sales records for plan versus actual,
 * target lists and strategies. Declared here and implemented by the sales module, because sales comes later in the
 * dependency order. Booked results come from the metrics facts through {@link PlanActuals} instead.
 */
public interface SalesHistory {

	/**
	 * Open opportunities weighted by their stage's probability, by expected close month ({@code month} is its first
	 * day, which starts a fiscal month too), owner's unit and product line ({@code null} for an opportunity without
	 * products).
	 */
	record Pipeline(LocalDate month, long unitId, @Nullable Long lineId, BigDecimal weighted) {
	}

	/**
	 * The open pipeline expected to close in the range; only the opportunities of these owners' units when
	 * {@code unitIds} is given (filtered in SQL), every unit when it is {@code null}.
	 */
	List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds);

	/**
	 * What the plan's forecast adds to the actual (decision 0025): the open pipeline weighted by probability, except
	 * that a salesperson who called a forecast for a fiscal month counts for that month with their call (the called
	 * most likely figure less what they had already won when they called, never below zero; on the line of
	 * opportunities without products) instead of their deals. {@code calls} says how many calls were used.
	 */
	record Forecast(List<Pipeline> rows, int calls) {
	}

	/** {@link Forecast}: without calls (an implementation that has none), the weighted pipeline. */
	default Forecast forecast(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds) {
		return new Forecast(pipeline(from, toExclusive, unitIds), 0);
	}

	/** Which of these customers had a visit or other activity done in the period. */
	Set<Long> visited(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Which of these customers booked an order in the period. */
	Set<Long> bought(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Net revenue, margin and number of booked orders tagged with each strategy. */
	record Contribution(long strategyId, BigDecimal revenue, BigDecimal margin, long orders, long opportunities) {
	}

	Map<Long, Contribution> contributions(Collection<Long> strategyIds);
}
