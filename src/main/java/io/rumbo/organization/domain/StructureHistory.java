package io.rumbo.organization.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.history.PeriodTable;

/**
 * Keeps the periods of the structure: which parent and manager a unit had and which unit a person belonged to, from
 * which date to which (inclusive start, exclusive end). A change effective on a date closes the open period
 * and opens a new one; a change on the very day the open period started corrects it instead.
 */
@Component
public class StructureHistory {

	private final JdbcClient jdbc;
	private final PeriodTable placements;
	private final PeriodTable managers;
	private final PeriodTable assignments;

	StructureHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.placements = new PeriodTable(jdbc, "org_unit_placement", "unit_id", "parent_id");
		this.managers = new PeriodTable(jdbc, "org_unit_manager", "unit_id", "manager_staff_id");
		this.assignments = new PeriodTable(jdbc, "org_staff_assignment", "staff_id", "unit_id");
	}

	public void placeNewUnit(OrgUnit unit, LocalDate from) {
		placements.change(unit.id(), from, unit.parentId());
	}

	public void moveUnit(OrgUnit unit, @Nullable Long newParentId, LocalDate effective) {
		placements.change(unit.id(), effective, newParentId);
		unit.placeUnder(newParentId);
	}

	public void archiveUnit(OrgUnit unit, LocalDate date) {
		unit.archive(date);
		placements.close(unit.id(), date);
		managers.close(unit.id(), date);
	}

	/** A new manager (or none) leads the unit from {@code effective}; the previous one stays in the history. */
	public void changeManager(OrgUnit unit, @Nullable Long staffId, LocalDate effective) {
		if (java.util.Objects.equals(unit.managerStaffId(), staffId)) {
			return;
		}
		managers.change(unit.id(), effective, staffId);
		unit.assignManager(staffId);
	}

	public void assignNewStaff(Staff staff, LocalDate from) {
		assignments.change(staff.id(), from, staff.unitId());
	}

	public void moveStaff(Staff staff, long unitId, LocalDate effective) {
		assignments.change(staff.id(), effective, unitId);
		staff.moveTo(unitId);
	}

	public void archiveStaff(Staff staff, LocalDate date) {
		staff.archive();
		assignments.close(staff.id(), date);
	}

	/** The (unit, parent) pairs of the units that existed on {@code date}, with the parent they had then. */
	public List<OrgTree.Link> linksAt(LocalDate date) {
		return jdbc.sql("""
				SELECT p.unit_id, p.parent_id FROM org_unit_placement p
				WHERE p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)""")
			.param("d", date)
			.query((rs, n) -> new OrgTree.Link(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
			.list();
	}

	/** The current tree of units that are not archived. */
	public OrgTree currentTree() {
		return new OrgTree(jdbc.sql("SELECT id, parent_id FROM org_unit WHERE archived = FALSE")
			.query((rs, n) -> new OrgTree.Link(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
			.list());
	}

	public OrgTree treeAt(LocalDate date) {
		return new OrgTree(linksAt(date));
	}
}
