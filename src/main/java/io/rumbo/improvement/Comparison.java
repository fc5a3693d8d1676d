package io.rumbo.improvement;

/** How a measured goal compares the figure with its target: at least ("12 visits a week") or at most. */
public enum Comparison {
	AT_LEAST, AT_MOST
}
