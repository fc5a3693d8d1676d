package io.rumbo.customers;

/** A customer account. Other modules refer to it by this id only. */
public record CustomerId(long value) {

	public CustomerId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static CustomerId of(long value) {
		return new CustomerId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
