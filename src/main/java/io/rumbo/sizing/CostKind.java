package io.rumbo.sizing;

/** A cost figure budgeted ahead of the year, or actually spent. */
public enum CostKind {
	BUDGET, ACTUAL
}
