package io.rumbo.evaluation;

/**
 * How attainment becomes credit: in proportion ({@code LINEAR}, optionally capped and with a threshold below which it
 * is 0), or by {@code BANDS} (each band's floor of attainment gives a fixed credit). See docs/scoring.md.
 */
public enum ScoringMethod {
	LINEAR, BANDS
}
