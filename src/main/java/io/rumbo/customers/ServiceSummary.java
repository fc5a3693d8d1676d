package io.rumbo.customers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Service and satisfaction figures over a set of cases and ratings. {@code npsScore} is the share of promoters (9-10)
 * minus the share of detractors (0-6), in points from -100 to 100, over the ratings that carry an NPS answer; averages
 * are rounded half up to one decimal.
 */
public record ServiceSummary(long cases, long openCases, @Nullable BigDecimal averageResolutionDays, long ratings,
		@Nullable BigDecimal averageCsat, long npsAnswers, @Nullable Integer npsScore) {
}
