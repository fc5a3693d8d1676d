package io.rumbo.planning.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.planning.TargetFigures;

/** The cells of plan versions, read and written set-based (a version holds a few thousand cells). */
@Component
public class TargetStore {

	public record Key(long unitId, long lineId, int month) {
	}

	public record Cell(long unitId, long lineId, int month, BigDecimal revenue, BigDecimal units, BigDecimal margin) {

		public Cell(Key key, TargetFigures figures) {
			this(key.unitId(), key.lineId(), key.month(), figures.revenue(), figures.units(), figures.margin());
		}

		public Key key() {
			return new Key(unitId, lineId, month);
		}

		public TargetFigures figures() {
			return new TargetFigures(revenue, units, margin);
		}
	}

	/** Where a new-customers goal sits: they are planned per unit and fiscal month, not per product line. */
	public record GoalKey(long unitId, int month) {
	}

	public record Goal(long unitId, int month, int newCustomers) {

		public GoalKey key() {
			return new GoalKey(unitId, month);
		}
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	TargetStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Map<Key, Cell> cells(long versionId) {
		Map<Key, Cell> cells = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_id, line_id, fiscal_month, revenue, units, margin FROM planning_target WHERE version_id = :v")
			.param("v", versionId)
			.query(rs -> {
				Cell cell = new Cell(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getBigDecimal(6));
				cells.put(cell.key(), cell);
			});
		return cells;
	}

	public List<Goal> goals(long versionId) {
		return jdbc.sql("SELECT unit_id, fiscal_month, new_customers FROM planning_unit_goal WHERE version_id = :v")
			.param("v", versionId)
			.query((rs, n) -> new Goal(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** Writes the given cells over whatever the version held for them. */
	public void save(long versionId, Collection<Cell> cells) {
		if (cells.isEmpty()) {
			return;
		}
		List<Object[]> keys = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (Cell c : cells) {
			keys.add(new Object[] { versionId, c.unitId(), c.lineId(), c.month() });
			rows.add(new Object[] { versionId, c.unitId(), c.lineId(), c.month(), c.revenue(), c.units(), c.margin() });
		}
		batch.batchUpdate("DELETE FROM planning_target WHERE version_id = ? AND unit_id = ? AND line_id = ? AND fiscal_month = ?",
				keys);
		batch.batchUpdate("""
				INSERT INTO planning_target (version_id, unit_id, line_id, fiscal_month, revenue, units, margin)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	public void saveGoals(long versionId, Collection<Goal> goals) {
		if (goals.isEmpty()) {
			return;
		}
		List<Object[]> keys = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (Goal g : goals) {
			keys.add(new Object[] { versionId, g.unitId(), g.month() });
			rows.add(new Object[] { versionId, g.unitId(), g.month(), g.newCustomers() });
		}
		batch.batchUpdate("DELETE FROM planning_unit_goal WHERE version_id = ? AND unit_id = ? AND fiscal_month = ?", keys);
		batch.batchUpdate("INSERT INTO planning_unit_goal (version_id, unit_id, fiscal_month, new_customers) VALUES (?, ?, ?, ?)",
				rows);
	}

	/** A new version starts as a copy of the one it is based on, in two statements. */
	public void copy(long fromVersionId, long toVersionId) {
		jdbc.sql("""
				INSERT INTO planning_target (version_id, unit_id, line_id, fiscal_month, revenue, units, margin)
				SELECT :to, unit_id, line_id, fiscal_month, revenue, units, margin FROM planning_target WHERE version_id = :from""")
			.param("to", toVersionId)
			.param("from", fromVersionId)
			.update();
		jdbc.sql("""
				INSERT INTO planning_unit_goal (version_id, unit_id, fiscal_month, new_customers)
				SELECT :to, unit_id, fiscal_month, new_customers FROM planning_unit_goal WHERE version_id = :from""")
			.param("to", toVersionId)
			.param("from", fromVersionId)
			.update();
	}
}
