package io.rumbo.territories;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A territory model became the active one from {@code effectiveDate}; {@code replaced} (if any) is history from that
 * date. {@code movedAccounts} accounts changed owner (each also announced by customers as {@code CustomerOwnerChanged});
 * {@code owners} and {@code units} gained or lost accounts.
 */
public record TerritoryModelActivated(TerritoryModelId model, @Nullable TerritoryModelId replaced,
		LocalDate effectiveDate, int movedAccounts, Set<StaffId> owners, Set<UnitId> units, String activatedBy) {

	public TerritoryModelActivated {
		owners = Set.copyOf(owners);
		units = Set.copyOf(units);
	}
}
