package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Last years' sales as plans use them: the baseline a new plan starts from and the weights spreads take (last
 * year's shares, the seasonality profile), read through the sales module's {@link SalesHistory}.
 */
@Component
class PlanHistory {

	private final ObjectProvider<SalesHistory> sales;
	private final FiscalCalendar calendar;

	PlanHistory(ObjectProvider<SalesHistory> sales, FiscalCalendar calendar) {
		this.sales = sales;
		this.calendar = calendar;
	}


	/** Last year's actuals per team, line and fiscal month (and new customers per team and month). */
	record Baseline(Map<TargetStore.Key, BigDecimal[]> cells, Map<TargetStore.Key, BigDecimal> newCustomers) {

		BigDecimal value(TargetStore.Key key, Measure measure) {
			BigDecimal[] v = cells.get(key);
			if (v == null) {
				return BigDecimal.ZERO;
			}
			return switch (measure) {
				case REVENUE -> v[0];
				case UNITS -> v[1];
				case MARGIN -> v[2];
				case NEW_CUSTOMERS -> BigDecimal.ZERO;
			};
		}
	}

	Baseline baseline(int fiscalYear, PlanTree tree) {
		Map<TargetStore.Key, BigDecimal[]> cells = new LinkedHashMap<>();
		Map<TargetStore.Key, BigDecimal> customers = new LinkedHashMap<>();
		SalesHistory history = sales.getIfAvailable();
		if (history == null) {
			return new Baseline(cells, customers);
		}
		FiscalYears years = calendar.years();
		FiscalPeriod year = years.year(fiscalYear);
		for (SalesHistory.Actual a : history.actuals(year.start(), year.end())) {
			if (!tree.contains(a.unitId())) {
				continue;
			}
			BigDecimal[] v = cells.computeIfAbsent(new TargetStore.Key(a.unitId(), a.lineId(), years.monthOf(a.month())),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			v[0] = v[0].add(a.revenue());
			v[1] = v[1].add(a.units());
			v[2] = v[2].add(a.margin());
		}
		for (SalesHistory.NewCustomers n : history.newCustomers(year.start(), year.end())) {
			if (tree.contains(n.unitId())) {
				customers.merge(new TargetStore.Key(n.unitId(), 0, years.monthOf(n.month())), BigDecimal.valueOf(n.count()),
						BigDecimal::add);
			}
		}
		return new Baseline(cells, customers);
	}

	/** Each fiscal month's share of company revenue over the two years before the plan's year. */
	Map<Integer, BigDecimal> seasonality(int fiscalYear) {
		Map<Integer, BigDecimal> profile = new HashMap<>();
		SalesHistory history = sales.getIfAvailable();
		if (history == null) {
			return profile;
		}
		FiscalYears years = calendar.years();
		for (SalesHistory.Actual a : history.actuals(years.year(fiscalYear - 2).start(), years.year(fiscalYear).start())) {
			profile.merge(years.monthOf(a.month()), a.revenue().max(BigDecimal.ZERO), BigDecimal::add);
		}
		return profile;
	}
}
