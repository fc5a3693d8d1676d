package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * Booked results as plans read them, for the baseline, the spreads and plan versus actual: revenue, units and margin
 * by the unit each salesperson was in on the order date, product line and fiscal month (credit shares applied
 * exactly), and the customers new in each month by unit. Declared here and implemented by the metrics module from
 * its facts (decision 0009), because metrics comes later in the dependency order. The facts are monthly, so a period
 * covers the fiscal months that start in it, each whole: an order dated later in the current month already counts.
 * A unit, line and month where nothing was booked (or everything booked was returned) has no row.
 */
public interface PlanActuals {

	/** What a unit booked of a product line in a fiscal month; amounts unrounded (round for display). */
	record Actual(FiscalPeriod month, UnitId unitId, ProductLineId lineId, BigDecimal revenue, BigDecimal units,
			BigDecimal margin) {
	}

	/**
	 * The customers who bought for the first time ever in a fiscal month, counted in each unit that was credited
	 * with one of their orders (not a return) in that month: the metrics engine's new customers, by unit.
	 */
	record NewCustomers(FiscalPeriod month, UnitId unitId, long count) {
	}

	/**
	 * Booked results per unit, product line and fiscal month of the period; only the rows of these units when
	 * {@code unitIds} is given (a reader's plan versus actual reads their rows, not the company's), every unit when
	 * it is {@code null}.
	 */
	List<Actual> actuals(FiscalPeriod period, @Nullable Collection<UnitId> unitIds);

	/** New customers per unit and fiscal month of the period. */
	List<NewCustomers> newCustomers(FiscalPeriod period);
}
