package io.rumbo.people;

/** Who or what asked for an enrolment. */
public enum EnrolmentSource {
	SELF, MANAGER, PEOPLE, HIRING, GAP_REPORT, IMPROVEMENT
}
