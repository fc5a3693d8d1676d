package io.rumbo.incentives;

/**
 * Where a dispute of a statement line stands: open until finance answers it (an explanation, nothing changes),
 * adjusts it (an amount the next payout run pays) or rejects it (with a reason). The three outcomes are final.
 */
public enum DisputeState {
	OPEN, ANSWERED, ADJUSTED, REJECTED;

	public boolean closed() {
		return this != OPEN;
	}
}
