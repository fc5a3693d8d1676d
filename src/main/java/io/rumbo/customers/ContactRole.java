package io.rumbo.customers;

/** The part a contact plays in buying. */
public enum ContactRole {
	DECISION_MAKER, BUYER, INFLUENCER, USER, FINANCE, OTHER
}
