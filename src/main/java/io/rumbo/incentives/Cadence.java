package io.rumbo.incentives;

/** How often a component is calculated and paid. */
public enum Cadence {
	MONTH, QUARTER, YEAR
}
