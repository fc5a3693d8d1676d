package io.rumbo.evaluation;

/** Whether a criterion measures results (revenue, margin) or effort (visits, calls), for results versus effort. */
public enum Focus {
	RESULTS, EFFORT
}
