package io.rumbo.people;

/**
 * Where a requisition stands: raised as a draft, submitted for approval, approved (candidates may be hired) or
 * rejected, and closed when filled by a hire or cancelled. Only {@code DRAFT}, {@code SUBMITTED} and {@code APPROVED}
 * are open.
 */
public enum RequisitionStatus {
	DRAFT, SUBMITTED, APPROVED, REJECTED, FILLED, CANCELLED;

	public boolean open() {
		return this == DRAFT || this == SUBMITTED || this == APPROVED;
	}
}
