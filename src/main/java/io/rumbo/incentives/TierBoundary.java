package io.rumbo.incentives;

/**
 * Which tier a value exactly on a boundary belongs to. With tiers 0-10,000 and 10,000-50,000, a value of 10,000 is
 * in the second tier when {@link #LOWER_INCLUSIVE} (a tier runs from its lower bound) and in the first when
 * {@link #UPPER_INCLUSIVE} (a tier runs up to its upper bound).
 */
public enum TierBoundary {
	LOWER_INCLUSIVE, UPPER_INCLUSIVE
}
