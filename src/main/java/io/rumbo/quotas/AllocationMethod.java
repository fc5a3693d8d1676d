package io.rumbo.quotas;

/**
 * How a level splits its unit's figure among its sub-units and members: as the plan does (each sub-unit in
 * proportion to its own targets month by month, the unit's own targets evenly among its members; the default, so
 * the plan's unit targets are where quotas start), evenly, by their share of the measure last year, by the potential
 * of the accounts they own, or by figures set by hand.
 */
public enum AllocationMethod {
	PLAN, EVEN, LAST_YEAR, POTENTIAL, MANUAL
}
