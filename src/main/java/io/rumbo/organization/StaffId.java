package io.rumbo.organization;

/** A salesperson, manager or other member of staff. Other modules refer to it by this id only. */
public record StaffId(long value) {

	public StaffId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static StaffId of(long value) {
		return new StaffId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
