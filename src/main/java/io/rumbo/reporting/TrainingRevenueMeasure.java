package io.rumbo.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.people.TrainingMeasure;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The measure the people module compares before and after a training programme (decision 0035): each person's booked
 * revenue per month, from the metrics engine. The people module declares the interface because it comes before
 * metrics in the module order; reporting reads every module, so the wiring lives here.
 */
@Component
class TrainingRevenueMeasure implements TrainingMeasure {

	private final MetricsQuery metrics;

	TrainingRevenueMeasure(MetricsQuery metrics) {
		this.metrics = metrics;
	}

	@Override
	public String code() {
		return "revenue";
	}

	@Override
	public Map<Long, BigDecimal> monthlyAverage(Collection<Long> staffIds, LocalDate start, LocalDate end) {
		Map<Long, BigDecimal> result = new HashMap<>();
		if (staffIds.isEmpty() || !end.isAfter(start)) {
			return result;
		}
		long months = Math.max(1, ChronoUnit.MONTHS.between(start, end));
		Map<StaffId, BigDecimal> totals = metrics.byPerson(Metric.REVENUE, new FiscalPeriod(start, end),
				staffIds.stream().map(StaffId::of).toList());
		for (Long id : staffIds) {
			BigDecimal total = totals.getOrDefault(StaffId.of(id), BigDecimal.ZERO);
			result.put(id, (total == null ? BigDecimal.ZERO : total).divide(BigDecimal.valueOf(months), 2,
					RoundingMode.HALF_UP));
		}
		return result;
	}
}
