package io.rumbo.evaluation;

/** What a quantitative criterion's figure is measured against: the person's published quota, or a fixed figure. */
public enum TargetKind {
	QUOTA, FIXED
}
