package io.rumbo.customers;

import java.time.LocalDate;
import java.util.Set;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A customer import created accounts or changed existing ones, all from {@code effectiveDate}: one summary per file
 * instead of a {@link CustomerCreated}, {@link CustomerOwnerChanged} or {@link CustomerDetailsChanged} per account (a
 * file may hold millions). {@code updated} counts the existing accounts the file wrote (their details, their owner or
 * unit, or both), {@code reassigned} those of them that changed owner or unit. {@code owners} and {@code units} are
 * every person and unit that gained or lost an account (before and after the change); a listener re-reads those
 * people's and units' accounts and ownership periods from that date. The event names no account: a listener that
 * keeps a copy of account fields treats it as "any account may have changed".
 */
public record CustomersImported(long created, long reassigned, long updated, Set<StaffId> owners, Set<UnitId> units,
		LocalDate effectiveDate) {

	public CustomersImported {
		owners = Set.copyOf(owners);
		units = Set.copyOf(units);
	}
}
