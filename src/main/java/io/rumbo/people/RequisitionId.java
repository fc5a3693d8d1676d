package io.rumbo.people;

/** A requisition's identity, for other modules. */
public record RequisitionId(long value) {

	public static RequisitionId of(long value) {
		return new RequisitionId(value);
	}
}
