package io.rumbo.organization;

import java.time.LocalDate;

/** A person left the company (their record was archived): they belonged to {@code unit} until {@code date}. */
public record StaffLeft(StaffId staff, UnitId unit, LocalDate date) {
}
