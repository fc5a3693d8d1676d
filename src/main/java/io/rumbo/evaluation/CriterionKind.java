package io.rumbo.evaluation;

/** A criterion measured by the metrics engine, or rated by the manager on a scale of described levels. */
public enum CriterionKind {
	QUANTITATIVE, QUALITATIVE
}
