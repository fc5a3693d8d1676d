package io.rumbo.people;

/**
 * Who approves a unit's requisitions (decision 0040): a director, the manager of the unit above the requisition's
 * unit, or PEOPLE.
 */
public enum RequisitionApprover {
	DIRECTOR, UPPER_MANAGER, PEOPLE
}
