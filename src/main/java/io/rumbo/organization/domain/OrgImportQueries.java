package io.rumbo.organization.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.StaffStatus;

/**
 * What the org-units and staff imports compare a file with, read set-based: units and people by the codes and
 * employee numbers a file names (compared ignoring case, as the facades do), keyed by the upper-case key.
 */
@Component
public class OrgImportQueries {

	public record UnitRecord(long id, long version, String code, String name, OrgUnitKind kind,
			@Nullable String location, @Nullable Long parentId, @Nullable Long managerStaffId, LocalDate validFrom,
			boolean archived) {
	}

	public record StaffRecord(long id, long version, String employeeNumber, String firstName, String lastName,
			@Nullable String email, @Nullable String phone, LocalDate hireDate, long unitId, JobRole jobRole,
			StaffStatus status, int qualificationLevel, @Nullable Long userId, boolean archived) {
	}

	private static final String UNITS = """
			SELECT id, version, code, name, kind, location, parent_id, manager_staff_id, valid_from, archived
			FROM org_unit""";

	private final JdbcClient jdbc;

	OrgImportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every unit, archived ones too: a unit file is checked against the whole tree (a parent named by code may be
	 * anywhere in it, and a cycle may run through units the file does not name). Its size is the org chart's.
	 */
	public List<UnitRecord> allUnits() {
		return jdbc.sql(UNITS).query(OrgImportQueries::unit).list();
	}

	private static UnitRecord unit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new UnitRecord(rs.getLong("id"), rs.getLong("version"), rs.getString("code"), rs.getString("name"),
				OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("location"),
				(Long) rs.getObject("parent_id", Long.class), (Long) rs.getObject("manager_staff_id", Long.class),
				rs.getObject("valid_from", LocalDate.class), rs.getBoolean("archived"));
	}

	/** The units with these codes, keyed by upper-case code. */
	public Map<String, UnitRecord> unitsByCodes(Collection<String> codes) {
		Map<String, UnitRecord> found = new HashMap<>();
		if (codes.isEmpty()) {
			return found;
		}
		jdbc.sql(UNITS + " WHERE UPPER(code) IN (:codes)")
			.param("codes", upper(codes))
			.query(OrgImportQueries::unit)
			.list()
			.forEach(u -> found.put(u.code().toUpperCase(Locale.ROOT), u));
		return found;
	}

	/** The people with these employee numbers (those who left too), keyed by upper-case number. */
	public Map<String, StaffRecord> staffByNumbers(Collection<String> numbers) {
		Map<String, StaffRecord> found = new HashMap<>();
		if (numbers.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT * FROM org_staff WHERE UPPER(employee_number) IN (:numbers)")
			.param("numbers", upper(numbers))
			.query((rs, n) -> new StaffRecord(rs.getLong("id"), rs.getLong("version"), rs.getString("employee_number"),
					rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
					rs.getString("phone"), rs.getObject("hire_date", LocalDate.class), rs.getLong("unit_id"),
					JobRole.valueOf(rs.getString("job_role")), StaffStatus.valueOf(rs.getString("status")),
					rs.getInt("qualification_level"), (Long) rs.getObject("user_id", Long.class),
					rs.getBoolean("archived")))
			.list()
			.forEach(s -> found.put(s.employeeNumber().toUpperCase(Locale.ROOT), s));
		return found;
	}

	/** The people linked to these sign-in accounts, keyed by account id. */
	public Map<Long, Long> staffByUserIds(Collection<Long> userIds) {
		Map<Long, Long> found = new HashMap<>();
		if (!userIds.isEmpty()) {
			jdbc.sql("SELECT user_id, id FROM org_staff WHERE user_id IN (:ids)")
				.param("ids", List.copyOf(userIds))
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
				.list()
				.forEach(e -> found.put(e.getKey(), e.getValue()));
		}
		return found;
	}

	private static List<String> upper(Collection<String> keys) {
		return keys.stream().map(k -> k.toUpperCase(Locale.ROOT)).distinct().toList();
	}
}
