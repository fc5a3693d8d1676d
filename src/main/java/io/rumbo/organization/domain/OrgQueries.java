package io.rumbo.organization.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.StaffOption;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of the organisation: each list is one count and one page query with the data scope in
 * its WHERE clause, plus one query for the unit directory. Filters arrive already validated.
 */
@Component
public class OrgQueries {

	public static final Map<String, String> STAFF_SORTS = Map.of("lastName", "s.last_name", "firstName",
			"s.first_name", "employeeNumber", "s.employee_number", "hireDate", "s.hire_date", "status", "s.status",
			"jobRole", "s.job_role", "unit", "u.name", "qualificationLevel", "s.qualification_level");

	public static final Map<String, String> UNIT_SORTS = Map.of("code", "u.code", "name", "u.name", "kind", "u.kind",
			"validFrom", "u.valid_from", "location", "u.location");

	public record StaffFilter(@Nullable String q, @Nullable Set<Long> unitIds, @Nullable JobRole jobRole,
			@Nullable StaffStatus status, boolean includeArchived, @Nullable LocalDate asOf) {
	}

	public record UnitFilter(@Nullable String q, @Nullable OrgUnitKind kind, @Nullable Set<Long> unitIds,
			boolean includeArchived, @Nullable LocalDate asOf) {
	}

	private static final DataScope.Columns UNIT_SCOPE = new DataScope.Columns(List.of("u.id"), List.of(),
			List.of("u.id"));

	private final JdbcClient jdbc;
	private final io.rumbo.shared.export.ExportCursor cursor;

	OrgQueries(JdbcClient jdbc, io.rumbo.shared.export.ExportCursor cursor) {
		this.jdbc = jdbc;
		this.cursor = cursor;
	}

	public UnitDirectory directory() {
		return directory(null);
	}

	/** Every unit with the parent and manager it had on {@code asOf} (today's when {@code null}). */
	public UnitDirectory directory(@Nullable LocalDate asOf) {
		String sql = asOf == null ? """
				SELECT u.id, u.code, u.name, u.parent_id, u.manager_staff_id, m.first_name, m.last_name
				FROM org_unit u LEFT JOIN org_staff m ON m.id = u.manager_staff_id""" : """
				SELECT u.id, u.code, u.name, p.parent_id, h.manager_staff_id, m.first_name, m.last_name
				FROM org_unit u
				LEFT JOIN org_unit_placement p ON p.unit_id = u.id AND p.valid_from <= :d
				  AND (p.valid_to IS NULL OR p.valid_to > :d)
				LEFT JOIN org_unit_manager h ON h.unit_id = u.id AND h.valid_from <= :d
				  AND (h.valid_to IS NULL OR h.valid_to > :d)
				LEFT JOIN org_staff m ON m.id = h.manager_staff_id""";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (asOf != null) {
			statement = statement.param("d", asOf);
		}
		return new UnitDirectory(statement.query((rs, n) -> new UnitDirectory.Entry(rs.getLong(1), rs.getString(2),
				rs.getString(3), (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class),
				rs.getString(6) == null ? null : rs.getString(6) + " " + rs.getString(7)))
			.list());
	}

	// ---- staff

	public PageResponse<StaffView> staff(DataScope scope, StaffFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String from = staffFrom(filter, params) + staffWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
		UnitDirectory units = directory(filter.asOf());
		List<StaffView> rows = jdbc.sql(staffSelect() + from + query.orderBy("s.id") + query.limit())
			.params(params)
			.query((rs, n) -> staffRow(rs, units))
			.list();
		return PageResponse.of(rows, query, total);
	}

	/** Active people in scope whose name matches, by last name, at most {@code limit}: one small query for pickers. */
	public List<StaffOption> staffOptions(DataScope scope, @Nullable String q, int limit) {
		Map<String, Object> params = new HashMap<>();
		String from = optionsFrom(scope, q, params);
		return jdbc.sql(OPTIONS_SELECT + from + " ORDER BY s.last_name, s.first_name, s.id LIMIT " + Math.max(1, limit))
			.params(params)
			.query(OrgQueries::optionRow)
			.list();
	}

	/** The same choices one page at a time, with the total, for search-as-you-type pickers. */
	public PageResponse<StaffOption> staffOptions(DataScope scope, @Nullable String q, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String from = optionsFrom(scope, q, params);
		long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
		List<StaffOption> rows = jdbc
			.sql(OPTIONS_SELECT + from + " ORDER BY s.last_name, s.first_name, s.id" + query.limit())
			.params(params)
			.query(OrgQueries::optionRow)
			.list();
		return PageResponse.of(rows, query, total);
	}

	private static final String OPTIONS_SELECT = "SELECT s.id, s.first_name, s.last_name, s.unit_id, u.name AS unit_name";

	private static String optionsFrom(DataScope scope, @Nullable String q, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder(" FROM org_staff s JOIN org_unit u ON u.id = s.unit_id")
			.append(" WHERE s.archived = FALSE AND s.status = 'ACTIVE' AND ")
			.append(scope.sql("s.unit_id", "s.id", params));
		if (q != null && !q.isBlank()) {
			sql.append(" AND LOWER(s.first_name || ' ' || s.last_name) LIKE :q ESCAPE '\\'");
			params.put("q", io.rumbo.shared.sql.Like.containing(q));
		}
		return sql.toString();
	}

	private static StaffOption optionRow(ResultSet rs, int n) throws SQLException {
		return new StaffOption(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getLong("unit_id"), rs.getString("unit_name"));
	}

	/** Streams every matching person to {@code sink}, for exports of any size. */
	public void eachStaff(DataScope scope, StaffFilter filter, ListQuery query, Consumer<StaffView> sink) {
		Map<String, Object> params = new HashMap<>();
		String from = staffFrom(filter, params) + staffWhere(scope, filter, params);
		// The unit directory is the org tree (units, not people); the people stream with a fetch size.
		UnitDirectory units = directory(filter.asOf());
		cursor.each(staffSelect() + from + query.orderBy("s.id"), params, (rs, n) -> staffRow(rs, units), sink);
	}

	public @Nullable StaffView staffById(DataScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		StaffFilter any = new StaffFilter(null, null, null, null, true, null);
		String from = staffFrom(any, params) + staffWhere(scope, any, params) + " AND s.id = :id";
		params.put("id", id);
		UnitDirectory units = directory();
		return jdbc.sql(staffSelect() + from).params(params).query((rs, n) -> staffRow(rs, units)).optional().orElse(null);
	}

	private static String staffSelect() {
		return "SELECT s.*, u.id AS at_unit_id, u.code AS unit_code, u.name AS unit_name";
	}

	static String staffFrom(StaffFilter filter, Map<String, Object> params) {
		if (filter.asOf() == null) {
			return " FROM org_staff s JOIN org_unit u ON u.id = s.unit_id";
		}
		params.put("asOf", filter.asOf());
		return " " + """
				FROM org_staff s
				 JOIN org_staff_assignment a ON a.staff_id = s.id AND a.valid_from <= :asOf
				   AND (a.valid_to IS NULL OR a.valid_to > :asOf)
				 JOIN org_unit u ON u.id = a.unit_id""";
	}

	static String staffWhere(DataScope scope, StaffFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		// The person's unit on the date asked (u is their unit then), and their own record.
		where.append(" AND ").append(scope.sql("u.id", "s.id", params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(s.first_name) LIKE :q OR LOWER(s.last_name) LIKE :q"
					+ " OR LOWER(s.first_name || ' ' || s.last_name) LIKE :q"
					+ " OR LOWER(s.employee_number) LIKE :q OR LOWER(s.email) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.unitIds() != null) {
			where.append(" AND u.id IN (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.jobRole() != null) {
			where.append(" AND s.job_role = :role");
			params.put("role", filter.jobRole().name());
		}
		if (filter.status() != null) {
			where.append(" AND s.status = :status");
			params.put("status", filter.status().name());
		}
		if (!filter.includeArchived()) {
			where.append(" AND s.archived = FALSE");
		}
		return where.toString();
	}

	private static StaffView staffRow(ResultSet rs, UnitDirectory units) throws SQLException {
		long id = rs.getLong("id");
		long unitId = rs.getLong("at_unit_id");
		UnitDirectory.Entry manager = units.managerOf(id, unitId);
		return new StaffView(id, rs.getLong("version"), rs.getString("employee_number"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
				rs.getObject("hire_date", LocalDate.class), unitId, rs.getString("unit_code"), rs.getString("unit_name"),
				manager == null ? null : manager.managerStaffId(), manager == null ? null : manager.managerName(),
				JobRole.valueOf(rs.getString("job_role")), StaffStatus.valueOf(rs.getString("status")),
				rs.getInt("qualification_level"), (Long) rs.getObject("user_id", Long.class), rs.getBoolean("archived"));
	}

	// ---- units

	public PageResponse<OrgUnitView> units(DataScope scope, UnitFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String from = unitFrom(filter, params) + unitWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
		List<OrgUnitView> rows = unitRows(from + query.orderBy("u.id") + query.limit(), params, filter.asOf());
		return PageResponse.of(rows, query, total);
	}

	/** Every planned position the scope sees, streamed with a fetch size. */
	public void eachPosition(DataScope scope, Consumer<PositionView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = "u.archived = FALSE AND "
				+ scope.sql(new DataScope.Columns(List.of("p.unit_id"), List.of(), List.of("p.unit_id")), params);
		cursor.each(POSITIONS + " WHERE " + where + " ORDER BY u.name, p.job_role", params, OrgQueries::positionRow,
				sink);
	}

	public @Nullable OrgUnitView unitById(DataScope scope, long id, @Nullable LocalDate asOf) {
		Map<String, Object> params = new HashMap<>();
		UnitFilter any = new UnitFilter(null, null, null, true, asOf);
		String from = unitFrom(any, params) + unitWhere(scope, any, params) + " AND u.id = :id";
		params.put("id", id);
		List<OrgUnitView> rows = unitRows(from, params, asOf);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private List<OrgUnitView> unitRows(String fromWhereOrder, Map<String, Object> params, @Nullable LocalDate asOf) {
		UnitDirectory units = directory(asOf);
		Map<Long, Long> headcounts = headcounts(asOf);
		return jdbc.sql(unitSelect(asOf) + fromWhereOrder)
			.params(params)
			.query((rs, n) -> unitRow(rs, units, headcounts))
			.list();
	}

	private static String unitSelect(@Nullable LocalDate asOf) {
		return "SELECT u.*, " + (asOf == null ? "u.parent_id" : "p.parent_id") + " AS at_parent_id";
	}

	private static OrgUnitView unitRow(ResultSet rs, UnitDirectory units, Map<Long, Long> headcounts)
			throws SQLException {
		long id = rs.getLong("id");
		Long parentId = (Long) rs.getObject("at_parent_id", Long.class);
		UnitDirectory.Entry parent = parentId == null ? null : units.get(parentId);
		UnitDirectory.Entry self = units.get(id);
		Long managerId = self == null ? null : self.managerStaffId();
		return new OrgUnitView(id, rs.getLong("version"), rs.getString("code"), rs.getString("name"),
				OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("location"), parentId,
				parent == null ? null : parent.name(), managerId, self == null ? null : self.managerName(),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getBoolean("archived"), headcounts.getOrDefault(id, 0L));
	}

	static String unitFrom(UnitFilter filter, Map<String, Object> params) {
		if (filter.asOf() == null) {
			return " FROM org_unit u";
		}
		params.put("asOf", filter.asOf());
		return " " + """
				FROM org_unit u
				 JOIN org_unit_placement p ON p.unit_id = u.id AND p.valid_from <= :asOf
				   AND (p.valid_to IS NULL OR p.valid_to > :asOf)""";
	}

	static String unitWhere(DataScope scope, UnitFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		// The units of the managed subtree, and everyone's own unit.
		where.append(" AND ").append(scope.sql(UNIT_SCOPE, params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(u.code) LIKE :q OR LOWER(u.name) LIKE :q OR LOWER(u.location) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.kind() != null) {
			where.append(" AND u.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.unitIds() != null) {
			where.append(" AND u.id IN (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (!filter.includeArchived() && filter.asOf() == null) {
			where.append(" AND u.archived = FALSE");
		}
		return where.toString();
	}

	/** People per unit (directly in it), now or on a past date; people who left are not counted. */
	public Map<Long, Long> headcounts(@Nullable LocalDate asOf) {
		Map<Long, Long> counts = new HashMap<>();
		String sql = asOf == null
				? "SELECT unit_id, COUNT(*) FROM org_staff WHERE archived = FALSE AND status <> 'LEFT' GROUP BY unit_id"
				: """
						SELECT a.unit_id, COUNT(*) FROM org_staff_assignment a
						WHERE a.valid_from <= :asOf AND (a.valid_to IS NULL OR a.valid_to > :asOf) GROUP BY a.unit_id""";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (asOf != null) {
			statement = statement.param("asOf", asOf);
		}
		statement.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	// ---- positions

	public List<PositionView> positions(Set<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return positions("p.unit_id IN (:units)", Map.of("units", unitIds));
	}

	/** Every planned position of the active units the scope sees (the managed subtree and the reader's own unit). */
	public List<PositionView> positions(DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		String where = "u.archived = FALSE AND "
				+ scope.sql(new DataScope.Columns(List.of("p.unit_id"), List.of(), List.of("p.unit_id")), params);
		return positions(where, params);
	}

	private static final String POSITIONS = """
			SELECT p.id, p.version, p.unit_id, u.name, p.job_role, p.planned_headcount,
			       (SELECT COUNT(*) FROM org_staff s WHERE s.unit_id = p.unit_id AND s.job_role = p.job_role
			          AND s.archived = FALSE AND s.status <> 'LEFT') AS filled
			FROM org_position p JOIN org_unit u ON u.id = p.unit_id
			""";

	private List<PositionView> positions(String where, Map<String, ?> params) {
		return jdbc.sql(POSITIONS + " WHERE " + where + " ORDER BY u.name, p.job_role")
			.params(params)
			.query(OrgQueries::positionRow)
			.list();
	}

	private static PositionView positionRow(ResultSet rs, int n) throws SQLException {
		return new PositionView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
				JobRole.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7));
	}
}
