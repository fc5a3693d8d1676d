package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.RecognitionViews.BadgeView;

/**
 * Milestone badges. Written in one batch per check: each row is inserted only when the person has no badge of that
 * measure, period and threshold yet, so checking again changes nothing.
 */
@Repository
public class BadgeStore {

	/** A badge as a check finds it. */
	public record Found(long staffId, long unitId, String metric, String period, AwardPeriodKind periodKind,
			LocalDate periodStart, LocalDate periodEnd, int threshold, BigDecimal attainment, LocalDate earnedOn) {

		public String key() {
			return staffId + "|" + metric + "|" + period + "|" + threshold;
		}
	}

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	BadgeStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Inserts the badges not yet recorded and answers those it inserted. */
	public List<Found> insertMissing(List<Found> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource[] rows = found.stream().map(f -> new MapSqlParameterSource()
			.addValue("staff", f.staffId()).addValue("unit", f.unitId()).addValue("metric", f.metric())
			.addValue("period", f.period()).addValue("kind", f.periodKind().name()).addValue("start", f.periodStart())
			.addValue("end", f.periodEnd()).addValue("threshold", f.threshold()).addValue("attainment", f.attainment())
			.addValue("earned", f.earnedOn())).toArray(MapSqlParameterSource[]::new);
		int[] counts = batch.batchUpdate("""
				INSERT INTO recognition_badge (staff_id, unit_id, metric, period_code, period_kind, period_start,
				  period_end, threshold, attainment, earned_on)
				SELECT :staff, :unit, :metric, :period, :kind, :start, :end, :threshold, :attainment, :earned
				WHERE NOT EXISTS (SELECT 1 FROM recognition_badge b WHERE b.staff_id = :staff AND b.metric = :metric
				  AND b.period_code = :period AND b.threshold = :threshold)""", rows);
		List<Found> inserted = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] != 0) {
				inserted.add(found.get(i));
			}
		}
		return inserted;
	}

	/** Every badge of these periods, keyed as {@link Found#key()}. */
	public List<Found> ofPeriods(Collection<String> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT staff_id, unit_id, metric, period_code, period_kind, period_start, period_end, threshold,
				  attainment, earned_on FROM recognition_badge WHERE period_code IN (:periods)""")
			.param("periods", List.copyOf(periods))
			.query((rs, i) -> new Found(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					AwardPeriodKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getBigDecimal(9), rs.getObject(10, LocalDate.class)))
			.list();
	}

	/** Deletes the badges of these periods that a rebuild no longer finds; answers how many. */
	public int deleteAllBut(Collection<String> periods, Collection<String> keep) {
		if (periods.isEmpty()) {
			return 0;
		}
		List<Found> existing = ofPeriods(periods);
		MapSqlParameterSource[] gone = existing.stream().filter(f -> !keep.contains(f.key()))
			.map(f -> new MapSqlParameterSource().addValue("staff", f.staffId()).addValue("metric", f.metric())
				.addValue("period", f.period()).addValue("threshold", f.threshold()))
			.toArray(MapSqlParameterSource[]::new);
		if (gone.length == 0) {
			return 0;
		}
		batch.batchUpdate("""
				DELETE FROM recognition_badge WHERE staff_id = :staff AND metric = :metric AND period_code = :period
				  AND threshold = :threshold""", gone);
		return gone.length;
	}

	public long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*) FROM recognition_badge b" + where).params(params).query(Long.class).single();
	}

	public List<BadgeView> select(String whereOrderLimit, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT b.id, b.staff_id, b.unit_id, b.metric, b.period_code, b.period_kind, b.period_start, b.period_end,
				  b.threshold, b.attainment, b.earned_on FROM recognition_badge b""" + whereOrderLimit)
			.params(params)
			.query((rs, i) -> new BadgeView(rs.getLong(1), rs.getLong(2), "", rs.getLong(3), null, rs.getString(4),
					rs.getString(5), AwardPeriodKind.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class), rs.getInt(9), rs.getBigDecimal(10),
					rs.getObject(11, LocalDate.class)))
			.list();
	}
}
