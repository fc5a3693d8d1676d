package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.AwardSource;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.DecisionRecord;

/**
 * Award kinds, awards and the decisions of rule-based kinds. Awards are read with their kind; names of people and
 * units are filled in by the caller (left blank here).
 */
@Repository
public class AwardStore {

	/** The awards joined to their kind, for reads filtered by the caller's where clause. */
	public static final String FROM = " FROM recognition_award a JOIN recognition_award_kind k ON k.id = a.kind_id";

	private static final String AWARD_COLUMNS = """
			SELECT a.id, a.kind_id, k.code, k.name_en, k.name_es, k.basis, a.staff_id, a.unit_id, a.period_code,
			  a.period_start, a.period_end, a.source, a.metric, a.metric_value, a.citation, a.proposal_id, a.granted_by,
			  a.granted_at, a.revoked_by, a.revoked_at, a.revoke_reason, a.version""";

	/** What a new award records. */
	public record NewAward(long kindId, long staffId, long unitId, String period, LocalDate periodStart,
			LocalDate periodEnd, AwardSource source, @Nullable String metric, @Nullable BigDecimal value, String citation,
			@Nullable Long proposalId, String grantedBy, Instant grantedAt) {
	}

	/** What a new kind records. */
	public record NewKind(String code, String nameEn, String nameEs, AwardBasis basis, @Nullable String metric,
			AwardPeriodKind periodKind, @Nullable Long unitId, @Nullable BigDecimal minimum) {
	}

	private final JdbcClient jdbc;

	AwardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AwardKindView> kinds(String lang) {
		return jdbc.sql("""
				SELECT id, code, name_en, name_es, basis, metric, period_kind, unit_id, minimum, active, version
				FROM recognition_award_kind ORDER BY code""")
			.query((rs, i) -> kind(rs, lang)).list();
	}

	public Optional<AwardKindView> kind(long id, String lang) {
		return jdbc.sql("""
				SELECT id, code, name_en, name_es, basis, metric, period_kind, unit_id, minimum, active, version
				FROM recognition_award_kind WHERE id = :id""").param("id", id)
			.query((rs, i) -> kind(rs, lang)).optional();
	}

	public Optional<Long> kindId(String code) {
		return jdbc.sql("SELECT id FROM recognition_award_kind WHERE code = :code").param("code", code)
			.query(Long.class).optional();
	}

	public long insertKind(NewKind kind) {
		jdbc.sql("""
				INSERT INTO recognition_award_kind (code, name_en, name_es, basis, metric, period_kind, unit_id, minimum,
				  active, version) VALUES (:code, :en, :es, :basis, :metric, :period, :unit, :minimum, TRUE, 0)""")
			.param("code", kind.code()).param("en", kind.nameEn()).param("es", kind.nameEs())
			.param("basis", kind.basis().name()).param("metric", kind.metric())
			.param("period", kind.periodKind().name()).param("unit", kind.unitId()).param("minimum", kind.minimum())
			.update();
		return kindId(kind.code()).orElseThrow();
	}

	/** Changes a kind if it is at {@code version}; answers whether it was. The code never changes. */
	public boolean updateKind(long id, long version, NewKind kind) {
		return jdbc.sql("""
				UPDATE recognition_award_kind SET name_en = :en, name_es = :es, basis = :basis, metric = :metric,
				  period_kind = :period, unit_id = :unit, minimum = :minimum, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("en", kind.nameEn()).param("es", kind.nameEs()).param("basis", kind.basis().name())
			.param("metric", kind.metric()).param("period", kind.periodKind().name()).param("unit", kind.unitId())
			.param("minimum", kind.minimum()).param("id", id).param("version", version).update() == 1;
	}

	/** Archives or restores a kind if it is at {@code version}; answers whether it was. */
	public boolean setActive(long id, long version, boolean active) {
		return jdbc.sql("""
				UPDATE recognition_award_kind SET active = :active, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("active", active).param("id", id).param("version", version).update() == 1;
	}

	/** Deletes a kind if it is at {@code version}; answers whether it was. Only for a kind nothing refers to. */
	public boolean deleteKind(long id, long version) {
		return jdbc.sql("DELETE FROM recognition_award_kind WHERE id = :id AND version = :version")
			.param("id", id).param("version", version).update() == 1;
	}

	/** Whether awards (revoked ones too) or recorded decisions refer to the kind. */
	public boolean referenced(long kindId) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM recognition_award WHERE kind_id = :kind)
				  + (SELECT COUNT(*) FROM recognition_award_decision WHERE kind_id = :kind)""")
			.param("kind", kindId).query(Long.class).single() > 0;
	}

	/** The people already holding an award of the kind for the period (revoked ones included). */
	public Set<Long> holders(long kindId, String period) {
		return Set.copyOf(jdbc.sql("SELECT staff_id FROM recognition_award WHERE kind_id = :kind AND period_code = :p")
			.param("kind", kindId).param("p", period).query(Long.class).list());
	}

	public long insert(NewAward a) {
		jdbc.sql("""
				INSERT INTO recognition_award (kind_id, staff_id, unit_id, period_code, period_start, period_end, source,
				  metric, metric_value, citation, proposal_id, granted_by, granted_at, version)
				VALUES (:kind, :staff, :unit, :period, :start, :end, :source, :metric, :value, :citation, :proposal,
				  :by, :at, 0)""")
			.param("kind", a.kindId()).param("staff", a.staffId()).param("unit", a.unitId())
			.param("period", a.period()).param("start", a.periodStart()).param("end", a.periodEnd())
			.param("source", a.source().name()).param("metric", a.metric()).param("value", a.value())
			.param("citation", a.citation()).param("proposal", a.proposalId()).param("by", a.grantedBy())
			.param("at", OffsetDateTime.ofInstant(a.grantedAt(), ZoneOffset.UTC))
			.update();
		return jdbc.sql("""
				SELECT id FROM recognition_award WHERE kind_id = :kind AND period_code = :period AND staff_id = :staff""")
			.param("kind", a.kindId()).param("period", a.period()).param("staff", a.staffId())
			.query(Long.class).single();
	}

	/** Marks the award revoked if it is at {@code version}; answers whether it was. */
	public boolean revoke(long id, long version, String by, Instant at, String reason) {
		return jdbc.sql("""
				UPDATE recognition_award SET revoked_by = :by, revoked_at = :at, revoke_reason = :reason,
				  version = version + 1 WHERE id = :id AND version = :version AND revoked_at IS NULL""")
			.param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("reason", reason)
			.param("id", id).param("version", version).update() == 1;
	}

	public long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
	}

	public List<AwardView> select(String whereOrderLimit, Map<String, Object> params, String lang) {
		return jdbc.sql(AWARD_COLUMNS + FROM + whereOrderLimit).params(params)
			.query((rs, i) -> award(rs, lang)).list();
	}

	/** Records (or, decided again, refreshes) the decision of a kind for a period. */
	public void recordDecision(long kindId, String period, Instant at, String by, int ranked, int winners) {
		int updated = jdbc.sql("""
				UPDATE recognition_award_decision SET decided_at = :at, decided_by = :by, ranked = :ranked,
				  winners = :winners WHERE kind_id = :kind AND period_code = :period""")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by).param("ranked", ranked)
			.param("winners", winners).param("kind", kindId).param("period", period).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO recognition_award_decision (kind_id, period_code, decided_at, decided_by, ranked, winners)
					VALUES (:kind, :period, :at, :by, :ranked, :winners)""")
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by).param("ranked", ranked)
				.param("winners", winners).param("kind", kindId).param("period", period).update();
		}
	}

	public boolean decided(long kindId, String period) {
		return jdbc.sql("SELECT COUNT(*) FROM recognition_award_decision WHERE kind_id = :kind AND period_code = :p")
			.param("kind", kindId).param("p", period).query(Long.class).single() > 0;
	}

	/** The latest decisions, newest first. */
	public List<DecisionRecord> decisions(int limit) {
		return jdbc.sql("""
				SELECT kind_id, period_code, decided_at, decided_by, ranked, winners FROM recognition_award_decision
				ORDER BY decided_at DESC, kind_id LIMIT :limit""").param("limit", limit)
			.query((rs, i) -> new DecisionRecord(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getInt(5), rs.getInt(6)))
			.list();
	}

	private static AwardKindView kind(ResultSet rs, String lang) throws SQLException {
		String en = rs.getString(3);
		String es = rs.getString(4);
		long unit = rs.getLong(8);
		Long unitId = rs.wasNull() ? null : unit;
		return new AwardKindView(rs.getLong(1), rs.getString(2), "es".equals(lang) ? es : en, en, es,
				AwardBasis.valueOf(rs.getString(5)), lower(rs.getString(6)), AwardPeriodKind.valueOf(rs.getString(7)),
				unitId, null, rs.getBigDecimal(9), rs.getBoolean(10), rs.getLong(11));
	}

	private static AwardView award(ResultSet rs, String lang) throws SQLException {
		long proposal = rs.getLong(16);
		Long proposalId = rs.wasNull() ? null : proposal;
		OffsetDateTime revoked = rs.getObject(20, OffsetDateTime.class);
		return new AwardView(rs.getLong(1), rs.getLong(2), rs.getString(3),
				"es".equals(lang) ? rs.getString(5) : rs.getString(4), AwardBasis.valueOf(rs.getString(6)),
				rs.getLong(7), "", rs.getLong(8), null, rs.getString(9), rs.getObject(10, LocalDate.class),
				rs.getObject(11, LocalDate.class), AwardSource.valueOf(rs.getString(12)), lower(rs.getString(13)),
				rs.getBigDecimal(14), rs.getString(15), proposalId, rs.getString(17),
				rs.getObject(18, OffsetDateTime.class).toInstant(), rs.getString(19),
				revoked == null ? null : revoked.toInstant(), rs.getString(21), rs.getLong(22));
	}

	private static @Nullable String lower(@Nullable String code) {
		return code == null ? null : code.toLowerCase(java.util.Locale.ROOT);
	}
}
