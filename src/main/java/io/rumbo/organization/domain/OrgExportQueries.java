package io.rumbo.organization.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.StaffStatus;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;

/**
 * The organisation's exports as single streamed queries: the parent, the manager and the headcount of a unit are
 * joined in SQL (as they stood on the date asked for), so an export's memory follows its fetch size and never the
 * size of the org tree.
 */
@Component
public class OrgExportQueries {

	/** A unit as its exports write it: parent by code and name, manager by employee number and name. */
	public record UnitLine(long id, String code, String name, OrgUnitKind kind, @Nullable String location,
			@Nullable String parentCode, @Nullable String parentName, @Nullable String managerNumber,
			@Nullable String managerName, long headcount, LocalDate validFrom, @Nullable LocalDate validTo,
			boolean archived) {
	}

	/** A person as the staff import reads them back; the account's name and roles are added by the caller. */
	public record StaffLine(long id, String employeeNumber, String firstName, String lastName, @Nullable String email,
			@Nullable String phone, LocalDate hireDate, String unitCode, JobRole jobRole, StaffStatus status,
			int qualificationLevel, @Nullable Long userId) {
	}

	private final ExportCursor cursor;

	OrgExportQueries(ExportCursor cursor) {
		this.cursor = cursor;
	}

	/** Every matching unit, streamed with a fetch size. */
	public void eachUnit(DataScope scope, OrgQueries.UnitFilter filter, ListQuery query, Consumer<UnitLine> sink) {
		Map<String, Object> params = new HashMap<>();
		String from = OrgQueries.unitFrom(filter, params);
		LocalDate asOf = filter.asOf();
		String parentColumn = asOf == null ? "u.parent_id" : "p.parent_id";
		String sql = asOf == null ? """
				SELECT u.*, pu.code AS parent_code, pu.name AS parent_name, m.employee_number AS manager_number,
				       m.first_name AS manager_first, m.last_name AS manager_last,
				       (SELECT COUNT(*) FROM org_staff s WHERE s.unit_id = u.id AND s.archived = FALSE
				          AND s.status <> 'LEFT') AS headcount""" : """
				SELECT u.*, pu.code AS parent_code, pu.name AS parent_name, m.employee_number AS manager_number,
				       m.first_name AS manager_first, m.last_name AS manager_last,
				       (SELECT COUNT(*) FROM org_staff_assignment a WHERE a.unit_id = u.id AND a.valid_from <= :asOf
				          AND (a.valid_to IS NULL OR a.valid_to > :asOf)) AS headcount""";
		String managerJoin = asOf == null ? " LEFT JOIN org_staff m ON m.id = u.manager_staff_id" : " " + """
				 LEFT JOIN org_unit_manager h ON h.unit_id = u.id AND h.valid_from <= :asOf
				   AND (h.valid_to IS NULL OR h.valid_to > :asOf)
				 LEFT JOIN org_staff m ON m.id = h.manager_staff_id""";
		String joins = " LEFT JOIN org_unit pu ON pu.id = " + parentColumn + managerJoin;
		String where = OrgQueries.unitWhere(scope, filter, params);
		cursor.each(sql + from + joins + where + query.orderBy("u.id"), params, OrgExportQueries::unitLine, sink);
	}

	private static UnitLine unitLine(ResultSet rs, int n) throws SQLException {
		String first = rs.getString("manager_first");
		return new UnitLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("location"), rs.getString("parent_code"),
				rs.getString("parent_name"), rs.getString("manager_number"),
				first == null ? null : first + " " + rs.getString("manager_last"), rs.getLong("headcount"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getBoolean("archived"));
	}

	/**
	 * Every matching person in the staff import's shape, streamed; {@code named} sees a thousand rows at a time (to
	 * add what another module knows of them, such as their sign-in account).
	 */
	public <V> void eachStaff(DataScope scope, OrgQueries.StaffFilter filter, ListQuery query,
			Function<List<StaffLine>, List<V>> named, Consumer<V> sink) {
		Map<String, Object> params = new HashMap<>();
		String from = OrgQueries.staffFrom(filter, params) + OrgQueries.staffWhere(scope, filter, params);
		cursor.each("SELECT s.*, u.code AS unit_code" + from + query.orderBy("s.id"), params,
				OrgExportQueries::staffLine, named, sink);
	}

	private static StaffLine staffLine(ResultSet rs, int n) throws SQLException {
		return new StaffLine(rs.getLong("id"), rs.getString("employee_number"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
				rs.getObject("hire_date", LocalDate.class), rs.getString("unit_code"),
				JobRole.valueOf(rs.getString("job_role")), StaffStatus.valueOf(rs.getString("status")),
				rs.getInt("qualification_level"), (Long) rs.getObject("user_id", Long.class));
	}
}
