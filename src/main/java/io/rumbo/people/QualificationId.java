package io.rumbo.people;

/** A qualification of the people module. Other modules refer to it by this id only. */
public record QualificationId(long value) {

	public QualificationId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static QualificationId of(long value) {
		return new QualificationId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
