package io.rumbo.organization;

import java.util.List;
import java.util.Map;
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

	/**
	 * The SQL condition that keeps the rows this scope may see, for a row that belongs to a unit and/or a person:
	 * rows of a unit the user manages (subtree expanded), and rows of the user's own staff record. Adds its
	 * parameters ({@code scopeUnits}, {@code scopeStaff}, {@code scopeOwnUnit}) to {@code params}; answers
	 * {@code TRUE} when the scope is everything. This is the only translation of a scope into SQL.
	 */
	public String sql(Columns columns, Map<String, Object> params) {
		if (all) {
			return "TRUE";
		}
		StringBuilder sql = new StringBuilder("(1 = 0");
		if (!managedUnitIds.isEmpty()) {
			for (String column : columns.units()) {
				sql.append(" OR ").append(column).append(" IN (:scopeUnits)");
			}
			params.put("scopeUnits", managedUnitIds);
		}
		if (ownStaffId != null) {
			for (String column : columns.staff()) {
				sql.append(" OR ").append(column).append(" = :scopeStaff");
			}
			params.put("scopeStaff", ownStaffId);
		}
		if (ownUnitId != null && !columns.ownUnit().isEmpty()) {
			for (String column : columns.ownUnit()) {
				sql.append(" OR ").append(column).append(" = :scopeOwnUnit");
			}
			params.put("scopeOwnUnit", ownUnitId);
		}
		return sql.append(')').toString();
	}

	/** {@link #sql(Columns, Map)} for a row with one unit column and, optionally, one person column. */
	public String sql(String unitColumn, @Nullable String staffColumn, Map<String, Object> params) {
		return sql(new Columns(List.of(unitColumn), staffColumn == null ? List.of() : List.of(staffColumn), List.of()),
				params);
	}

	/**
	 * Where a row names its unit and its person. {@code ownUnit} columns make rows of the user's own unit visible
	 * too (their own unit on the org chart, a task given to their team).
	 */
	public record Columns(List<String> units, List<String> staff, List<String> ownUnit) {

		public Columns {
			units = List.copyOf(units);
			staff = List.copyOf(staff);
			ownUnit = List.copyOf(ownUnit);
		}

		public static Columns of(String unitColumn, String staffColumn) {
			return new Columns(List.of(unitColumn), List.of(staffColumn), List.of());
		}
	}
}
