package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.organization.StaffId;

/**
 * A person's attainment of the quota of a measure passed a milestone in a period (a month or a quarter), recorded
 * once. {@code measure}: the metrics catalogue's code; {@code period}: the fiscal period's code.
 */
public record BadgeEarned(StaffId staff, String measure, String period, Milestone milestone, BigDecimal attainment,
		LocalDate earnedOn) {
}
