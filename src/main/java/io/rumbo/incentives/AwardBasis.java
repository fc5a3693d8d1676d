package io.rumbo.incentives;

/**
 * How the winners of an award kind are chosen: the highest value of a measure of the metrics engine, the highest
 * attainment of the quota of a measure, or by hand (a manager grants it, also from an evaluation nomination).
 */
public enum AwardBasis {
	MEASURE, ATTAINMENT, MANUAL;

	public boolean byRule() {
		return this != MANUAL;
	}
}
