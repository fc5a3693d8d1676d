package io.rumbo.evaluation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateState;
import io.rumbo.evaluation.TemplateViews.Band;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.Level;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.organization.JobRole;

/**
 * Template versions in {@code evaluation_template} with their criteria and levels; any number of versions is read
 * with three statements. A save carries the version read and fails as an optimistic lock when another save came first.
 */
@Repository
public class TemplateStore {

	private static final String COLUMNS = "id, code, number, name, description, cadence, population_role, "
			+ "population_unit_id, scale_max, state, valid_from, created_by, created_at, published_by, published_at, version";

	private final JdbcClient jdbc;

	TemplateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<EvaluationTemplate> find(long id) {
		return select(" WHERE id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The versions a condition on {@code evaluation_template} selects, in the order it gives. */
	public List<EvaluationTemplate> select(String whereAndOrder, Map<String, ?> params) {
		List<Object[]> rows = jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_template" + whereAndOrder).params(params)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class), rs.getInt(9),
					rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12),
					rs.getObject(13, OffsetDateTime.class), rs.getString(14), rs.getObject(15, OffsetDateTime.class),
					rs.getLong(16) })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Criterion>> criteria = criteria(rows.stream().map(r -> (Long) r[0]).toList());
		List<EvaluationTemplate> found = new ArrayList<>();
		for (Object[] r : rows) {
			TemplateDetails details = new TemplateDetails((String) r[3], (String) r[4], Cadence.valueOf((String) r[5]),
					r[6] == null ? null : JobRole.valueOf((String) r[6]), (Long) r[7], (Integer) r[8],
					criteria.getOrDefault((Long) r[0], List.of()));
			found.add(new EvaluationTemplate((Long) r[0], (String) r[1], (Integer) r[2], details,
					TemplateState.valueOf((String) r[9]), (LocalDate) r[10], (String) r[11], instant(r[12]),
					(String) r[13], r[14] == null ? null : instant(r[14]), (Long) r[15]));
		}
		return found;
	}

	private Map<Long, List<Criterion>> criteria(Collection<Long> templateIds) {
		Map<Long, Map<Integer, List<Level>>> levels = new HashMap<>();
		jdbc.sql("""
				SELECT template_id, position, level, description FROM evaluation_criterion_level
				WHERE template_id IN (:ids) ORDER BY template_id, position, level""")
			.param("ids", templateIds)
			.query(rs -> {
				levels.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
					.add(new Level(rs.getInt(3), rs.getString(4)));
			});
		Map<Long, List<Criterion>> criteria = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT template_id, position, name, kind, focus, weight, metric, target_kind, target_value, method,
				       cap_percent, threshold_percent, bands
				FROM evaluation_criterion WHERE template_id IN (:ids) ORDER BY template_id, position""")
			.param("ids", templateIds)
			.query(rs -> {
				long template = rs.getLong(1);
				CriterionKind kind = CriterionKind.valueOf(rs.getString(4));
				String target = rs.getString(8);
				String method = rs.getString(10);
				criteria.computeIfAbsent(template, k -> new ArrayList<>()).add(new Criterion(rs.getString(3), kind,
						Focus.valueOf(rs.getString(5)), twoDecimals(rs.getBigDecimal(6)), rs.getString(7),
						target == null ? null : TargetKind.valueOf(target), rs.getBigDecimal(9),
						method == null ? null : ScoringMethod.valueOf(method), twoDecimals(rs.getBigDecimal(11)),
						twoDecimals(rs.getBigDecimal(12)), bands(rs.getString(13)),
						kind == CriterionKind.QUALITATIVE
								? levels.getOrDefault(template, Map.of()).getOrDefault(rs.getInt(2), List.of())
								: List.of()));
			});
		return criteria;
	}

	/** Inserts a new version and answers its id. */
	public long insert(EvaluationTemplate t) {
		TemplateDetails d = t.details();
		jdbc.sql("""
				INSERT INTO evaluation_template (code, number, name, description, cadence, population_role,
				  population_unit_id, scale_max, state, valid_from, created_by, created_at, version)
				VALUES (:code, :number, :name, :description, :cadence, :role, :unit, :scale, :state, :validFrom,
				  :by, :at, 0)""")
			.param("code", t.code()).param("number", t.number()).params(detailParams(d))
			.param("state", t.state().name()).param("validFrom", t.validFrom())
			.param("by", t.createdBy()).param("at", OffsetDateTime.ofInstant(t.createdAt(), ZoneOffset.UTC))
			.update();
		long id = jdbc.sql("SELECT id FROM evaluation_template WHERE code = :code AND number = :number")
			.param("code", t.code()).param("number", t.number()).query(Long.class).single();
		writeCriteria(id, d.criteria());
		return id;
	}

	/** Saves a version read at {@code t.version()}; another save in between fails as an optimistic lock. */
	public void update(EvaluationTemplate t) {
		long id = java.util.Objects.requireNonNull(t.id());
		int changed = jdbc.sql("""
				UPDATE evaluation_template SET name = :name, description = :description, cadence = :cadence,
				  population_role = :role, population_unit_id = :unit, scale_max = :scale, state = :state,
				  valid_from = :validFrom, published_by = :publishedBy, published_at = :publishedAt,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.params(detailParams(t.details())).param("state", t.state().name()).param("validFrom", t.validFrom())
			.param("publishedBy", t.publishedBy())
			.param("publishedAt", t.publishedAt() == null ? null : OffsetDateTime.ofInstant(t.publishedAt(), ZoneOffset.UTC))
			.param("id", id).param("version", t.version())
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("evaluation_template " + id);
		}
		jdbc.sql("DELETE FROM evaluation_criterion_level WHERE template_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM evaluation_criterion WHERE template_id = :id").param("id", id).update();
		writeCriteria(id, t.details().criteria());
	}

	private static Map<String, @Nullable Object> detailParams(TemplateDetails d) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("name", d.name().trim());
		params.put("description", d.description());
		params.put("cadence", d.cadence().name());
		params.put("role", d.populationRole() == null ? null : d.populationRole().name());
		params.put("unit", d.populationUnitId());
		params.put("scale", d.scaleMax());
		return params;
	}

	private void writeCriteria(long templateId, List<Criterion> criteria) {
		for (int i = 0; i < criteria.size(); i++) {
			Criterion c = criteria.get(i);
			boolean quantitative = c.kind() == CriterionKind.QUANTITATIVE;
			jdbc.sql("""
					INSERT INTO evaluation_criterion (template_id, position, name, kind, focus, weight, metric,
					  target_kind, target_value, method, cap_percent, threshold_percent, bands)
					VALUES (:t, :p, :name, :kind, :focus, :weight, :metric, :target, :targetValue, :method, :cap,
					  :threshold, :bands)""")
				.param("t", templateId).param("p", i + 1).param("name", c.name().trim()).param("kind", c.kind().name())
				.param("focus", (c.focus() == null ? Focus.RESULTS : c.focus()).name()).param("weight", c.weight())
				.param("metric", quantitative ? io.rumbo.metrics.Metric.ofCode(c.measure()).orElseThrow().code() : null)
				.param("target", quantitative ? c.target().name() : null)
				.param("targetValue", quantitative && c.target() == TargetKind.FIXED ? c.targetValue() : null)
				.param("method", quantitative ? (c.method() == null ? ScoringMethod.LINEAR : c.method()).name() : null)
				.param("cap", quantitative ? c.capPercent() : null)
				.param("threshold", quantitative ? c.thresholdPercent() : null)
				.param("bands", quantitative && c.method() == ScoringMethod.BANDS ? bands(c.bandList()) : null)
				.update();
			for (Level level : quantitative ? List.<Level>of() : c.levelList()) {
				jdbc.sql("""
						INSERT INTO evaluation_criterion_level (template_id, position, level, description)
						VALUES (:t, :p, :level, :description)""")
					.param("t", templateId).param("p", i + 1).param("level", level.level())
					.param("description", level.description().trim()).update();
			}
		}
	}

	/** The next version number of a template code (1 for a new code). */
	public int nextNumber(String code) {
		Integer last = jdbc.sql("SELECT MAX(number) FROM evaluation_template WHERE code = :code").param("code", code)
			.query(Integer.class).optional().orElse(null);
		return last == null ? 1 : last + 1;
	}

	public boolean codeExists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM evaluation_template WHERE code = :code").param("code", code)
			.query(Long.class).single() > 0;
	}

	/** Whether the template code has a draft version already. */
	public boolean hasDraft(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM evaluation_template WHERE code = :code AND state = 'DRAFT'")
			.param("code", code).query(Long.class).single() > 0;
	}

	/** The version of the code published now (not superseded), if any. */
	public Optional<EvaluationTemplate> published(String code) {
		return select(" WHERE code = :code AND state = 'PUBLISHED'", Map.of("code", code)).stream().findFirst();
	}

	public void acknowledge(long templateId, long staffId, Instant at) {
		jdbc.sql("""
				INSERT INTO evaluation_template_ack (template_id, staff_id, acknowledged_at)
				VALUES (:t, :s, :at)""")
			.param("t", templateId).param("s", staffId).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	/** Of these template versions, the ones the person acknowledged. */
	public Set<Long> acknowledgedBy(long staffId, Collection<Long> templateIds) {
		if (templateIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				SELECT template_id FROM evaluation_template_ack WHERE staff_id = :s AND template_id IN (:ids)""")
			.param("s", staffId).param("ids", templateIds).query(Long.class).list());
	}

	/** Who acknowledged a version. */
	public Set<Long> acknowledgers(long templateId) {
		return Set.copyOf(jdbc.sql("SELECT staff_id FROM evaluation_template_ack WHERE template_id = :t")
			.param("t", templateId).query(Long.class).list());
	}

	static String bands(List<Band> bands) {
		StringBuilder text = new StringBuilder();
		for (Band band : bands) {
			text.append(text.isEmpty() ? "" : ";").append(band.fromPercent().toPlainString()).append(':')
				.append(band.creditPercent().toPlainString());
		}
		return text.toString();
	}

	static List<Band> bands(@Nullable String text) {
		List<Band> bands = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			for (String pair : text.split(";")) {
				String[] parts = pair.split(":");
				bands.add(new Band(new BigDecimal(parts[0]), new BigDecimal(parts[1])));
			}
		}
		return bands;
	}

	/** Percentages as written: two decimals. */
	private static @Nullable BigDecimal twoDecimals(@Nullable BigDecimal value) {
		return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static Instant instant(Object value) {
		return ((OffsetDateTime) value).toInstant();
	}
}
