package io.rumbo.review;

/** The reviewer's verdict on a strategy. */
public enum Verdict {
	WORKED, PARTLY, DID_NOT_WORK
}
