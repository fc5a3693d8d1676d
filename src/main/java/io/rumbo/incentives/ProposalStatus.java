package io.rumbo.incentives;

/** An evaluation nomination waiting for a decision, turned into an award, or dismissed. */
public enum ProposalStatus {
	OPEN, AWARDED, DISMISSED
}
