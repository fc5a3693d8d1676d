package io.rumbo.organization;

import java.time.LocalDate;

/**
 * A person joined the sales organisation: they work in {@code unit} as {@code jobRole}, hired on {@code hireDate}.
 * Published when the person is recorded, in the same transaction.
 */
public record StaffHired(StaffId staff, UnitId unit, LocalDate hireDate, JobRole jobRole) {
}
