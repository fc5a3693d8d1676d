package io.rumbo.people;

/** One of a requisition's requirements, copied from its job role's when it was raised. */
public record RequirementView(long id, long qualificationId, String qualificationName, int minLevel,
		boolean mandatory) {
}
