package io.rumbo.people;

/** A candidate's identity, for other modules. */
public record CandidateId(long value) {

	public static CandidateId of(long value) {
		return new CandidateId(value);
	}
}
