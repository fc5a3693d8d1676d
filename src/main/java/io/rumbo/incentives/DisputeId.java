package io.rumbo.incentives;

/** A dispute of a statement line; events and other modules refer to it by this id only. */
public record DisputeId(long value) {

	public DisputeId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static DisputeId of(long value) {
		return new DisputeId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
