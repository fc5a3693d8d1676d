package io.rumbo.people;

/** A programme of the people module. Other modules refer to it by this id only. */
public record ProgrammeId(long value) {

	public ProgrammeId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ProgrammeId of(long value) {
		return new ProgrammeId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
