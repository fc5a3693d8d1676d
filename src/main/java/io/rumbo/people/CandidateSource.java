package io.rumbo.people;

/** Where a candidate came from (the "candidates per hire by source" figure groups by it). */
public enum CandidateSource {
	REFERRAL, JOB_BOARD, AGENCY, WEBSITE, SOCIAL, INTERNAL, OTHER
}
