package io.rumbo.customers;

/** The market segment an account belongs to. */
public enum Segment {
	ENTERPRISE, MID_MARKET, SMALL_BUSINESS, PUBLIC_SECTOR
}
