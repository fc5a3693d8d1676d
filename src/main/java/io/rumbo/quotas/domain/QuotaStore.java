package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

import io.rumbo.metrics.Metric;
import io.rumbo.quotas.AllocationMethod;

/**
 * The quota tables, read and written with plain SQL: a version's rows are replaced a level's subtree at a time, which
 * set-based statements do in a few round trips whatever the number of people.
 */
@Repository
public class QuotaStore {

	public enum State {
		DRAFT, PUBLISHED, SUPERSEDED
	}

	public record VersionRow(long id, int fiscalYear, int number, State state, @Nullable Long basedOnId,
			long planVersionId, @Nullable String reason, String ramp, String createdBy, Instant createdAt,
			@Nullable String publishedBy, @Nullable Instant publishedAt, long version) {
	}

	public record Level(long unitId, Metric metric, AllocationMethod method, BigDecimal overPct) {
	}

	public record Manual(long unitId, Metric metric, String childKey, BigDecimal amount) {
	}

	public record UnitMonth(long unitId, @Nullable Long parentUnitId, Metric metric, int month, BigDecimal amount) {
	}

	public record PersonMonth(long staffId, long unitId, Metric metric, int month, BigDecimal fullAmount,
			BigDecimal amount) {
	}

	public record Release(long unitId, String releasedBy, Instant releasedAt) {
	}

	private static final String VERSION_COLUMNS = """
			id, fiscal_year, number, state, based_on_id, plan_version_id, reason, ramp, created_by, created_at,
			published_by, published_at, version""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	QuotaStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<VersionRow> version(long id) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM quotas_version WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> versionRow(rs))
			.optional();
	}

	/** A fiscal year's versions, latest first. */
	public List<VersionRow> versions(int fiscalYear) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM quotas_version WHERE fiscal_year = :y ORDER BY number DESC")
			.param("y", fiscalYear)
			.query((rs, n) -> versionRow(rs))
			.list();
	}

	/** Every fiscal year that has a quota plan, latest first. */
	public List<Integer> years() {
		return jdbc.sql("SELECT DISTINCT fiscal_year FROM quotas_version ORDER BY fiscal_year DESC")
			.query(Integer.class)
			.list();
	}

	private static VersionRow versionRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime published = rs.getObject(12, OffsetDateTime.class);
		return new VersionRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), State.valueOf(rs.getString(4)),
				rs.getObject(5, Long.class), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11),
				published == null ? null : published.toInstant(), rs.getLong(13));
	}

	public long insertVersion(int fiscalYear, int number, @Nullable Long basedOnId, long planVersionId,
			@Nullable String reason, String ramp, String createdBy, Instant at) {
		jdbc.sql("""
				INSERT INTO quotas_version (fiscal_year, number, state, based_on_id, plan_version_id, reason, ramp,
				    created_by, created_at, version)
				VALUES (:y, :n, 'DRAFT', :based, :plan, :reason, :ramp, :by, :at, 0)""")
			.param("y", fiscalYear)
			.param("n", number)
			.param("based", basedOnId)
			.param("plan", planVersionId)
			.param("reason", reason)
			.param("ramp", ramp)
			.param("by", createdBy)
			.param("at", utc(at))
			.update();
		return jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :y AND number = :n")
			.param("y", fiscalYear)
			.param("n", number)
			.query(Long.class)
			.single();
	}

	/** Moves the version's lock on; false when someone else changed it since {@code expected}. */
	public boolean touch(long id, long expected) {
		return jdbc.sql("UPDATE quotas_version SET version = version + 1 WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", expected)
			.update() == 1;
	}

	public void setRamp(long id, String ramp) {
		jdbc.sql("UPDATE quotas_version SET ramp = :ramp WHERE id = :id").param("id", id).param("ramp", ramp).update();
	}

	public void publish(long id, String by, Instant at) {
		jdbc.sql("""
				UPDATE quotas_version SET state = 'SUPERSEDED'
				WHERE fiscal_year = (SELECT fiscal_year FROM quotas_version WHERE id = :id) AND state = 'PUBLISHED'""")
			.param("id", id)
			.update();
		jdbc.sql("UPDATE quotas_version SET state = 'PUBLISHED', published_by = :by, published_at = :at WHERE id = :id")
			.param("id", id)
			.param("by", by)
			.param("at", utc(at))
			.update();
	}

	// ---- levels and figures set by hand

	public Map<String, Level> levels(long versionId) {
		Map<String, Level> levels = new HashMap<>();
		jdbc.sql("SELECT unit_id, metric, method, over_pct FROM quotas_level WHERE version_id = :v")
			.param("v", versionId)
			.query((rs, n) -> new Level(rs.getLong(1), Metric.valueOf(rs.getString(2)),
					AllocationMethod.valueOf(rs.getString(3)), rs.getBigDecimal(4)))
			.list()
			.forEach(l -> levels.put(levelKey(l.unitId(), l.metric()), l));
		return levels;
	}

	public static String levelKey(long unitId, Metric metric) {
		return unitId + ":" + metric.name();
	}

	public void saveLevel(long versionId, Level level) {
		jdbc.sql("DELETE FROM quotas_level WHERE version_id = :v AND unit_id = :u AND metric = :m")
			.param("v", versionId)
			.param("u", level.unitId())
			.param("m", level.metric().name())
			.update();
		jdbc.sql("""
				INSERT INTO quotas_level (version_id, unit_id, metric, method, over_pct)
				VALUES (:v, :u, :m, :method, :over)""")
			.param("v", versionId)
			.param("u", level.unitId())
			.param("m", level.metric().name())
			.param("method", level.method().name())
			.param("over", level.overPct())
			.update();
	}

	/** Figures by hand of a level, by child key ({@code UNIT:12}, {@code PERSON:40}). */
	public Map<String, BigDecimal> manual(long versionId, long unitId, Metric metric) {
		Map<String, BigDecimal> amounts = new HashMap<>();
		jdbc.sql("""
				SELECT child_kind, child_id, amount FROM quotas_manual
				WHERE version_id = :v AND unit_id = :u AND metric = :m""")
			.param("v", versionId)
			.param("u", unitId)
			.param("m", metric.name())
			.query(rs -> {
				amounts.put(rs.getString(1) + ":" + rs.getLong(2), rs.getBigDecimal(3));
			});
		return amounts;
	}

	public void saveManual(long versionId, long unitId, Metric metric, Map<String, BigDecimal> amounts) {
		jdbc.sql("DELETE FROM quotas_manual WHERE version_id = :v AND unit_id = :u AND metric = :m")
			.param("v", versionId)
			.param("u", unitId)
			.param("m", metric.name())
			.update();
		amounts.forEach((key, amount) -> {
			String[] parts = key.split(":");
			jdbc.sql("""
					INSERT INTO quotas_manual (version_id, unit_id, metric, child_kind, child_id, amount)
					VALUES (:v, :u, :m, :kind, :child, :amount)""")
				.param("v", versionId)
				.param("u", unitId)
				.param("m", metric.name())
				.param("kind", parts[0])
				.param("child", Long.parseLong(parts[1]))
				.param("amount", amount)
				.update();
		});
	}

	// ---- releases

	public Map<Long, Release> releases(long versionId) {
		Map<Long, Release> releases = new HashMap<>();
		jdbc.sql("SELECT unit_id, released_by, released_at FROM quotas_release WHERE version_id = :v")
			.param("v", versionId)
			.query((rs, n) -> new Release(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list()
			.forEach(r -> releases.put(r.unitId(), r));
		return releases;
	}

	public void release(long versionId, Collection<Long> unitIds, String by, Instant at) {
		for (Long unit : unitIds) {
			jdbc.sql("""
					INSERT INTO quotas_release (version_id, unit_id, released_by, released_at)
					VALUES (:v, :u, :by, :at)""")
				.param("v", versionId)
				.param("u", unit)
				.param("by", by)
				.param("at", utc(at))
				.update();
		}
	}

	// ---- figures

	public List<UnitMonth> unitMonths(long versionId) {
		return jdbc.sql("""
				SELECT unit_id, parent_unit_id, metric, fiscal_month, amount FROM quotas_unit_month
				WHERE version_id = :v ORDER BY unit_id, metric, fiscal_month""")
			.param("v", versionId)
			.query((rs, n) -> new UnitMonth(rs.getLong(1), rs.getObject(2, Long.class), Metric.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getBigDecimal(5)))
			.list();
	}

	public List<PersonMonth> personMonths(long versionId) {
		return jdbc.sql("""
				SELECT staff_id, unit_id, metric, fiscal_month, full_amount, amount FROM quotas_person_month
				WHERE version_id = :v ORDER BY staff_id, metric, fiscal_month""")
			.param("v", versionId)
			.query((rs, n) -> new PersonMonth(rs.getLong(1), rs.getLong(2), Metric.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
	}

	/** A version's person months of these people, a thousand people per query. */
	public List<PersonMonth> personMonths(long versionId, Collection<Long> staffIds) {
		List<Long> ids = staffIds.stream().distinct().toList();
		List<PersonMonth> rows = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += 1000) {
			rows.addAll(jdbc.sql("""
					SELECT staff_id, unit_id, metric, fiscal_month, full_amount, amount FROM quotas_person_month
					WHERE version_id = :v AND staff_id IN (:s) ORDER BY staff_id, metric, fiscal_month""")
				.param("v", versionId)
				.param("s", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.query((rs, n) -> new PersonMonth(rs.getLong(1), rs.getLong(2), Metric.valueOf(rs.getString(3)),
						rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
				.list());
		}
		return rows;
	}

	/**
	 * Where the version counts each person in each fiscal month: the unit of their quota rows (every measure of a
	 * unit has a row for each member present, so any one tells). People the version has no row of are left out.
	 */
	public Map<Long, Long[]> membership(long versionId) {
		Map<Long, Long[]> units = new HashMap<>();
		jdbc.sql("SELECT DISTINCT staff_id, fiscal_month, unit_id FROM quotas_person_month WHERE version_id = :v")
			.param("v", versionId)
			.query(rs -> {
				units.computeIfAbsent(rs.getLong(1), k -> new Long[12])[rs.getInt(2) - 1] = rs.getLong(3);
			});
		return units;
	}

	/** Drops the figures the levels of these units set: their sub-units' months and their members' months. */
	public void clearBelow(long versionId, Collection<Long> unitIds) {
		List<Long> ids = new ArrayList<>(unitIds);
		for (int i = 0; i < ids.size(); i += 1000) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
			jdbc.sql("DELETE FROM quotas_unit_month WHERE version_id = :v AND parent_unit_id IN (:u)")
				.param("v", versionId)
				.param("u", chunk)
				.update();
			jdbc.sql("DELETE FROM quotas_person_month WHERE version_id = :v AND unit_id IN (:u)")
				.param("v", versionId)
				.param("u", chunk)
				.update();
		}
	}

	public void deleteMetric(long versionId, Metric metric) {
		for (String table : List.of("quotas_unit_month", "quotas_person_month", "quotas_level", "quotas_manual",
				"quotas_person_figure")) {
			jdbc.sql("DELETE FROM " + table + " WHERE version_id = :v AND metric = :m")
				.param("v", versionId)
				.param("m", metric.name())
				.update();
		}
	}

	public void insertUnitMonths(long versionId, Collection<UnitMonth> rows) {
		batch.batchUpdate("""
				INSERT INTO quotas_unit_month (version_id, unit_id, parent_unit_id, metric, fiscal_month, amount)
				VALUES (:v, :u, :p, :m, :month, :amount)""", rows.stream().map(r -> new MapSqlParameterSource()
			.addValue("v", versionId)
			.addValue("u", r.unitId())
			.addValue("p", r.parentUnitId(), java.sql.Types.BIGINT)
			.addValue("m", r.metric().name())
			.addValue("month", r.month())
			.addValue("amount", r.amount())).toArray(MapSqlParameterSource[]::new));
	}

	public void insertPersonMonths(long versionId, Collection<PersonMonth> rows) {
		batch.batchUpdate("""
				INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount,
				    amount)
				VALUES (:v, :s, :u, :m, :month, :full, :amount)""", rows.stream().map(r -> new MapSqlParameterSource()
			.addValue("v", versionId)
			.addValue("s", r.staffId())
			.addValue("u", r.unitId())
			.addValue("m", r.metric().name())
			.addValue("month", r.month())
			.addValue("full", r.fullAmount())
			.addValue("amount", r.amount())).toArray(MapSqlParameterSource[]::new));
	}

	/** Copies every row of a version into a new one (a revision starts as a copy of what it revises). */
	public void copy(long from, long to) {
		jdbc.sql("""
				INSERT INTO quotas_level (version_id, unit_id, metric, method, over_pct)
				SELECT :to, unit_id, metric, method, over_pct FROM quotas_level WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
		jdbc.sql("""
				INSERT INTO quotas_manual (version_id, unit_id, metric, child_kind, child_id, amount)
				SELECT :to, unit_id, metric, child_kind, child_id, amount FROM quotas_manual WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
		jdbc.sql("""
				INSERT INTO quotas_release (version_id, unit_id, released_by, released_at)
				SELECT :to, unit_id, released_by, released_at FROM quotas_release WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
		jdbc.sql("""
				INSERT INTO quotas_unit_month (version_id, unit_id, parent_unit_id, metric, fiscal_month, amount)
				SELECT :to, unit_id, parent_unit_id, metric, fiscal_month, amount FROM quotas_unit_month
				WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
		jdbc.sql("""
				INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount, amount)
				SELECT :to, staff_id, unit_id, metric, fiscal_month, full_amount, amount FROM quotas_person_month
				WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
		jdbc.sql("""
				INSERT INTO quotas_person_figure (version_id, staff_id, metric, fiscal_month, amount)
				SELECT :to, staff_id, metric, fiscal_month, amount FROM quotas_person_figure WHERE version_id = :from""")
			.param("from", from).param("to", to).update();
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
