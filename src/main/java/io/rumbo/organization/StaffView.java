package io.rumbo.organization;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A salesperson's profile; the manager is derived from the unit, never stored on the person. */
public record StaffView(long id, long version, String employeeNumber, String firstName, String lastName,
		@Nullable String email, @Nullable String phone, LocalDate hireDate, long unitId, String unitCode, String unitName,
		@Nullable Long managerStaffId, @Nullable String managerName, JobRole jobRole, StaffStatus status,
		int qualificationLevel, @Nullable Long userId, boolean archived) {

	public String fullName() {
		return firstName + " " + lastName;
	}
}
