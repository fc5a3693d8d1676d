package io.rumbo.planning;

/** What a company objective measures; qualitative goals carry no number. */
public enum ObjectiveKind {
	REVENUE, MARGIN, UNITS, NEW_CUSTOMERS, QUALITATIVE
}
