package io.rumbo.evaluation;

/** How long an evaluation period is: a fiscal month, quarter or year, or a custom range of whole fiscal months. */
public enum Cadence {
	MONTHLY, QUARTERLY, YEARLY, CUSTOM
}
