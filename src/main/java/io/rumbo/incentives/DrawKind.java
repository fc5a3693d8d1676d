package io.rumbo.incentives;

/**
 * A draw: a minimum paid each month. Recoverable, the shortfall it covers is owed and recovered from later earnings
 * above the draw; non-recoverable, it is a guarantee and nothing is owed.
 */
public enum DrawKind {
	NONE, RECOVERABLE, NON_RECOVERABLE
}
