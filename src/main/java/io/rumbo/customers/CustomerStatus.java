package io.rumbo.customers;

/** Where the relationship stands. */
public enum CustomerStatus {
	PROSPECT, ACTIVE, DORMANT, LOST
}
