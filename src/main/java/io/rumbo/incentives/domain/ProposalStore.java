package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.incentives.ProposalStatus;
import io.rumbo.incentives.RecognitionViews.ProposalView;

/** Proposals from evaluation nominations: one per nomination, decided once (awarded or dismissed). */
@Repository
public class ProposalStore {

	/** A nomination as the evaluation module announced it. */
	public record Nominated(long nomination, long scorecard, long cycle, long staff, long unit,
			@Nullable BigDecimal score, String reason, String nominatedBy, Instant nominatedAt) {
	}

	private final JdbcClient jdbc;

	ProposalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the nomination unless it already is (a redelivered event changes nothing); answers whether it was new. */
	public boolean insertIfNew(Nominated n) {
		return jdbc.sql("""
				INSERT INTO recognition_proposal (nomination_id, scorecard_id, cycle_id, staff_id, unit_id, score, reason,
				  nominated_by, nominated_at, status, version)
				SELECT :nomination, :card, :cycle, :staff, :unit, :score, :reason, :by, :at, 'OPEN', 0
				WHERE NOT EXISTS (SELECT 1 FROM recognition_proposal WHERE nomination_id = :nomination)""")
			.param("nomination", n.nomination()).param("card", n.scorecard()).param("cycle", n.cycle())
			.param("staff", n.staff()).param("unit", n.unit()).param("score", n.score()).param("reason", n.reason())
			.param("by", n.nominatedBy()).param("at", OffsetDateTime.ofInstant(n.nominatedAt(), ZoneOffset.UTC))
			.update() == 1;
	}

	/** Decides an open proposal at {@code version}; answers whether it was. */
	public boolean decide(long id, long version, ProposalStatus status, @Nullable Long awardId, String by, Instant at,
			@Nullable String note) {
		return jdbc.sql("""
				UPDATE recognition_proposal SET status = :status, award_id = :award, decided_by = :by, decided_at = :at,
				  decision_note = :note, version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'""")
			.param("status", status.name()).param("award", awardId).param("by", by)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("note", note).param("id", id)
			.param("version", version).update() == 1;
	}

	public long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*) FROM recognition_proposal p" + where).params(params).query(Long.class).single();
	}

	public List<ProposalView> select(String whereOrderLimit, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT p.id, p.nomination_id, p.scorecard_id, p.cycle_id, p.staff_id, p.unit_id, p.score, p.reason,
				  p.nominated_by, p.nominated_at, p.status, p.award_id, p.decided_by, p.decided_at, p.decision_note,
				  p.version FROM recognition_proposal p""" + whereOrderLimit)
			.params(params)
			.query((rs, i) -> {
				long award = rs.getLong(12);
				Long awardId = rs.wasNull() ? null : award;
				OffsetDateTime decided = rs.getObject(14, OffsetDateTime.class);
				return new ProposalView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), "",
						rs.getLong(6), null, rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
						rs.getObject(10, OffsetDateTime.class).toInstant(), ProposalStatus.valueOf(rs.getString(11)),
						awardId, rs.getString(13), decided == null ? null : decided.toInstant(), rs.getString(15),
						rs.getLong(16));
			})
			.list();
	}
}
