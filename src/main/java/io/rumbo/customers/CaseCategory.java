package io.rumbo.customers;

/** What a service case is about. */
public enum CaseCategory {
	DELIVERY, QUALITY, BILLING, TECHNICAL, RETURN, OTHER
}
