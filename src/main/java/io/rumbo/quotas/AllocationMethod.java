package io.rumbo.quotas;

/**
 * How a level splits its unit's figure among its sub-units and members: evenly, by their share of the measure last
 * year, by the potential of the accounts they own, or by figures set by hand.
 */
public enum AllocationMethod {
	EVEN, LAST_YEAR, POTENTIAL, MANUAL
}
