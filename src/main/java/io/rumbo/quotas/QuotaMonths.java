package io.rumbo.quotas;

import java.math.BigDecimal;

import io.rumbo.metrics.Metric;
import io.rumbo.planning.CountingTargets;
import io.rumbo.quotas.domain.Allocator;

/** A measure's twelve monthly figures of a fiscal year: the year's figure, sums, empty months, the plan's month. */
final class QuotaMonths {

	private QuotaMonths() {
	}

	/** The plan's target of the measure in one of its unit months (zero for the measures the plan does not set). */
	static BigDecimal planned(CountingTargets.UnitMonth t, Metric metric) {
		return switch (metric) {
			case REVENUE -> t.revenue();
			case MARGIN -> t.margin();
			case UNITS -> t.units();
			case NEW_CUSTOMERS -> t.newCustomers();
			default -> BigDecimal.ZERO;
		};
	}

	/**
	 * A year's figure of twelve months: their sum for a sum or count; for a rate, average or score (a level to reach
	 * each month) their mean over the months that have one.
	 */
	static BigDecimal total(Metric metric, BigDecimal[] months) {
		if (Allocator.additive(metric)) {
			return sum(months);
		}
		int counted = 0;
		for (BigDecimal m : months) {
			counted += m.signum() != 0 ? 1 : 0;
		}
		return counted == 0 ? BigDecimal.ZERO.setScale(metric.scale())
				: sum(months).divide(BigDecimal.valueOf(counted), metric.scale(), io.rumbo.shared.money.Amounts.ROUNDING);
	}

	static BigDecimal sum(BigDecimal[] months) {
		BigDecimal s = BigDecimal.ZERO;
		for (BigDecimal m : months) {
			s = s.add(m);
		}
		return s;
	}

	static BigDecimal[] zeros(int scale) {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO.setScale(scale));
		return months;
	}
}
