package io.rumbo.review;

/** A review is written as a draft and shared once; a shared review is read-only with its figures frozen. */
public enum ReviewState {
	DRAFT, SHARED
}
