package io.rumbo.people;

/** Whether a job role must hold a qualification (the gap report counts it) or would better hold it. */
public enum Importance {
	REQUIRED, DESIRABLE
}
