package io.rumbo.metrics;

/**
 * How a measure adds up over people, units and months. Only base sums are stored; a ratio or an average is always
 * the ratio of the sums over the whole group and period (never an average of monthly ratios), and a distinct count
 * counts each customer once in the group and period.
 */
public enum Aggregation {
	SUM, AVERAGE, RATIO, DISTINCT_COUNT
}
