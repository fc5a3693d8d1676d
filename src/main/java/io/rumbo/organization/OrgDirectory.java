package io.rumbo.organization;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.domain.OrgTree;
import io.rumbo.organization.domain.StructureHistory;

/**
 * Names and placements of people and units for other modules, looked up set-based (one query for any number of
 * ids), so that a list of customers or orders shows its owners' names without a query per row.
 */
@Service
public class OrgDirectory {

	/** A person as other modules need them: where they work and whether they still do. */
	public record StaffSummary(long id, String fullName, long unitId, boolean active) {

		public StaffId staffId() {
			return StaffId.of(id);
		}

		public UnitId unit() {
			return UnitId.of(unitId);
		}
	}

	private final JdbcClient jdbc;
	private final StructureHistory structure;

	OrgDirectory(JdbcClient jdbc, StructureHistory structure) {
		this.jdbc = jdbc;
		this.structure = structure;
	}

	@Transactional(readOnly = true)
	public Map<Long, String> staffNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, first_name, last_name FROM org_staff WHERE id IN (:ids)")
				.param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3));
				});
		}
		return names;
	}

	@Transactional(readOnly = true)
	public Map<Long, String> unitNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM org_unit WHERE id IN (:ids)").param("ids", ids).query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		}
		return names;
	}

	@Transactional(readOnly = true)
	public Optional<StaffSummary> staff(long id) {
		return jdbc.sql("""
				SELECT id, first_name, last_name, unit_id, archived, status FROM org_staff WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new StaffSummary(rs.getLong(1), rs.getString(2) + " " + rs.getString(3), rs.getLong(4),
					!rs.getBoolean(5) && !"LEFT".equals(rs.getString(6))))
			.optional();
	}

	/**
	 * The people with these ids and everyone whose current unit is one of these units, by id, in one query (a roll-up
	 * over a subtree reads its people at once, never one by one).
	 */
	@Transactional(readOnly = true)
	public Map<Long, StaffSummary> staffByIdOrUnit(Collection<Long> ids, Collection<Long> unitIds) {
		Map<Long, StaffSummary> staff = new HashMap<>();
		if (ids.isEmpty() && unitIds.isEmpty()) {
			return staff;
		}
		String where = ids.isEmpty() ? "unit_id IN (:units)"
				: unitIds.isEmpty() ? "id IN (:ids)" : "id IN (:ids) OR unit_id IN (:units)";
		var query = jdbc.sql("SELECT id, first_name, last_name, unit_id, archived, status FROM org_staff WHERE " + where);
		if (!ids.isEmpty()) {
			query = query.param("ids", ids);
		}
		if (!unitIds.isEmpty()) {
			query = query.param("units", unitIds);
		}
		query.query(rs -> {
			staff.put(rs.getLong(1), new StaffSummary(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
					rs.getLong(4), !rs.getBoolean(5) && !"LEFT".equals(rs.getString(6))));
		});
		return staff;
	}

	/** The unit each person belonged to on a date (from their assignment history), in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Long> unitsOn(Collection<Long> staffIds, java.time.LocalDate date) {
		Map<Long, Long> units = new HashMap<>();
		if (!staffIds.isEmpty()) {
			// One array parameter, not one per person: a payout run asks for thousands (docs/benchmarks.md).
			jdbc.sql("""
					SELECT staff_id, unit_id FROM org_staff_assignment
					WHERE staff_id = ANY(:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)""")
				.param("ids", new SqlArrayValue("bigint", staffIds.toArray()))
				.param("d", date)
				.query(rs -> {
					units.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return units;
	}

	@Transactional(readOnly = true)
	public boolean isActiveUnit(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = :id AND archived = FALSE")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** The unit and every unit below it today. */
	@Transactional(readOnly = true)
	public java.util.Set<Long> subtree(long unitId) {
		return structure.currentTree().subtree(unitId);
	}

	/** Every person by employee number (imports refer to people by it), in one query. */
	@Transactional(readOnly = true)
	public Map<String, StaffSummary> staffByNumber() {
		Map<String, StaffSummary> staff = new HashMap<>();
		jdbc.sql("SELECT id, first_name, last_name, unit_id, archived, status, employee_number FROM org_staff")
			.query(rs -> {
				staff.put(rs.getString(7), new StaffSummary(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
						rs.getLong(4), !rs.getBoolean(5) && !"LEFT".equals(rs.getString(6))));
			});
		return staff;
	}

	/** The people with these employee numbers, by number, a thousand per query (imports read only those they name). */
	@Transactional(readOnly = true)
	public Map<String, StaffSummary> staffByNumbers(Collection<String> numbers) {
		Map<String, StaffSummary> staff = new HashMap<>();
		List<String> all = numbers.stream().distinct().toList();
		for (int i = 0; i < all.size(); i += 1000) {
			jdbc.sql("""
					SELECT id, first_name, last_name, unit_id, archived, status, employee_number FROM org_staff
					WHERE employee_number IN (:numbers)""")
				.param("numbers", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(rs -> {
					staff.put(rs.getString(7), new StaffSummary(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
							rs.getLong(4), !rs.getBoolean(5) && !"LEFT".equals(rs.getString(6))));
				});
		}
		return staff;
	}

	/**
	 * The employee numbers of these people, for exports that imports read back; people who left or are archived are
	 * left out (an import cannot name them).
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> activeEmployeeNumbers(Collection<Long> ids) {
		Map<Long, String> numbers = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, employee_number FROM org_staff WHERE id IN (:ids) AND archived = FALSE"
					+ " AND status <> 'LEFT'").param("ids", ids).query(rs -> {
						numbers.put(rs.getLong(1), rs.getString(2));
					});
		}
		return numbers;
	}

	/** The employee numbers of these people (archived included), a thousand per query. */
	@Transactional(readOnly = true)
	public Map<Long, String> employeeNumbers(Collection<Long> ids) {
		Map<Long, String> numbers = new HashMap<>();
		List<Long> all = ids.stream().distinct().toList();
		for (int i = 0; i < all.size(); i += 1000) {
			jdbc.sql("SELECT id, employee_number FROM org_staff WHERE id IN (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(rs -> {
					numbers.put(rs.getLong(1), rs.getString(2));
				});
		}
		return numbers;
	}

	/** The codes of these units, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, String> unitCodes(Collection<Long> ids) {
		Map<Long, String> codes = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, code FROM org_unit WHERE id IN (:ids)").param("ids", ids).query(rs -> {
				codes.put(rs.getLong(1), rs.getString(2));
			});
		}
		return codes;
	}

	/** Every unit id by unit code, in one query. */
	@Transactional(readOnly = true)
	public Map<String, Long> unitIdsByCode() {
		Map<String, Long> units = new HashMap<>();
		jdbc.sql("SELECT code, id FROM org_unit").query(rs -> {
			units.put(rs.getString(1), rs.getLong(2));
		});
		return units;
	}

	/** The manager of a unit today, if it has one (recruitment's approval rules ask for the unit above's). */
	@Transactional(readOnly = true)
	public Optional<StaffId> managerOf(UnitId unit) {
		return jdbc.sql("SELECT manager_staff_id FROM org_unit WHERE id = :id AND manager_staff_id IS NOT NULL")
			.param("id", unit.value()).query(Long.class).optional().map(StaffId::of);
	}

	/** A unit of the current tree, as planning and reports walk it. */
	public record UnitNode(long id, String code, String name, @org.jspecify.annotations.Nullable Long parentId) {

		public UnitId unitId() {
			return UnitId.of(id);
		}

		public @org.jspecify.annotations.Nullable UnitId parent() {
			return parentId == null ? null : UnitId.of(parentId);
		}
	}

	/** Every active unit of the current tree with its parent, ordered by name (one query). */
	@Transactional(readOnly = true)
	public java.util.List<UnitNode> unitTree() {
		return jdbc.sql("SELECT id, code, name, parent_id FROM org_unit WHERE archived = FALSE ORDER BY name")
			.query((rs, n) -> new UnitNode(rs.getLong(1), rs.getString(2), rs.getString(3),
					(Long) rs.getObject(4, Long.class)))
			.list();
	}

	// ---- by typed id, for the modules that refer to people and units by StaffId and UnitId

	@Transactional(readOnly = true)
	public Optional<StaffSummary> staff(StaffId id) {
		return staff(id.value());
	}

	/** Names of people by id, in one query. */
	@Transactional(readOnly = true)
	public Map<StaffId, String> namesOfStaff(Collection<StaffId> ids) {
		Map<StaffId, String> names = new HashMap<>();
		staffNames(ids.stream().map(StaffId::value).toList()).forEach((id, name) -> names.put(StaffId.of(id), name));
		return names;
	}

	/** Names of units by id, in one query. */
	@Transactional(readOnly = true)
	public Map<UnitId, String> namesOfUnits(Collection<UnitId> ids) {
		Map<UnitId, String> names = new HashMap<>();
		unitNames(ids.stream().map(UnitId::value).toList()).forEach((id, name) -> names.put(UnitId.of(id), name));
		return names;
	}

	/** The unit each person belonged to on a date (people not in the organisation that day are absent). */
	@Transactional(readOnly = true)
	public Map<StaffId, UnitId> unitsOfStaffOn(Collection<StaffId> staff, java.time.LocalDate date) {
		Map<StaffId, UnitId> units = new HashMap<>();
		unitsOn(staff.stream().map(StaffId::value).toList(), date)
			.forEach((person, unit) -> units.put(StaffId.of(person), UnitId.of(unit)));
		return units;
	}

	/** The unit a person belonged to on a date, if they were in the organisation that day. */
	@Transactional(readOnly = true)
	public Optional<UnitId> unitOn(StaffId staff, java.time.LocalDate date) {
		return Optional.ofNullable(unitsOfStaffOn(java.util.List.of(staff), date).get(staff));
	}

	@Transactional(readOnly = true)
	public boolean isActiveUnit(UnitId id) {
		return isActiveUnit(id.value());
	}

	/** The unit and every unit below it today. */
	@Transactional(readOnly = true)
	public java.util.Set<UnitId> subtree(UnitId unit) {
		return structure.currentTree()
			.subtree(unit.value())
			.stream()
			.map(UnitId::of)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/**
	 * A person's stay in a unit, {@code from} inclusive to {@code to} exclusive (absent while it lasts), with what
	 * quotas and reports need to know of the person: hire date, job role, employee number and name.
	 */
	public record Stay(StaffId staff, UnitId unit, LocalDate from, @Nullable LocalDate to, LocalDate hireDate,
			 JobRole jobRole, String employeeNumber, String fullName) {
	}

	/** Every stay of a person of these job roles that overlaps the days from {@code from} until {@code to}, excluded. */
	@Transactional(readOnly = true)
	public List<Stay> staysBetween(java.time.LocalDate from, java.time.LocalDate to, java.util.Set<JobRole> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT a.staff_id, a.unit_id, a.valid_from, a.valid_to, s.hire_date, s.job_role, s.employee_number,
				       s.first_name, s.last_name
				FROM org_staff_assignment a JOIN org_staff s ON s.id = a.staff_id
				WHERE a.valid_from < :to AND (a.valid_to IS NULL OR a.valid_to > :from) AND s.job_role IN (:roles)
				ORDER BY a.staff_id, a.valid_from""")
			.param("from", from)
			.param("to", to)
			.param("roles", roles.stream().map(Enum::name).toList())
			.query((rs, n) -> new Stay(StaffId.of(rs.getLong(1)), UnitId.of(rs.getLong(2)),
					rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class),
					rs.getObject(5, java.time.LocalDate.class), JobRole.valueOf(rs.getString(6)), rs.getString(7),
					rs.getString(8) + " " + rs.getString(9)))
			.list();
	}

	/**
	 * Each unit with every unit below it as the tree stood on {@code date} (from the placement history), so that a
	 * past period's figures follow that period's structure; a unit that did not exist that day maps to itself alone.
	 */
	@Transactional(readOnly = true)
	public Map<UnitId, java.util.Set<UnitId>> subtreesOn(Collection<UnitId> units, java.time.LocalDate date) {
		OrgTree tree = structure.treeAt(date);
		Map<UnitId, java.util.Set<UnitId>> result = new HashMap<>();
		for (UnitId unit : units) {
			java.util.Set<UnitId> members = new java.util.HashSet<>();
			if (tree.contains(unit.value())) {
				tree.subtree(unit.value()).forEach(id -> members.add(UnitId.of(id)));
			}
			members.add(unit);
			result.put(unit, java.util.Set.copyOf(members));
		}
		return result;
	}
}
