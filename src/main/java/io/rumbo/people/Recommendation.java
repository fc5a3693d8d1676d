package io.rumbo.people;

/** An interviewer's overall verdict, next to their scores per requirement. */
public enum Recommendation {
	HIRE, HOLD, NO_HIRE
}
