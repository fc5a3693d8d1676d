package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.metrics.Metric;
import io.rumbo.quotas.AttainmentViews.MeasureView;
import io.rumbo.quotas.AttainmentViews.MonthPoint;
import io.rumbo.quotas.Pace;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The pace of one measure for many people or units at once, from figures read in bulk: quotas and actuals by key
 * and month in, a {@link MeasureView} per key out. Pure, so a team of 5,000 costs the statements that read its
 * figures and nothing per person.
 *
 * @param <K> a person's or a unit's id
 */
public final class PaceTable<K> {

	private final Pacing pacing;
	private final Metric metric;
	private final List<FiscalPeriod> months;
	private final LocalDate asOf;
	private final Map<K, Map<LocalDate, BigDecimal>> quotas = new HashMap<>();
	private final Map<K, Map<LocalDate, BigDecimal>> actuals = new HashMap<>();
	private final Map<K, BigDecimal> periodActuals = new HashMap<>();

	public PaceTable(Pacing pacing, Metric metric, List<FiscalPeriod> months, LocalDate asOf) {
		this.pacing = pacing;
		this.metric = metric;
		this.months = List.copyOf(months);
		this.asOf = asOf;
	}

	/** Adds a quota of a month (first day) to a key's; months outside the period are ignored. */
	public PaceTable<K> quota(K key, LocalDate month, BigDecimal amount) {
		if (inPeriod(month)) {
			quotas.computeIfAbsent(key, k -> new HashMap<>()).merge(month, amount, BigDecimal::add);
		}
		return this;
	}

	/** The measured figures by month (first day), as the metrics engine gives them. */
	public PaceTable<K> actuals(Map<K, Map<LocalDate, BigDecimal>> byKeyAndMonth) {
		byKeyAndMonth.forEach((key, byMonth) -> byMonth.forEach((month, value) -> {
			if (inPeriod(month)) {
				actuals.computeIfAbsent(key, k -> new HashMap<>()).put(month, value);
			}
		}));
		return this;
	}

	/**
	 * The figure of the whole period for a rate or an average, which is not the sum of its months (a sum's is, and
	 * need not be given).
	 */
	public PaceTable<K> periodActuals(Map<K, BigDecimal> byKey) {
		periodActuals.putAll(byKey);
		return this;
	}

	private boolean inPeriod(LocalDate month) {
		return !month.isBefore(months.get(0).start()) && month.isBefore(months.get(months.size() - 1).end());
	}

	/** Every key's measure, in the order given. */
	public Map<K, MeasureView> views(Collection<K> keys) {
		Map<K, MeasureView> views = new LinkedHashMap<>();
		for (K key : keys) {
			views.put(key, view(key));
		}
		return views;
	}

	public MeasureView view(K key) {
		boolean accumulates = Pacing.accumulates(metric);
		Map<LocalDate, BigDecimal> quota = quotas.getOrDefault(key, Map.of());
		Map<LocalDate, BigDecimal> actual = actuals.getOrDefault(key, Map.of());
		List<MonthPoint> points = new ArrayList<>();
		BigDecimal cumulativeQuota = BigDecimal.ZERO;
		BigDecimal cumulativeActual = BigDecimal.ZERO;
		for (FiscalPeriod month : months) {
			BigDecimal q = quota.getOrDefault(month.start(), BigDecimal.ZERO);
			BigDecimal a = actual.getOrDefault(month.start(), BigDecimal.ZERO);
			// A rate's running figure is the month's own: rates of different months do not add up.
			cumulativeQuota = accumulates ? cumulativeQuota.add(q) : q;
			cumulativeActual = accumulates ? cumulativeActual.add(a) : a;
			points.add(new MonthPoint(month.start(), Amounts.money(q), Amounts.money(a), Amounts.money(cumulativeQuota),
					Amounts.money(cumulativeActual)));
		}
		BigDecimal total = accumulates ? actual.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				: periodActuals.getOrDefault(key, BigDecimal.ZERO);
		Pace pace = pacing.pace(metric, months, quota, total, asOf);
		return new MeasureView(metric.code(), metric.unit().name(), accumulates, pace, points);
	}

	/**
	 * The trend of a key: its cumulative attainment in percent at the end of each month begun by {@code asOf} (a
	 * rate's: each month's own); a month without a quota has none.
	 */
	public static List<io.rumbo.quotas.AttainmentViews.TrendPoint> trend(MeasureView view, Metric metric,
			LocalDate asOf) {
		List<io.rumbo.quotas.AttainmentViews.TrendPoint> trend = new ArrayList<>();
		for (MonthPoint p : view.months()) {
			if (p.month().isAfter(asOf)) {
				break;
			}
			trend.add(new io.rumbo.quotas.AttainmentViews.TrendPoint(p.month(),
					Pacing.attainment(metric, p.cumulativeActual(), p.cumulativeQuota())));
		}
		return trend;
	}
}
