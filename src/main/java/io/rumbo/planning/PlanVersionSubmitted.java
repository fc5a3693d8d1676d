package io.rumbo.planning;

/**
 * A plan version was submitted for approval (the directors approve it or send it back). Published in the
 * transaction of the submission.
 *
 * @param planId the plan, {@code planName} its name, {@code fiscalYear} the year it plans
 * @param number the version's number within its plan
 * @param submittedBy the user name of who submitted it
 */
public record PlanVersionSubmitted(PlanVersionId versionId, long planId, String planName, int fiscalYear, int number,
		String submittedBy) {
}
