package io.rumbo.customers;

/** A satisfaction rating (a recorded fact, never edited). */
public record RatingId(long value) {

	public RatingId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static RatingId of(long value) {
		return new RatingId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
