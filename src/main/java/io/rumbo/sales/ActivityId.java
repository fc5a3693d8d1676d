package io.rumbo.sales;

/** A visit, call, meeting, e-mail or demo with a customer. Other modules refer to it by this id only. */
public record ActivityId(long value) {

	public ActivityId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ActivityId of(long value) {
		return new ActivityId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
