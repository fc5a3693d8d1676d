package io.rumbo.improvement;

/**
 * What the target of a measured goal is per: a week ("12 visits a week"), a month ("3 opportunities a month") or the
 * whole goal ("margin above 22 %", and every ratio, average or score, which is a level, not a count).
 */
public enum Grain {
	WEEK, MONTH, WHOLE
}
