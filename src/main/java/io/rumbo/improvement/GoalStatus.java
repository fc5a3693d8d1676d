package io.rumbo.improvement;

/**
 * Where a goal stands against its pace on a day: on track, behind (below where it should be by then), met, missed
 * (its deadline passed, or an "at most" allowance is spent), or no figure yet (a ratio with nothing to divide by).
 */
public enum GoalStatus {
	ON_TRACK, BEHIND, MET, MISSED, NO_DATA
}
