package io.rumbo.customers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/** A new account, owned by {@code owner} (none for an account nobody owns yet) in {@code unit} from {@code since}. */
public record CustomerCreated(CustomerId customer, @Nullable StaffId owner, UnitId unit, LocalDate since) {
}
