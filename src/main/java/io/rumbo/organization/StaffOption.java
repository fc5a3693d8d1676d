package io.rumbo.organization;

/** A person as a choice in a picker (owner, assignee, credited salesperson): just enough to name them. */
public record StaffOption(long id, String firstName, String lastName, long unitId, String unitName) {

	public String fullName() {
		return firstName + " " + lastName;
	}
}
