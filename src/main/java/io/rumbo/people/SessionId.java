package io.rumbo.people;

/** A session of the people module. Other modules refer to it by this id only. */
public record SessionId(long value) {

	public SessionId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static SessionId of(long value) {
		return new SessionId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
