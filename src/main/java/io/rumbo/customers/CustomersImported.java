package io.rumbo.customers;

import java.time.LocalDate;
import java.util.Set;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A customer import created accounts or changed their owner or unit, all from {@code effectiveDate}: one summary per
 * file instead of a {@link CustomerCreated} or {@link CustomerOwnerChanged} per account (a file may hold millions).
 * {@code owners} and {@code units} are every person and unit that gained or lost an account (before and after the
 * change); a listener re-reads those people's and units' accounts and ownership periods from that date.
 */
public record CustomersImported(long created, long reassigned, Set<StaffId> owners, Set<UnitId> units,
		LocalDate effectiveDate) {

	public CustomersImported {
		owners = Set.copyOf(owners);
		units = Set.copyOf(units);
	}
}
