package io.rumbo.sizing;

/**
 * How a scenario sizes the sales force: by the calls the accounts need, by the sales to make, by the marginal profit
 * of one more salesperson, by the sales a new hire must make to pay for themselves, or by what a team of a given tenure
 * mix can sell.
 */
public enum SizingMethod {
	WORKLOAD, BREAKDOWN, INCREMENTAL, BREAK_EVEN, CAPACITY;

	/** Whether the result is a number of salespeople (otherwise an amount of money). */
	public boolean headcount() {
		return this == WORKLOAD || this == BREAKDOWN || this == INCREMENTAL;
	}
}
