package io.rumbo.incentives;

/**
 * Whose figures a component pays on: the person's own (as the metrics engine credits them), or those of the unit
 * the person is in on the period's last day, its subtree included (a manager's team bonus, against the unit's quota).
 */
public enum MeasuredOn {
	PERSON, TEAM
}
