package io.rumbo.sales;

/** A booked order. Other modules refer to it by this id only; its business number is {@code PED-2026-000123}. */
public record OrderId(long value) {

	public OrderId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static OrderId of(long value) {
		return new OrderId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
