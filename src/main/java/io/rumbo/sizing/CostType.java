package io.rumbo.sizing;

/** What a cost of the sales organisation is spent on. */
public enum CostType {
	SALARIES, COMMISSIONS, TRAVEL, SAMPLES_MARKETING, OTHER
}
