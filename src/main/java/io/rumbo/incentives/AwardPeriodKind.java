package io.rumbo.incentives;

/** The fiscal period an award kind is decided for. */
public enum AwardPeriodKind {
	MONTH, QUARTER, YEAR
}
