package io.rumbo.territories;

/** The figure a balance index compares with the average of the territories. */
public enum BalanceIndex {
	ACCOUNTS, POTENTIAL, WORKLOAD, SALES, MARGIN
}
