package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.metrics.Metric;

/**
 * The figures an import fixed for a person, a measure and a fiscal month of a quota version
 * ({@code quotas_person_figure}): allocation keeps them, and they are dropped where the level or the person's unit
 * they were set for changes.
 */
@Repository
public class QuotaFigureStore {

	/** A person's figure of one measure in one fiscal month, fixed by an import. */
	public record Figure(long staffId, Metric metric, int month, BigDecimal amount) {

		public FigureKey key() {
			return new FigureKey(staffId, metric, month);
		}
	}

	/** What a figure is fixed for: a person, a measure, a fiscal month. */
	public record FigureKey(long staffId, Metric metric, int month) {
	}

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	QuotaFigureStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Map<FigureKey, BigDecimal> figures(long versionId) {
		Map<FigureKey, BigDecimal> figures = new HashMap<>();
		jdbc.sql("SELECT staff_id, metric, fiscal_month, amount FROM quotas_person_figure WHERE version_id = :v")
			.param("v", versionId)
			.query(rs -> {
				figures.put(new FigureKey(rs.getLong(1), Metric.valueOf(rs.getString(2)), rs.getInt(3)),
						rs.getBigDecimal(4));
			});
		return figures;
	}

	/** Fixes these figures, replacing any fixed before for the same person, measure and month. */
	public void saveFigures(long versionId, Collection<Figure> figures) {
		MapSqlParameterSource[] rows = figures.stream().map(f -> new MapSqlParameterSource()
			.addValue("v", versionId)
			.addValue("s", f.staffId())
			.addValue("m", f.metric().name())
			.addValue("month", f.month())
			.addValue("amount", f.amount())).toArray(MapSqlParameterSource[]::new);
		batch.batchUpdate("""
				DELETE FROM quotas_person_figure
				WHERE version_id = :v AND staff_id = :s AND metric = :m AND fiscal_month = :month""", rows);
		batch.batchUpdate("""
				INSERT INTO quotas_person_figure (version_id, staff_id, metric, fiscal_month, amount)
				VALUES (:v, :s, :m, :month, :amount)""", rows);
	}

	/**
	 * Drops the figures fixed for the members of a unit's level in the months they count in it: allocating the level
	 * again splits it among them as the level says.
	 */
	public int clearFigures(long versionId, long unitId, Metric metric) {
		return jdbc.sql("""
				DELETE FROM quotas_person_figure
				WHERE version_id = :v AND metric = :m AND EXISTS (
				    SELECT 1 FROM quotas_person_month p
				    WHERE p.version_id = quotas_person_figure.version_id AND p.staff_id = quotas_person_figure.staff_id
				      AND p.metric = quotas_person_figure.metric AND p.fiscal_month = quotas_person_figure.fiscal_month
				      AND p.unit_id = :u)""")
			.param("v", versionId)
			.param("m", metric.name())
			.param("u", unitId)
			.update();
	}

	/**
	 * Drops the figures fixed for these people in the months whose unit differs between {@code counted} (where the
	 * version had them) and {@code now} (where they are seated anew): a figure set for one unit's territory does not
	 * follow the person into another.
	 */
	public void clearFigures(long versionId, Collection<Long> staffIds, Map<Long, Long[]> counted,
			Map<Long, Presence.Months> now) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (long staff : staffIds) {
			Long[] before = counted.getOrDefault(staff, new Long[12]);
			Presence.Months today = now.get(staff);
			for (int m = 0; m < 12; m++) {
				Long after = today == null ? null : today.units()[m];
				if (!java.util.Objects.equals(before[m], after)) {
					rows.add(new MapSqlParameterSource().addValue("v", versionId).addValue("s", staff)
						.addValue("month", m + 1));
				}
			}
		}
		batch.batchUpdate("DELETE FROM quotas_person_figure WHERE version_id = :v AND staff_id = :s"
				+ " AND fiscal_month = :month", rows.toArray(MapSqlParameterSource[]::new));
	}
}
