package io.rumbo.evaluation;

/** One person's scorecard in a cycle; other modules refer to it by this id only. */
public record ScorecardId(long value) {

	public ScorecardId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ScorecardId of(long value) {
		return new ScorecardId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
