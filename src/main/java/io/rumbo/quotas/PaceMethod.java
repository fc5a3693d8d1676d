package io.rumbo.quotas;

/**
 * How much of a quota is expected by a given day (the setting {@code rumbo.attainment.pace}).
 * <ul>
 * <li>{@code WORKING_DAYS}: the period's quota spread evenly over its working days; by a day, the share of working
 * days passed.</li>
 * <li>{@code QUOTA_SHAPE}: each fiscal month's own quota (which follows the plan's seasonality), spread over that
 * month's working days; by a day, the whole quota of the months passed plus the passed share of the current one.</li>
 * </ul>
 */
public enum PaceMethod {
	WORKING_DAYS, QUOTA_SHAPE
}
