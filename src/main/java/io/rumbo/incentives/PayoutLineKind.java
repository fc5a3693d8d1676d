package io.rumbo.incentives;

/**
 * A line of a statement: what a component earned in a period of its cadence, or a correction of an earlier period
 * that a locked run already paid (more earned: an adjustment; less: a clawback under the plan's policy).
 */
public enum PayoutLineKind {
	EARNING, ADJUSTMENT, CLAWBACK
}
