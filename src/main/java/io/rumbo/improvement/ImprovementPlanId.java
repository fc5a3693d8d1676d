package io.rumbo.improvement;

/** An improvement plan. Other modules refer to it by this id only. */
public record ImprovementPlanId(long value) {

	public ImprovementPlanId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ImprovementPlanId of(long value) {
		return new ImprovementPlanId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
