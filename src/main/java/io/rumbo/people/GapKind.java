package io.rumbo.people;

/**
 * Why a person falls short of a requirement of their job role: they hold no such qualification (MISSING), hold it
 * under the minimum level (BELOW_LEVEL), held it but it expired (EXPIRED), or hold it but it expires within the warning
 * days (EXPIRING: not yet a gap, a flag ahead of time).
 */
public enum GapKind {
	MISSING, BELOW_LEVEL, EXPIRED, EXPIRING
}
