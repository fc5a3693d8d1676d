package io.rumbo.incentives;

/** Where an award came from: a rule's decision, a manager's grant, or an evaluation nomination a manager accepted. */
public enum AwardSource {
	RULE, MANAGER, NOMINATION
}
