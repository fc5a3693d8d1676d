package io.rumbo.metrics.domain;

import static io.rumbo.metrics.domain.BaseMeasure.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.RemainingQuotas;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * How each measure of the catalogue is made from the base sums: a sum, a distinct count, or a ratio of sums over the
 * whole group and period (never an average of monthly ratios). Figures come per group member and per month, or for
 * the whole period under the period's first day.
 */
@Component
public class MetricFigures {

	/** {@code (numerator - minus) / denominator x factor}, each side a sum of base measures. */
	private record Ratio(List<BaseMeasure> numerator, List<BaseMeasure> minus, List<BaseMeasure> denominator,
			BigDecimal factor) {
	}

	private static final Map<Metric, BaseMeasure> SUMS = Map.ofEntries(Map.entry(Metric.REVENUE, REVENUE),
			Map.entry(Metric.UNITS, UNITS), Map.entry(Metric.MARGIN, MARGIN), Map.entry(Metric.ORDERS, ORDERS),
			Map.entry(Metric.VISITS, VISIT), Map.entry(Metric.CALLS, CALL), Map.entry(Metric.MEETINGS, MEETING),
			Map.entry(Metric.EMAILS, EMAIL), Map.entry(Metric.DEMOS, DEMO),
			Map.entry(Metric.OPPORTUNITIES_CREATED, OPPS_CREATED), Map.entry(Metric.OPPORTUNITIES_WON, OPPS_WON),
			Map.entry(Metric.OPPORTUNITIES_LOST, OPPS_LOST), Map.entry(Metric.CASES_RESOLVED, CASES_RESOLVED));

	private static final Map<Metric, Ratio> RATIOS = Map.of(
			Metric.MARGIN_PCT, new Ratio(List.of(MARGIN), List.of(), List.of(REVENUE), Amounts.HUNDRED),
			Metric.AVG_ORDER_VALUE, new Ratio(List.of(REVENUE), List.of(), List.of(ORDERS), BigDecimal.ONE),
			Metric.WIN_RATE, new Ratio(List.of(OPPS_WON), List.of(), List.of(OPPS_WON, OPPS_LOST), Amounts.HUNDRED),
			Metric.CSAT, new Ratio(List.of(CSAT_SUM), List.of(), List.of(CSAT_COUNT), BigDecimal.ONE),
			Metric.NPS, new Ratio(List.of(NPS_PROMOTERS), List.of(NPS_DETRACTORS), List.of(NPS_COUNT), Amounts.HUNDRED),
			Metric.RESOLUTION_DAYS, new Ratio(List.of(RESOLUTION_DAYS), List.of(), List.of(CASES_RESOLVED),
					BigDecimal.ONE),
			Metric.TASKS_ON_TIME, new Ratio(List.of(TASKS_ON_TIME), List.of(), List.of(TASKS_DONE), Amounts.HUNDRED),
			// an average of the months' accuracies, each recorded once per person and month (decision 0033)
			Metric.FORECAST_ACCURACY, new Ratio(List.of(FORECAST_ACCURACY_SUM), List.of(), List.of(FORECAST_CALLS_SCORED),
					BigDecimal.ONE));

	private final FactQueries facts;
	private final OrgDirectory org;
	private final ObjectProvider<RemainingQuotas> quotas;
	private final Clock clock;

	MetricFigures(FactQueries facts, OrgDirectory org, ObjectProvider<RemainingQuotas> quotas, Clock clock) {
		this.facts = facts;
		this.org = org;
		this.quotas = quotas;
		this.clock = clock;
	}

	/** The months a measure reads: the period, and for repeat customers and retention the period before it too. */
	public static FiscalPeriod reach(Metric metric, FiscalPeriod period) {
		return metric == Metric.REPEAT_CUSTOMERS || metric == Metric.RETENTION_RATE
				? new FiscalPeriod(before(period).start(), period.end()) : period;
	}

	/** The units with their subtree as it stood in each month of {@code months}. */
	public FactGroup units(Collection<UnitId> units, FiscalPeriod months) {
		List<FactGroup.Member> members = new ArrayList<>();
		if (!units.isEmpty()) {
			for (LocalDate month : months(months)) {
				org.subtreesOn(units, month).forEach((unit, subtree) -> subtree
					.forEach(member -> members.add(new FactGroup.Member(unit.value(), member.value(), month))));
			}
		}
		return FactGroup.units(units.stream().map(UnitId::value).toList(), members);
	}

	/**
	 * A measure's figures per member: by month (keys every month of the period) or for the whole period (key: its
	 * first day). Sums and counts are present for every member; ratios only where defined.
	 */
	public Map<Long, Map<LocalDate, BigDecimal>> compute(Metric metric, FiscalPeriod period, FactGroup group,
			boolean byMonth) {
		requireWholeMonths(period);
		return compute(metric, period, group, byMonth, null);
	}

	/** As {@link #compute}, of one product line (for the measures that have lines). */
	public Map<Long, Map<LocalDate, BigDecimal>> compute(Metric metric, FiscalPeriod period, FactGroup group,
			boolean byMonth, @Nullable Long line) {
		Map<Long, Map<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
		if (group.isEmpty()) {
			return result;
		}
		BaseMeasure sum = SUMS.get(metric);
		Ratio ratio = RATIOS.get(metric);
		if (sum != null && !byMonth) {
			// An additive measure over the whole period: summed in the database, one row per member, nothing folded
			// here. Ratios and averages keep the path below (their sums by month, divided once).
			Map<Long, Map<String, BigDecimal>> totals = facts.totals(group, period.start(), period.end(),
					List.of(sum.name()), line);
			for (long key : group.keys()) {
				Map<String, BigDecimal> found = totals.get(key);
				Map<LocalDate, BigDecimal> values = new TreeMap<>();
				put(values, period.start(), found == null ? null : total(found, List.of(sum)), true, metric);
				result.put(key, values);
			}
		}
		else if (sum != null) {
			Map<Long, Map<LocalDate, Map<String, BigDecimal>>> sums = facts.sums(group, period.start(), period.end(),
					List.of(sum.name()), line);
			for (long key : group.keys()) {
				result.put(key, fold(period, byMonth, sums.get(key), m -> total(m, List.of(sum)), true, metric));
			}
		}
		else if (ratio != null) {
			List<String> needed = new ArrayList<>();
			List.of(ratio.numerator(), ratio.minus(), ratio.denominator())
				.forEach(l -> l.forEach(b -> needed.add(b.name())));
			Map<Long, Map<LocalDate, Map<String, BigDecimal>>> sums = facts.sums(group, period.start(), period.end(),
					needed, line);
			for (long key : group.keys()) {
				result.put(key, fold(period, byMonth, sums.get(key), m -> divide(total(m, ratio.numerator())
					.subtract(total(m, ratio.minus())), total(m, ratio.denominator()), ratio.factor(), metric), false,
						metric));
			}
		}
		else {
			result.putAll(special(metric, period, group, byMonth));
		}
		return result;
	}

	private Map<Long, Map<LocalDate, BigDecimal>> special(Metric metric, FiscalPeriod period, FactGroup group,
			boolean byMonth) {
		return switch (metric) {
			case NEW_CUSTOMERS -> counts(group, period, byMonth, FactQueries.Customers.NEW);
			case ACTIVE_CUSTOMERS -> counts(group, period, byMonth, FactQueries.Customers.ACTIVE);
			case REPEAT_CUSTOMERS -> counts(group, period, byMonth, FactQueries.Customers.REPEAT);
			case RETENTION_RATE -> retention(group, period, byMonth);
			case WEIGHTED_PIPELINE -> pipeline(group, period, byMonth);
			case PIPELINE_COVERAGE -> coverage(group, period, byMonth);
			default -> throw new IllegalArgumentException("No rule for measure " + metric);
		};
	}

	private Map<Long, Map<LocalDate, BigDecimal>> counts(FactGroup group, FiscalPeriod period, boolean byMonth,
			FactQueries.Customers which) {
		Map<Long, Map<LocalDate, Long>> counts = facts.customers(group, period.start(), period.end(), which,
				byMonth ? previousMonths(period) : null, before(period).start());
		Map<Long, Map<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
		for (long key : group.keys()) {
			Map<LocalDate, Long> found = counts.getOrDefault(key, Map.of());
			Map<LocalDate, BigDecimal> values = new TreeMap<>();
			for (LocalDate month : byMonth ? months(period) : List.of(period.start())) {
				values.put(month, BigDecimal.valueOf(found.getOrDefault(month, 0L)));
			}
			result.put(key, values);
		}
		return result;
	}

	/** Repeat customers over the customers active in the period before (the month before, month by month). */
	private Map<Long, Map<LocalDate, BigDecimal>> retention(FactGroup group, FiscalPeriod period, boolean byMonth) {
		Map<Long, Map<LocalDate, BigDecimal>> repeat = counts(group, period, byMonth, FactQueries.Customers.REPEAT);
		FiscalPeriod earlier = byMonth ? new FiscalPeriod(period.start().minusMonths(1), period.end().minusMonths(1))
				: before(period);
		Map<Long, Map<LocalDate, Long>> active = facts.customers(group, earlier.start(), earlier.end(),
				FactQueries.Customers.ACTIVE, byMonth ? previousMonths(earlier) : null, null);
		Map<Long, Map<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
		repeat.forEach((key, months) -> {
			Map<LocalDate, BigDecimal> values = new TreeMap<>();
			months.forEach((month, count) -> {
				LocalDate was = byMonth ? month.minusMonths(1) : earlier.start();
				Long base = active.getOrDefault(key, Map.of()).get(was);
				BigDecimal rate = base == null ? null
						: divide(count, BigDecimal.valueOf(base), Amounts.HUNDRED, Metric.RETENTION_RATE);
				if (rate != null) {
					values.put(month, rate);
				}
			});
			result.put(key, values);
		});
		return result;
	}

	private Map<Long, Map<LocalDate, BigDecimal>> pipeline(FactGroup group, FiscalPeriod period, boolean byMonth) {
		Map<Long, Map<LocalDate, BigDecimal>> sums = facts.pipeline(group, period.start(), period.end());
		Map<Long, Map<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
		for (long key : group.keys()) {
			Map<LocalDate, Map<String, BigDecimal>> months = new HashMap<>();
			sums.getOrDefault(key, Map.of()).forEach((m, v) -> months.put(m, Map.of("P", v)));
			result.put(key, fold(period, byMonth, months, m -> m.getOrDefault("P", BigDecimal.ZERO), true,
					Metric.WEIGHTED_PIPELINE));
		}
		return result;
	}

	/** Weighted pipeline over the revenue quota still to reach; undefined without quotas or with nothing left. */
	private Map<Long, Map<LocalDate, BigDecimal>> coverage(FactGroup group, FiscalPeriod period, boolean byMonth) {
		Map<Long, Map<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
		RemainingQuotas remaining = quotas.getIfAvailable();
		Map<Long, Map<LocalDate, BigDecimal>> weighted = pipeline(group, period, byMonth);
		LocalDate today = LocalDate.now(clock);
		for (long key : group.keys()) {
			result.put(key, new TreeMap<>());
		}
		if (remaining == null) {
			return result;
		}
		for (FiscalPeriod slice : byMonth ? months(period).stream()
			.map(m -> new FiscalPeriod(m, m.plusMonths(1)))
			.toList() : List.of(period)) {
			Map<Long, BigDecimal> left = new HashMap<>();
			if (group.byUnit()) {
				remaining.remainingRevenueOfUnits(slice, group.keys().stream().map(UnitId::of).toList(), today)
					.forEach((u, v) -> left.put(u.value(), v));
			}
			else {
				remaining.remainingRevenue(slice, group.keys().stream().map(StaffId::of).toList(), today)
					.forEach((s, v) -> left.put(s.value(), v));
			}
			LocalDate at = byMonth ? slice.start() : period.start();
			left.forEach((key, quota) -> {
				BigDecimal w = weighted.getOrDefault(key, Map.of()).getOrDefault(at, BigDecimal.ZERO);
				BigDecimal value = quota.signum() > 0 ? divide(w, quota, BigDecimal.ONE, Metric.PIPELINE_COVERAGE)
						: null;
				if (value != null && result.containsKey(key)) {
					result.get(key).put(at, value);
				}
			});
		}
		return result;
	}

	private static Map<LocalDate, BigDecimal> fold(FiscalPeriod period, boolean byMonth,
			@Nullable Map<LocalDate, Map<String, BigDecimal>> months,
			java.util.function.Function<Map<String, BigDecimal>, @Nullable BigDecimal> value, boolean always,
			Metric metric) {
		Map<LocalDate, Map<String, BigDecimal>> found = months == null ? Map.of() : months;
		Map<LocalDate, BigDecimal> result = new TreeMap<>();
		if (byMonth) {
			for (LocalDate month : months(period)) {
				put(result, month, value.apply(found.getOrDefault(month, Map.of())), always, metric);
			}
		}
		else {
			Map<String, BigDecimal> all = new HashMap<>();
			found.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, BigDecimal::add)));
			put(result, period.start(), value.apply(all), always, metric);
		}
		return result;
	}

	private static void put(Map<LocalDate, BigDecimal> into, LocalDate month, @Nullable BigDecimal value,
			boolean always, Metric metric) {
		if (value != null) {
			into.put(month, value.setScale(metric.scale(), RoundingMode.HALF_UP));
		}
		else if (always) {
			into.put(month, BigDecimal.ZERO.setScale(metric.scale()));
		}
	}

	private static BigDecimal total(Map<String, BigDecimal> sums, List<BaseMeasure> measures) {
		BigDecimal total = BigDecimal.ZERO;
		for (BaseMeasure m : measures) {
			total = total.add(sums.getOrDefault(m.name(), BigDecimal.ZERO));
		}
		return total;
	}

	private static @Nullable BigDecimal divide(BigDecimal numerator, BigDecimal denominator, BigDecimal factor,
			Metric metric) {
		if (denominator.signum() == 0) {
			return null;
		}
		return numerator.multiply(factor).divide(denominator, metric.scale(), Amounts.ROUNDING);
	}

	/** The period of the same number of months just before. */
	public static FiscalPeriod before(FiscalPeriod period) {
		long months = ChronoUnit.MONTHS.between(period.start(), period.end());
		return new FiscalPeriod(period.start().minusMonths(Math.max(1, months)), period.start());
	}

	/** The first day of each month of the period. */
	public static List<LocalDate> months(FiscalPeriod period) {
		List<LocalDate> months = new ArrayList<>();
		for (LocalDate m = period.start().withDayOfMonth(1); m.isBefore(period.end()); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	private static Map<LocalDate, LocalDate> previousMonths(FiscalPeriod period) {
		Map<LocalDate, LocalDate> result = new LinkedHashMap<>();
		months(period).forEach(m -> result.put(m, m.minusMonths(1)));
		return result;
	}

	/** Facts are monthly, so a figure is for whole fiscal months (which start on the first of a calendar month). */
	public static void requireWholeMonths(FiscalPeriod period) {
		if (period.start().getDayOfMonth() != 1 || period.end().getDayOfMonth() != 1) {
			throw new IllegalArgumentException("Metrics are kept by fiscal month; " + period + " cuts a month");
		}
	}
}
