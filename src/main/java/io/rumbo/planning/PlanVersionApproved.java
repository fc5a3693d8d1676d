package io.rumbo.planning;

/**
 * A submitted plan version was approved (it may now be activated). Published in the transaction of the approval.
 *
 * @param submittedBy the user name of who submitted it (told of the approval), {@code approvedBy} of who approved it
 */
public record PlanVersionApproved(PlanVersionId versionId, long planId, String planName, int fiscalYear, int number,
		String submittedBy, String approvedBy) {
}
