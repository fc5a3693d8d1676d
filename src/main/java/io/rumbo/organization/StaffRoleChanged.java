package io.rumbo.organization;

import java.time.LocalDate;

/**
 * A person's job role changed (a form, the API or a staff import), from {@code changedOn}; {@code unit} is the unit
 * they are in after the change. A change of unit is announced by {@link StaffMoved} as well.
 */
public record StaffRoleChanged(StaffId staff, UnitId unit, JobRole from, JobRole to, LocalDate changedOn) {
}
