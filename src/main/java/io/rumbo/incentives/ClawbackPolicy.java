package io.rumbo.incentives;

/**
 * What a plan takes back when a sale it paid on is returned or cancelled after the period was paid: all of the
 * commission paid on it, or a percentage of it (the plan's {@code clawbackPercent}).
 */
public enum ClawbackPolicy {
	FULL, PRORATED
}
