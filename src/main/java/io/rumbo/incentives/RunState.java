package io.rumbo.incentives;

/** A payout run is a draft (recalculated at will) until finance approves it; then it is locked for good. */
public enum RunState {
	DRAFT, APPROVED
}
