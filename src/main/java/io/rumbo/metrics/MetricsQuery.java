package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.metrics.domain.FactGroup;
import io.rumbo.metrics.domain.MetricFigures;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * Every measure of the catalogue by person or by org unit, for a period of whole fiscal months, read from the facts
 * this module keeps (one or two grouped statements per call, whatever the number of people). Unscoped: callers
 * apply their reader's data scope. A person's figures are what they were credited with (their share of split
 * orders); a unit's are those of the records of its subtree as it stood in each month (from the org history).
 * Ratios and averages are the ratio of the sums over the whole period, percentages as 42.50 for 42.5 %; when a ratio
 * is undefined (nothing to divide by) its key is left out. Sums and distinct counts answer 0 for every key.
 */
@Service
public class MetricsQuery {

	private final MetricFigures figures;

	MetricsQuery(MetricFigures figures) {
		this.figures = figures;
	}

	@Transactional(readOnly = true)
	public Map<StaffId, BigDecimal> byPerson(Metric metric, FiscalPeriod period, Collection<StaffId> people) {
		return whole(figures.compute(metric, period, people(people), false), StaffId::of, period);
	}

	/** Keyed by the first day of each fiscal month of the period. */
	@Transactional(readOnly = true)
	public Map<StaffId, Map<LocalDate, BigDecimal>> byPersonAndMonth(Metric metric, FiscalPeriod period,
			Collection<StaffId> people) {
		return monthly(figures.compute(metric, period, people(people), true), StaffId::of);
	}

	/**
	 * As {@link #byPerson}, of one product line's records only (for the measures that have lines,
	 * {@link Metric#byLine()}): what incentive components on a product line pay on.
	 */
	@Transactional(readOnly = true)
	public Map<StaffId, BigDecimal> byPersonOfLine(Metric metric, FiscalPeriod period, Collection<StaffId> people,
			long productLineId) {
		if (!metric.byLine()) {
			throw new IllegalArgumentException(metric + " has no product lines");
		}
		MetricFigures.requireWholeMonths(period);
		return whole(figures.compute(metric, period, people(people), false, productLineId), StaffId::of, period);
	}

	@Transactional(readOnly = true)
	public Map<UnitId, BigDecimal> byUnit(Metric metric, FiscalPeriod period, Collection<UnitId> units) {
		return whole(figures.compute(metric, period, unitsOf(metric, period, units), false), UnitId::of, period);
	}

	@Transactional(readOnly = true)
	public Map<UnitId, Map<LocalDate, BigDecimal>> byUnitAndMonth(Metric metric, FiscalPeriod period,
			Collection<UnitId> units) {
		return monthly(figures.compute(metric, period, unitsOf(metric, period, units), true), UnitId::of);
	}

	private static FactGroup people(Collection<StaffId> people) {
		return FactGroup.people(people.stream().map(StaffId::value).toList());
	}

	private FactGroup unitsOf(Metric metric, FiscalPeriod period, Collection<UnitId> units) {
		return figures.units(units, MetricFigures.reach(metric, period));
	}

	private static <K> Map<K, BigDecimal> whole(Map<Long, Map<LocalDate, BigDecimal>> values, Function<Long, K> id,
			FiscalPeriod period) {
		Map<K, BigDecimal> result = new LinkedHashMap<>();
		values.forEach((key, months) -> {
			BigDecimal value = months.get(period.start());
			if (value != null) {
				result.put(id.apply(key), value);
			}
		});
		return result;
	}

	private static <K> Map<K, Map<LocalDate, BigDecimal>> monthly(Map<Long, Map<LocalDate, BigDecimal>> values,
			Function<Long, K> id) {
		Map<K, Map<LocalDate, BigDecimal>> result = new HashMap<>();
		values.forEach((key, months) -> result.put(id.apply(key), months));
		return result;
	}
}
