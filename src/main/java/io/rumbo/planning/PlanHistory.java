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
 * year's shares, the seasonality profile), read from the metrics facts through {@link PlanActuals}.
 */
@Component
class PlanHistory {

	private final ObjectProvider<PlanActuals> actuals;
	private final FiscalCalendar calendar;

	PlanHistory(ObjectProvider<PlanActuals> actuals, FiscalCalendar calendar) {
		this.actuals = actuals;
		this.calendar = calendar;
	}

	/** Last year's actuals per team, line and fiscal month (and new customers per team and month). */
	record Baseline(Map<TargetStore.Key, TargetFigures> cells, Map<TargetStore.GoalKey, BigDecimal> newCustomers) {

		BigDecimal value(TargetStore.Key key, Measure measure) {
			return cells.getOrDefault(key, TargetFigures.ZERO).value(measure);
		}
	}

	Baseline baseline(int fiscalYear, PlanTree tree) {
		Map<TargetStore.Key, TargetFigures> cells = new LinkedHashMap<>();
		Map<TargetStore.GoalKey, BigDecimal> customers = new LinkedHashMap<>();
		PlanActuals history = actuals.getIfAvailable();
		if (history == null) {
			return new Baseline(cells, customers);
		}
		FiscalYears years = calendar.years();
		FiscalPeriod year = years.year(fiscalYear);
		for (PlanActuals.Actual a : history.actuals(year, null)) {
			if (tree.contains(a.unitId().value())) {
				cells.merge(new TargetStore.Key(a.unitId().value(), a.lineId().value(), years.monthOf(a.month().start())),
						new TargetFigures(a.revenue(), a.units(), a.margin()), TargetFigures::plus);
			}
		}
		for (PlanActuals.NewCustomers n : history.newCustomers(year)) {
			if (tree.contains(n.unitId().value())) {
				customers.merge(new TargetStore.GoalKey(n.unitId().value(), years.monthOf(n.month().start())),
						BigDecimal.valueOf(n.count()), BigDecimal::add);
			}
		}
		return new Baseline(cells, customers);
	}

	/** Each fiscal month's share of company revenue over the two years before the plan's year. */
	Map<Integer, BigDecimal> seasonality(int fiscalYear) {
		Map<Integer, BigDecimal> profile = new HashMap<>();
		PlanActuals history = actuals.getIfAvailable();
		if (history == null) {
			return profile;
		}
		FiscalYears years = calendar.years();
		for (PlanActuals.Actual a : history.actuals(new FiscalPeriod(years.year(fiscalYear - 2).start(),
				years.year(fiscalYear).start()), null)) {
			profile.merge(years.monthOf(a.month().start()), a.revenue().max(BigDecimal.ZERO), BigDecimal::add);
		}
		return profile;
	}
}
