package io.rumbo.evaluation;

/**
 * What the manager proposes for a person at the end of a cycle: recognition for a good performer, nothing special,
 * coaching, or an improvement plan with named points and deadlines (the improvement module's).
 */
public enum Outcome {
	RECOGNITION, MEETS_EXPECTATIONS, COACHING, IMPROVEMENT_PLAN
}
