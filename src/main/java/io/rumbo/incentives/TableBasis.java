package io.rumbo.incentives;

/** What a rate table's tier boundaries (and a component's bonus targets) are stated in. */
public enum TableBasis {
	/** The measure's value (revenue 10,000). */
	VALUE,
	/** Attainment of the person's quota, in percent (100 = quota); converted to values through the quota. */
	ATTAINMENT
}
