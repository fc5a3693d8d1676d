package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.domain.ScoreSheet.Figures;
import io.rumbo.metrics.Aggregation;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.quotas.QuotaReading;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The measured figures and quotas a template's criteria need, for any number of people at once: one
 * {@link MetricsQuery} read per measure and one {@link QuotaReading} read for the quotas, whatever the number of
 * people. A period's quota is the sum of its months' quotas, or their mean for a rate or an average (as attainment
 * does).
 */
@Component
public class FigureReader {

	private final MetricsQuery metrics;
	private final QuotaReading quotas;

	FigureReader(MetricsQuery metrics, QuotaReading quotas) {
		this.metrics = metrics;
		this.quotas = quotas;
	}

	public Map<Long, Figures> read(List<Criterion> criteria, FiscalPeriod period, int fiscalYear,
			Collection<Long> people) {
		Map<Long, Figures> figures = new HashMap<>();
		if (people.isEmpty()) {
			return figures;
		}
		List<StaffId> ids = people.stream().map(StaffId::of).toList();
		Set<Metric> measured = EnumSet.noneOf(Metric.class);
		Set<Metric> byQuota = EnumSet.noneOf(Metric.class);
		for (Criterion c : criteria) {
			if (c.kind() == CriterionKind.QUANTITATIVE && c.measure() != null) {
				Metric metric = Metric.ofCode(c.measure()).orElseThrow();
				measured.add(metric);
				if (c.target() == TargetKind.QUOTA) {
					byQuota.add(metric);
				}
			}
		}
		for (Long person : people) {
			figures.put(person, new Figures(new HashMap<>(), new HashMap<>()));
		}
		for (Metric metric : measured) {
			metrics.byPerson(metric, period, ids).forEach((staff, value) -> figures.get(staff.value()).actuals()
				.put(metric, value));
		}
		if (!byQuota.isEmpty()) {
			Map<Long, Map<Metric, BigDecimal>> sums = new HashMap<>();
			Map<Long, Map<Metric, Integer>> months = new HashMap<>();
			for (QuotaReading.PersonQuota q : quotas.personQuotas(fiscalYear, ids, byQuota)) {
				if (period.contains(q.month())) {
					sums.computeIfAbsent(q.staff().value(), k -> new HashMap<>()).merge(q.metric(), q.amount(),
							BigDecimal::add);
					months.computeIfAbsent(q.staff().value(), k -> new HashMap<>()).merge(q.metric(), 1, Integer::sum);
				}
			}
			sums.forEach((person, byMetric) -> byMetric.forEach((metric, sum) -> {
				BigDecimal quota = accumulates(metric) ? sum
						: sum.divide(BigDecimal.valueOf(months.get(person).get(metric)), 4, RoundingMode.HALF_UP);
				figures.get(person).quotas().put(metric, quota);
			}));
		}
		return figures;
	}

	/** Sums and counts add up over months; rates, ratios and averages do not. */
	static boolean accumulates(Metric metric) {
		return metric.aggregation() == Aggregation.SUM || metric.aggregation() == Aggregation.DISTINCT_COUNT;
	}
}
