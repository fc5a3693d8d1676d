package io.rumbo.organization.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Keeps the periods of the structure: which parent and manager a unit had and which unit a person belonged to, from
 * which date to which (inclusive start, exclusive end). A change effective on a date closes the open period
 * and opens a new one; a change on the very day the open period started corrects it instead.
 */
@Component
public class StructureHistory {

	private final JdbcClient jdbc;

	StructureHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record OpenPeriod(long id, @Nullable Long target, LocalDate validFrom) {
	}

	public void placeNewUnit(OrgUnit unit, LocalDate from) {
		jdbc.sql("INSERT INTO org_unit_placement (unit_id, parent_id, valid_from) VALUES (:unit, :parent, :from)")
			.param("unit", unit.id())
			.param("parent", unit.parentId())
			.param("from", from)
			.update();
	}

	public void moveUnit(OrgUnit unit, @Nullable Long newParentId, LocalDate effective) {
		change("org_unit_placement", "unit_id", "parent_id", unit.id(), newParentId, effective);
		unit.placeUnder(newParentId);
	}

	public void archiveUnit(OrgUnit unit, LocalDate date) {
		close("org_unit_placement", "unit_id", unit.id(), date);
		close("org_unit_manager", "unit_id", unit.id(), date);
		unit.archive(date);
	}

	/** A new manager (or none) leads the unit from {@code effective}; the previous one stays in the history. */
	public void changeManager(OrgUnit unit, @Nullable Long staffId, LocalDate effective) {
		if (java.util.Objects.equals(unit.managerStaffId(), staffId)) {
			return;
		}
		change("org_unit_manager", "unit_id", "manager_staff_id", unit.id(), staffId, effective);
		unit.assignManager(staffId);
	}

	public void assignNewStaff(Staff staff, LocalDate from) {
		jdbc.sql("INSERT INTO org_staff_assignment (staff_id, unit_id, valid_from) VALUES (:staff, :unit, :from)")
			.param("staff", staff.id())
			.param("unit", staff.unitId())
			.param("from", from)
			.update();
	}

	public void moveStaff(Staff staff, long unitId, LocalDate effective) {
		change("org_staff_assignment", "staff_id", "unit_id", staff.id(), unitId, effective);
		staff.moveTo(unitId);
	}

	public void archiveStaff(Staff staff, LocalDate date) {
		close("org_staff_assignment", "staff_id", staff.id(), date);
		staff.archive();
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

	private void change(String table, String ownerColumn, String targetColumn, long owner, @Nullable Long target,
			LocalDate effective) {
		Optional<OpenPeriod> open = jdbc
			.sql("SELECT id, " + targetColumn + ", valid_from FROM " + table + " WHERE " + ownerColumn
					+ " = :owner AND valid_to IS NULL")
			.param("owner", owner)
			.query((rs, n) -> new OpenPeriod(rs.getLong(1), (Long) rs.getObject(2, Long.class),
					rs.getObject(3, LocalDate.class)))
			.optional();
		if (open.isEmpty()) {
			insert(table, ownerColumn, targetColumn, owner, target, effective);
			return;
		}
		OpenPeriod period = open.get();
		if (java.util.Objects.equals(period.target(), target)) {
			return;
		}
		if (effective.isBefore(period.validFrom())) {
			throw ValidationFailedException.of("effectiveDate", "organization.history.effectiveBeforeCurrent",
					period.validFrom());
		}
		if (effective.isEqual(period.validFrom())) {
			jdbc.sql("UPDATE " + table + " SET " + targetColumn + " = :target WHERE id = :id")
				.param("target", target)
				.param("id", period.id())
				.update();
			return;
		}
		jdbc.sql("UPDATE " + table + " SET valid_to = :to WHERE id = :id")
			.param("to", effective)
			.param("id", period.id())
			.update();
		insert(table, ownerColumn, targetColumn, owner, target, effective);
	}

	private void insert(String table, String ownerColumn, String targetColumn, long owner, @Nullable Long target,
			LocalDate from) {
		jdbc.sql("INSERT INTO " + table + " (" + ownerColumn + ", " + targetColumn + ", valid_from) VALUES (:o, :t, :f)")
			.param("o", owner)
			.param("t", target)
			.param("f", from)
			.update();
	}

	private void close(String table, String ownerColumn, long owner, LocalDate date) {
		jdbc.sql("UPDATE " + table + " SET valid_to = CASE WHEN valid_from > :d THEN valid_from ELSE :d END WHERE "
				+ ownerColumn + " = :owner AND valid_to IS NULL")
			.param("d", date)
			.param("owner", owner)
			.update();
	}
}
