package io.rumbo.planning;

/** A version of a sales plan. Other modules refer to it by this id only. */
public record PlanVersionId(long value) {

	public PlanVersionId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static PlanVersionId of(long value) {
		return new PlanVersionId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
