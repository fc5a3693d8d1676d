package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * Booked results and the open pipeline, summed set-based, for baselines and plan-versus-actual. Declared here and
 * implemented by the sales module. Amounts are credited to the unit each salesperson was in on the order date, in
 * proportion to their credit share. Actuals come by fiscal month; new customers and the pipeline by calendar month
 * ({@code month} is its first day, which starts a fiscal month too).
 */
public interface SalesHistory {

	/** What a unit booked of a product line in a fiscal month. */
	record Actual(FiscalPeriod month, UnitId unitId, ProductLineId lineId, BigDecimal revenue, BigDecimal units,
			BigDecimal margin) {
	}

	record NewCustomers(LocalDate month, long unitId, long count) {
	}

	/** Open opportunities weighted by their stage's probability, by expected close month and owner's unit. */
	record Pipeline(LocalDate month, long unitId, @Nullable Long lineId, BigDecimal weighted) {
	}

	/** Booked results per unit, product line and fiscal month of the period. */
	List<Actual> actuals(FiscalPeriod period);

	/**
	 * As {@link #actuals(FiscalPeriod)}, only for these units: a reader's plan-versus-actual reads their rows, not
	 * the company's. Implementations should filter in SQL; this default filters the company's answer.
	 */
	default List<Actual> actuals(FiscalPeriod period, java.util.Set<Long> unitIds) {
		return actuals(period).stream().filter(a -> unitIds.contains(a.unitId().value())).toList();
	}

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
