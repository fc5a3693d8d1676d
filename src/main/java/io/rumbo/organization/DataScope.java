package io.rumbo.organization;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What records a user may see, from their roles and place in the org tree: everything; the subtree of the
 * units they lead; or their own records. A user holding several roles gets the union. Every list query
 * applies it in SQL, and a record outside it answers "not found".
 *
 * @param all sees the whole company
 * @param managedUnitIds the units (whole subtrees, expanded) led by the user as a manager
 * @param ownStaffId the user's own staff record, if any
 * @param ownUnitId the unit of the user's own staff record, if any
 */
public record DataScope(boolean all, Set<Long> managedUnitIds, @Nullable Long ownStaffId, @Nullable Long ownUnitId) {

	public static final DataScope EVERYTHING = new DataScope(true, Set.of(), null, null);
	public static final DataScope NOTHING = new DataScope(false, Set.of(), null, null);

	public DataScope {
		managedUnitIds = Set.copyOf(managedUnitIds);
	}

	public boolean seesUnit(long unitId) {
		return all || managedUnitIds.contains(unitId) || (ownUnitId != null && ownUnitId == unitId);
	}

	public boolean seesStaff(long staffId, long unitId) {
		return all || managedUnitIds.contains(unitId) || (ownStaffId != null && ownStaffId == staffId);
	}

	public boolean managesUnit(long unitId) {
		return all || managedUnitIds.contains(unitId);
	}
}
