package io.rumbo.incentives;

/**
 * How a person assigned for part of a period is paid: by the days assigned over the days of the period, or by the
 * months assigned over the months of the period (a month counts when the assignment covers its 15th).
 */
public enum ProrationRule {
	DAYS, MONTHS
}
