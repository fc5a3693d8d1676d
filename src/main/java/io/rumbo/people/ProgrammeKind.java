package io.rumbo.people;

/** The kind of a training programme; new hires are enrolled in the next session of an onboarding programme. */
public enum ProgrammeKind {
	ONBOARDING, PRODUCT, SALES_METHOD, COMPLIANCE
}
