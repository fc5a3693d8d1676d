package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.ProrationRule;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The share of a period a person was on a plan (0 to 1, 6 decimals), from an assignment's first and last day (both
 * included; no last day: still on it). By days: the days assigned over the period's days. By months: the period's
 * calendar months whose 15th the assignment covers, over the period's months (joining on the 15th counts the month,
 * on the 16th does not).
 */
public final class Proration {

	private static final int SCALE = 6;

	private Proration() {
	}

	public static BigDecimal share(ProrationRule rule, FiscalPeriod period, LocalDate from, @Nullable LocalDate to) {
		LocalDate first = from.isAfter(period.start()) ? from : period.start();
		LocalDate last = to == null || !to.isBefore(period.lastDay()) ? period.lastDay() : to;
		if (last.isBefore(first)) {
			return BigDecimal.ZERO.setScale(SCALE);
		}
		if (rule == ProrationRule.DAYS) {
			long days = ChronoUnit.DAYS.between(first, last) + 1;
			return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(period.days()), SCALE, RoundingMode.HALF_UP);
		}
		int months = 0;
		int counted = 0;
		for (LocalDate month = period.start().withDayOfMonth(1); month.isBefore(period.end()); month = month
			.plusMonths(1)) {
			months++;
			LocalDate middle = month.withDayOfMonth(15);
			if (!middle.isBefore(first) && !middle.isAfter(last)) {
				counted++;
			}
		}
		return BigDecimal.valueOf(counted).divide(BigDecimal.valueOf(months), SCALE, RoundingMode.HALF_UP);
	}
}
