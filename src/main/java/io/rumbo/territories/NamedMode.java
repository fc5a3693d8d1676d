package io.rumbo.territories;

/** An account named by hand: put in the territory whatever its rules say, or kept out of its rules. */
public enum NamedMode {
	INCLUDE, EXCLUDE
}
