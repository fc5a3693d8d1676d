package io.rumbo.organization;

/** Active and on-leave people fill a position; people who left do not. */
public enum StaffStatus {
	ACTIVE, ON_LEAVE, LEFT;

	public boolean fillsPosition() {
		return this != LEFT;
	}
}
