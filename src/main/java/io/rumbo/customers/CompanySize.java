package io.rumbo.customers;

/** Size by headcount: micro (under 10), small (under 50), medium (under 250), large. */
public enum CompanySize {
	MICRO, SMALL, MEDIUM, LARGE
}
