package io.rumbo.metrics;

/** What a measure's figure is: money (2 decimals), a count, a percentage (42.50 means 42.5 %), a score, days. */
public enum MetricUnit {
	MONEY, COUNT, PERCENT, SCORE, DAYS, RATIO
}
