package io.rumbo.people;

/**
 * Where an enrolment stands: ENROLLED (a seat taken), ATTENDED (attendance recorded), then COMPLETED (the programme's
 * qualification granted) or FAILED (score under the pass mark); CANCELLED frees the seat. Open: ENROLLED or ATTENDED.
 */
public enum EnrolmentStatus {
	ENROLLED, ATTENDED, COMPLETED, FAILED, CANCELLED;

	public boolean open() {
		return this == ENROLLED || this == ATTENDED;
	}
}
