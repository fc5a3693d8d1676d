package io.rumbo.people;

/** Why a vacancy is to be filled: a new place in the unit, or someone who left or moved. */
public enum RequisitionReason {
	GROWTH, REPLACEMENT
}
