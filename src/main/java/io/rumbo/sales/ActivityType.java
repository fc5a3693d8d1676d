package io.rumbo.sales;

/** The kinds of contact a salesperson has with a customer; visits are what evaluations count most. */
public enum ActivityType {
	VISIT, CALL, MEETING, EMAIL, DEMO
}
