package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.organization.JobRole;

/**
 * Cycles, their scorecards and the scorecards' frozen lines. Scorecards and lines of a whole cycle are written with
 * batched statements; saves carry the version read and fail as an optimistic lock when another came first.
 */
@Repository
public class CycleStore {

	/** A frozen line: the figures kept at the freeze and, for a qualitative criterion, the rating. */
	public record KeptLine(int position, @Nullable BigDecimal actual, @Nullable BigDecimal target,
			@Nullable BigDecimal attainment, @Nullable BigDecimal credit, @Nullable Integer rating,
			@Nullable BigDecimal points) {
	}

	private static final String CYCLE_COLUMNS = "id, template_id, name, cadence, period_code, starts_on, ends_on, "
			+ "population_role, population_unit_id, state, acknowledge_by, frozen_at, closed_by, closed_at, created_by, "
			+ "created_at, version";

	private static final String CARD_COLUMNS = "id, cycle_id, staff_id, unit_id, state, score, outcome, strengths, "
			+ "improvements, feedback, reviewed_by, reviewed_at, acknowledged_at, answer, version";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	CycleStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<EvaluationCycle> cycle(long id) {
		return cycles(" WHERE id = :id", Map.of("id", id)).stream().findFirst();
	}

	public List<EvaluationCycle> cycles(String whereAndOrder, Map<String, ?> params) {
		return jdbc.sql("SELECT " + CYCLE_COLUMNS + " FROM evaluation_cycle c" + whereAndOrder).params(params)
			.query((rs, n) -> new EvaluationCycle(rs.getLong(1), rs.getLong(2), rs.getString(3),
					Cadence.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class), rs.getString(8) == null ? null : JobRole.valueOf(rs.getString(8)),
					rs.getObject(9, Long.class), CycleState.valueOf(rs.getString(10)), rs.getObject(11, LocalDate.class),
					instant(rs.getObject(12, OffsetDateTime.class)), rs.getString(13),
					instant(rs.getObject(14, OffsetDateTime.class)), rs.getString(15),
					java.util.Objects.requireNonNull(instant(rs.getObject(16, OffsetDateTime.class))), rs.getLong(17)))
			.list();
	}

	public long insert(EvaluationCycle c) {
		jdbc.sql("""
				INSERT INTO evaluation_cycle (template_id, name, cadence, period_code, starts_on, ends_on,
				  population_role, population_unit_id, state, created_by, created_at, version)
				VALUES (:template, :name, :cadence, :period, :startsOn, :endsOn, :role, :unit, :state, :by, :at, 0)""")
			.param("template", c.templateId()).param("name", c.name()).param("cadence", c.cadence().name())
			.param("period", c.periodCode()).param("startsOn", c.startsOn()).param("endsOn", c.endsOn())
			.param("role", c.populationRole() == null ? null : c.populationRole().name())
			.param("unit", c.populationUnitId()).param("state", c.state().name()).param("by", c.createdBy())
			.param("at", OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC))
			.update();
		return jdbc.sql("SELECT MAX(id) FROM evaluation_cycle WHERE template_id = :t AND period_code = :p")
			.param("t", c.templateId()).param("p", c.periodCode()).query(Long.class).single();
	}

	public void update(EvaluationCycle c) {
		int changed = jdbc.sql("""
				UPDATE evaluation_cycle SET state = :state, acknowledge_by = :deadline, frozen_at = :frozenAt,
				  closed_by = :closedBy, closed_at = :closedAt, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("state", c.state().name()).param("deadline", c.acknowledgeBy())
			.param("frozenAt", offset(c.frozenAt())).param("closedBy", c.closedBy())
			.param("closedAt", offset(c.closedAt())).param("id", c.id()).param("version", c.version())
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("evaluation_cycle " + c.id());
		}
	}

	/** One scorecard per member, live, in the unit given. */
	public void insertScorecards(long cycleId, Map<Long, Long> unitByStaff) {
		List<Object[]> rows = new ArrayList<>();
		unitByStaff.forEach((staff, unit) -> rows.add(new Object[] { cycleId, staff, unit }));
		batch.batchUpdate("""
				INSERT INTO evaluation_scorecard (cycle_id, staff_id, unit_id, state, version)
				VALUES (?, ?, ?, 'LIVE', 0)""", rows);
	}

	public Optional<Scorecard> scorecard(long id) {
		return scorecards(" WHERE id = :id", Map.of("id", id)).stream().findFirst();
	}

	public List<Scorecard> scorecards(String whereAndOrder, Map<String, ?> params) {
		return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM evaluation_scorecard s" + whereAndOrder).params(params)
			.query((rs, n) -> new Scorecard(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					ScorecardState.valueOf(rs.getString(5)), rs.getBigDecimal(6),
					rs.getString(7) == null ? null : Outcome.valueOf(rs.getString(7)), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), instant(rs.getObject(12, OffsetDateTime.class)),
					instant(rs.getObject(13, OffsetDateTime.class)), rs.getString(14), rs.getLong(15)))
			.list();
	}

	public void update(Scorecard s) {
		int changed = jdbc.sql("""
				UPDATE evaluation_scorecard SET state = :state, score = :score, outcome = :outcome,
				  strengths = :strengths, improvements = :improvements, feedback = :feedback,
				  reviewed_by = :reviewedBy, reviewed_at = :reviewedAt, acknowledged_at = :acknowledgedAt,
				  answer = :answer, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("state", s.state().name()).param("score", s.score())
			.param("outcome", s.outcome() == null ? null : s.outcome().name()).param("strengths", s.strengths())
			.param("improvements", s.improvements()).param("feedback", s.feedback())
			.param("reviewedBy", s.reviewedBy()).param("reviewedAt", offset(s.reviewedAt()))
			.param("acknowledgedAt", offset(s.acknowledgedAt())).param("answer", s.answer())
			.param("id", s.id()).param("version", s.version())
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("evaluation_scorecard " + s.id());
		}
	}

	/** Keeps every scorecard's lines of the day and its score so far; the scorecards go to review. */
	public void freeze(Map<Long, List<Line>> linesByScorecard) {
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> scores = new ArrayList<>();
		linesByScorecard.forEach((card, cardLines) -> {
			for (Line l : cardLines) {
				lines.add(new Object[] { card, l.position(), l.actual(), l.target(), l.attainment(), l.credit(),
						l.points() });
			}
			scores.add(new Object[] { ScoreSheet.score(cardLines), card });
		});
		batch.batchUpdate("""
				INSERT INTO evaluation_scorecard_line (scorecard_id, position, actual, target, attainment, credit, points)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", lines);
		batch.batchUpdate("""
				UPDATE evaluation_scorecard SET state = 'TO_REVIEW', score = ?, version = version + 1 WHERE id = ?""",
				scores);
	}

	/** The kept lines of these scorecards, by scorecard and position. */
	public Map<Long, Map<Integer, KeptLine>> lines(Collection<Long> scorecards) {
		Map<Long, Map<Integer, KeptLine>> lines = new HashMap<>();
		if (scorecards.isEmpty()) {
			return lines;
		}
		jdbc.sql("""
				SELECT scorecard_id, position, actual, target, attainment, credit, rating, points
				FROM evaluation_scorecard_line WHERE scorecard_id IN (:ids)""")
			.param("ids", scorecards)
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2),
						new KeptLine(rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
								rs.getBigDecimal(6), rs.getObject(7, Integer.class), rs.getBigDecimal(8)));
			});
		return lines;
	}

	/** Writes the manager's ratings (qualitative lines: rating, credit, points). */
	public void rate(long scorecard, List<Line> rated) {
		List<Object[]> rows = new ArrayList<>();
		for (Line l : rated) {
			rows.add(new Object[] { l.rating(), l.credit(), l.points(), scorecard, l.position() });
		}
		batch.batchUpdate("""
				UPDATE evaluation_scorecard_line SET rating = ?, credit = ?, points = ?
				WHERE scorecard_id = ? AND position = ?""", rows);
	}

	/** How many scorecards a cycle has, how many are reviewed (or further) and how many acknowledged. */
	public Map<Long, int[]> counts(Collection<Long> cycles) {
		Map<Long, int[]> counts = new HashMap<>();
		if (cycles.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT cycle_id, COUNT(*),
				  SUM(CASE WHEN state IN ('REVIEWED', 'ACKNOWLEDGED', 'NOT_ACKNOWLEDGED') THEN 1 ELSE 0 END),
				  SUM(CASE WHEN state = 'ACKNOWLEDGED' THEN 1 ELSE 0 END)
				FROM evaluation_scorecard WHERE cycle_id IN (:ids) GROUP BY cycle_id""")
			.param("ids", cycles)
			.query(rs -> {
				counts.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4) });
			});
		return counts;
	}

	/**
	 * Records as not acknowledged every reviewed scorecard of a closed cycle whose deadline is before {@code today},
	 * in one statement, and answers them (id, cycle, staff) as they were selected.
	 */
	public List<long[]> missAcknowledgements(LocalDate today) {
		String overdue = """
				 FROM evaluation_scorecard WHERE state = 'REVIEWED' AND cycle_id IN (
				  SELECT id FROM evaluation_cycle WHERE state = 'CLOSED' AND acknowledge_by < :today)""";
		List<long[]> missed = jdbc.sql("SELECT id, cycle_id, staff_id " + overdue).param("today", today)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
		if (!missed.isEmpty()) {
			jdbc.sql("UPDATE evaluation_scorecard SET state = 'NOT_ACKNOWLEDGED', version = version + 1 WHERE id IN (:ids)")
				.param("ids", missed.stream().map(m -> m[0]).toList()).update();
		}
		return missed;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private static @Nullable OffsetDateTime offset(@Nullable Instant value) {
		return value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
	}
}
