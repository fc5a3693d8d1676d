package io.rumbo.incentives;

/** A version of an incentive plan; other modules (and the later payout runs) refer to it by this id only. */
public record IncentivePlanId(long value) {

	public IncentivePlanId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static IncentivePlanId of(long value) {
		return new IncentivePlanId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
