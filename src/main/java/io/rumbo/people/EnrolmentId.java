package io.rumbo.people;

/** A enrolment of the people module. Other modules refer to it by this id only. */
public record EnrolmentId(long value) {

	public EnrolmentId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static EnrolmentId of(long value) {
		return new EnrolmentId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
