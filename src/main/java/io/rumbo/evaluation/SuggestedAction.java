package io.rumbo.evaluation;

/**
 * The quadrant of results versus effort and what the manager does about it (docs/scoring.md): high results and high
 * effort, reward; high effort but low results, coach (the work is there, the way of working is not); high results
 * with low effort, improve the activity that keeps them coming; low results and low effort, confront (a frank talk
 * and an improvement plan with named points and a deadline).
 */
public enum SuggestedAction {
	REWARD, COACH, IMPROVE, CONFRONT
}
