package io.rumbo.incentives;

/** A payout run; events and other modules refer to it by this id only. */
public record PayoutRunId(long value) {

	public PayoutRunId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static PayoutRunId of(long value) {
		return new PayoutRunId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
