package io.rumbo.evaluation;

/** An evaluation cycle (a period and a population); other modules refer to it by this id only. */
public record CycleId(long value) {

	public CycleId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static CycleId of(long value) {
		return new CycleId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
