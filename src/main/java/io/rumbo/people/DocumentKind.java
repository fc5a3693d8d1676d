package io.rumbo.people;

/** What a candidate's document link points to. */
public enum DocumentKind {
	CV, COVER_LETTER, CERTIFICATE, PROFILE, OTHER
}
