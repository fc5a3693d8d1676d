package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.evaluation.CalibrationViews.Adjustment;
import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.domain.Scorecard.ScoreAdjustment;

/**
 * The set-based reads of calibration and history, each one statement over every scorecard in the reader's scope
 * ({@code scope}: the data scope's SQL condition on {@code s}, with its parameters), and the adjustments' writes.
 * Only frozen cycles (in review or later) have scores to compare.
 */
@Repository
public class CalibrationStore {

	/** A scorecard with its score, in a cycle. */
	public record ScoreRow(long scorecardId, long staffId, long unitId, BigDecimal score) {
	}

	/** A scorecard's points and weights of its results and effort criteria. */
	public record FocusRow(long scorecardId, long staffId, long unitId, BigDecimal resultsPoints,
			BigDecimal resultsWeight, BigDecimal effortPoints, BigDecimal effortWeight) {
	}

	/** A scored cycle of a person or a team. */
	public record CycleRow(long cycleId, String name, String period, LocalDate from, CycleState state,
			long scorecardId, int count, BigDecimal mean, BigDecimal min, BigDecimal max) {
	}

	/** The points of one criterion of a person's scorecard in a cycle. */
	public record CriterionRow(long cycleId, int position, String name, Focus focus, @Nullable BigDecimal points) {
	}

	private static final String FROZEN = " c.state <> 'OPEN' AND s.score IS NOT NULL";

	private final JdbcClient jdbc;

	CalibrationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(ScoreAdjustment a) {
		jdbc.sql("""
				INSERT INTO evaluation_score_adjustment (scorecard_id, score_before, score_after, reason, adjusted_by,
				  adjusted_at) VALUES (:card, :before, :after, :reason, :by, :at)""")
			.param("card", a.scorecardId()).param("before", a.before()).param("after", a.after())
			.param("reason", a.reason()).param("by", a.by()).param("at", OffsetDateTime.ofInstant(a.at(), ZoneOffset.UTC))
			.update();
	}

	/** The adjustments of these scorecards, oldest first, by scorecard. */
	public Map<Long, List<Adjustment>> adjustments(Collection<Long> scorecards) {
		Map<Long, List<Adjustment>> found = new HashMap<>();
		if (scorecards.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT id, scorecard_id, score_before, score_after, reason, adjusted_by, adjusted_at
				FROM evaluation_score_adjustment WHERE scorecard_id IN (:ids) ORDER BY adjusted_at, id""")
			.param("ids", scorecards)
			.query(rs -> {
				found.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Adjustment(rs.getLong(1),
						rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6),
						rs.getObject(7, OffsetDateTime.class).toInstant()));
			});
		return found;
	}

	/** The scores of a cycle in scope, best first. */
	public List<ScoreRow> ranking(long cycle, String scope, Map<String, Object> params) {
		params.put("cycle", cycle);
		return jdbc.sql("SELECT s.id, s.staff_id, s.unit_id, s.score FROM evaluation_scorecard s JOIN evaluation_cycle c "
				+ "ON c.id = s.cycle_id WHERE s.cycle_id = :cycle AND" + FROZEN + " AND " + scope
				+ " ORDER BY s.score DESC, s.id")
			.params(params)
			.query((rs, n) -> new ScoreRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
	}

	/** Per scorecard of a cycle in scope: the kept points and the weights of its results and effort criteria. */
	public List<FocusRow> focus(long cycle, String scope, Map<String, Object> params) {
		params.put("cycle", cycle);
		return jdbc.sql("""
				SELECT s.id, s.staff_id, s.unit_id,
				  SUM(CASE WHEN k.focus = 'RESULTS' THEN COALESCE(l.points, 0) ELSE 0 END),
				  SUM(CASE WHEN k.focus = 'RESULTS' THEN k.weight ELSE 0 END),
				  SUM(CASE WHEN k.focus = 'EFFORT' THEN COALESCE(l.points, 0) ELSE 0 END),
				  SUM(CASE WHEN k.focus = 'EFFORT' THEN k.weight ELSE 0 END)
				FROM evaluation_scorecard s
				JOIN evaluation_cycle c ON c.id = s.cycle_id
				JOIN evaluation_criterion k ON k.template_id = c.template_id
				LEFT JOIN evaluation_scorecard_line l ON l.scorecard_id = s.id AND l.position = k.position
				WHERE s.cycle_id = :cycle AND""" + FROZEN + " AND " + scope + " GROUP BY s.id, s.staff_id, s.unit_id "
				+ "ORDER BY s.id")
			.params(params)
			.query((rs, n) -> new FocusRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
			.list();
	}

	/** A person's scored cycles in scope, oldest first (count, mean, min and max are their own score). */
	public List<CycleRow> personCycles(long staff, String scope, Map<String, Object> params) {
		params.put("staff", staff);
		return jdbc.sql("SELECT c.id, c.name, c.period_code, c.starts_on, c.state, s.id, 1, s.score, s.score, s.score "
				+ "FROM evaluation_scorecard s JOIN evaluation_cycle c ON c.id = s.cycle_id WHERE s.staff_id = :staff AND"
				+ FROZEN + " AND " + scope + " ORDER BY c.starts_on, c.id")
			.params(params)
			.query(CalibrationStore::cycleRow)
			.list();
	}

	/** The points of every criterion of a person's scored cycles in scope, by cycle and position. */
	public List<CriterionRow> personCriteria(long staff, String scope, Map<String, Object> params) {
		params.put("staff", staff);
		return jdbc.sql("""
				SELECT c.id, k.position, k.name, k.focus, l.points
				FROM evaluation_scorecard s
				JOIN evaluation_cycle c ON c.id = s.cycle_id
				JOIN evaluation_criterion k ON k.template_id = c.template_id
				LEFT JOIN evaluation_scorecard_line l ON l.scorecard_id = s.id AND l.position = k.position
				WHERE s.staff_id = :staff AND""" + FROZEN + " AND " + scope + " ORDER BY c.starts_on, c.id, k.position")
			.params(params)
			.query((rs, n) -> new CriterionRow(rs.getLong(1), rs.getInt(2), rs.getString(3),
					Focus.valueOf(rs.getString(4)), rs.getBigDecimal(5)))
			.list();
	}

	/** The scored cycles of the scorecards of these units in scope, oldest first: count, mean, lowest, highest. */
	public List<CycleRow> teamCycles(Collection<Long> units, String scope, Map<String, Object> params) {
		params.put("units", units);
		return jdbc.sql("SELECT c.id, c.name, c.period_code, c.starts_on, c.state, 0, COUNT(*), AVG(s.score), "
				+ "MIN(s.score), MAX(s.score) FROM evaluation_scorecard s JOIN evaluation_cycle c ON c.id = s.cycle_id "
				+ "WHERE s.unit_id IN (:units) AND" + FROZEN + " AND " + scope
				+ " GROUP BY c.id, c.name, c.period_code, c.starts_on, c.state ORDER BY c.starts_on, c.id")
			.params(params)
			.query(CalibrationStore::cycleRow)
			.list();
	}

	private static CycleRow cycleRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CycleRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				CycleState.valueOf(rs.getString(5)), rs.getLong(6), rs.getInt(7), rs.getBigDecimal(8),
				rs.getBigDecimal(9), rs.getBigDecimal(10));
	}
}
