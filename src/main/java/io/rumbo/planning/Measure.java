package io.rumbo.planning;

/** What a target counts. New customers are planned per unit, the others per unit and product line. */
public enum Measure {
	REVENUE, UNITS, MARGIN, NEW_CUSTOMERS;

	/** Money to the cent; units and customers whole. */
	public int scale() {
		return this == REVENUE || this == MARGIN ? 2 : 0;
	}
}
