package io.rumbo.incentives.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.organization.DataScope;

/**
 * Who is on which plan (by plan code) and when. Derived rows are rewritten as a whole (one delete, one batch insert)
 * each time a plan's population is derived; an override row per person wins over the derived one. Reads take the
 * reader's data scope as SQL.
 */
@Repository
public class AssignmentStore {

	/** An assignment as stored. */
	public record Row(long id, String planCode, long staffId, long unitId, LocalDate from, @Nullable LocalDate to,
			String origin, boolean excluded, long version) {
	}

	/** A derived stay on a plan: first and last day (absent: still on it) and the unit on the first day. */
	public record Derived(long staffId, long unitId, LocalDate from, @Nullable LocalDate to) {
	}

	private static final String COLUMNS = "id, plan_code, staff_id, unit_id, valid_from, valid_to, origin, excluded, "
			+ "version";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	AssignmentStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Replaces the derived rows of a plan code. */
	public void replaceDerived(String planCode, Collection<Derived> rows) {
		jdbc.sql("DELETE FROM incentives_assignment WHERE plan_code = :code AND origin = 'DERIVED'")
			.param("code", planCode)
			.update();
		MapSqlParameterSource[] params = rows.stream()
			.map(r -> new MapSqlParameterSource().addValue("code", planCode)
				.addValue("staff", r.staffId())
				.addValue("unit", r.unitId())
				.addValue("from", r.from())
				.addValue("to", r.to()))
			.toArray(MapSqlParameterSource[]::new);
		batch.batchUpdate("""
				INSERT INTO incentives_assignment (plan_code, staff_id, unit_id, valid_from, valid_to, origin, excluded,
				                                   version)
				VALUES (:code, :staff, :unit, :from, :to, 'DERIVED', FALSE, 0)""", params);
	}

	/** The rows of a plan code that the scope sees, overrides first then by person; both origins. */
	public List<Row> ofPlan(String planCode, DataScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("code", planCode);
		String where = scope.sql("unit_id", "staff_id", params);
		return jdbc.sql("SELECT " + COLUMNS + " FROM incentives_assignment WHERE plan_code = :code AND " + where
				+ " ORDER BY staff_id, origin DESC")
			.params(params)
			.query(AssignmentStore::row)
			.list();
	}

	/**
	 * The effective assignments of a plan code: per person the override when there is one, else the derived row;
	 * excluded people left out. What the calculation runs on.
	 */
	public List<Row> effective(String planCode, DataScope scope) {
		Map<Long, Row> byPerson = new HashMap<>();
		for (Row row : ofPlan(planCode, scope)) {
			Row present = byPerson.get(row.staffId());
			if (present == null || row.origin().equals("OVERRIDE")) {
				byPerson.put(row.staffId(), row);
			}
		}
		List<Row> result = new ArrayList<>();
		byPerson.values()
			.stream()
			.filter(r -> !r.excluded())
			.sorted(java.util.Comparator.comparingLong(Row::staffId))
			.forEach(result::add);
		return result;
	}

	/** Whether any effective row of the plan code is in the scope (what lets a manager or a rep read a plan). */
	public boolean anyInScope(String planCode, DataScope scope) {
		return !effective(planCode, scope).isEmpty();
	}

	public Optional<Row> override(String planCode, long staffId) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM incentives_assignment WHERE plan_code = :code AND staff_id = :staff AND origin = 'OVERRIDE'")
			.param("code", planCode)
			.param("staff", staffId)
			.query(AssignmentStore::row)
			.optional();
	}

	public void insertOverride(String planCode, long staffId, long unitId, LocalDate from, @Nullable LocalDate to,
			boolean excluded) {
		jdbc.sql("""
				INSERT INTO incentives_assignment (plan_code, staff_id, unit_id, valid_from, valid_to, origin, excluded,
				                                   version)
				VALUES (:code, :staff, :unit, :from, :to, 'OVERRIDE', :excluded, 0)""")
			.param("code", planCode)
			.param("staff", staffId)
			.param("unit", unitId)
			.param("from", from)
			.param("to", to)
			.param("excluded", excluded)
			.update();
	}

	/** Rewrites an override if it is still at {@code expected}; false when another edit came first. */
	public boolean updateOverride(long id, long expected, LocalDate from, @Nullable LocalDate to, boolean excluded) {
		return jdbc.sql("""
				UPDATE incentives_assignment SET valid_from = :from, valid_to = :to, excluded = :excluded,
				       version = version + 1
				WHERE id = :id AND version = :expected AND origin = 'OVERRIDE'""")
			.param("from", from)
			.param("to", to)
			.param("excluded", excluded)
			.param("id", id)
			.param("expected", expected)
			.update() == 1;
	}

	/** How many people are effectively on each plan code (for the list). */
	public Map<String, Long> counts(Collection<String> codes) {
		Map<String, Long> counts = new HashMap<>();
		if (codes.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT a.plan_code, COUNT(*) FROM incentives_assignment a
				WHERE a.plan_code IN (:codes) AND a.excluded = FALSE
				  AND (a.origin = 'OVERRIDE' OR NOT EXISTS (SELECT 1 FROM incentives_assignment o
				       WHERE o.plan_code = a.plan_code AND o.staff_id = a.staff_id AND o.origin = 'OVERRIDE'))
				GROUP BY a.plan_code""")
			.param("codes", codes)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBoolean(8),
				rs.getLong(9));
	}
}
