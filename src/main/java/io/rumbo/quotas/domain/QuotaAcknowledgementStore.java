package io.rumbo.quotas.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's acknowledgement of their quota in a version ({@code quotas_acknowledgement}). */
@Repository
public class QuotaAcknowledgementStore {

	public record Acknowledgement(long staffId, String acknowledgedBy, Instant acknowledgedAt,
			@Nullable String comment) {
	}

	private final JdbcClient jdbc;

	QuotaAcknowledgementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<Long, Acknowledgement> acknowledgements(long versionId) {
		Map<Long, Acknowledgement> acks = new HashMap<>();
		jdbc.sql("""
				SELECT staff_id, acknowledged_by, acknowledged_at, comment FROM quotas_acknowledgement
				WHERE version_id = :v""")
			.param("v", versionId)
			.query((rs, n) -> new Acknowledgement(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list()
			.forEach(a -> acks.put(a.staffId(), a));
		return acks;
	}

	public void acknowledge(long versionId, long staffId, String by, Instant at, @Nullable String comment) {
		jdbc.sql("DELETE FROM quotas_acknowledgement WHERE version_id = :v AND staff_id = :s")
			.param("v", versionId)
			.param("s", staffId)
			.update();
		jdbc.sql("""
				INSERT INTO quotas_acknowledgement (version_id, staff_id, acknowledged_by, acknowledged_at, comment)
				VALUES (:v, :s, :by, :at, :comment)""")
			.param("v", versionId)
			.param("s", staffId)
			.param("by", by)
			.param("at", utc(at))
			.param("comment", comment)
			.update();
	}

	/** Keeps an acknowledgement in a revision that left the person's quota exactly as it was. */
	public void carry(long to, Acknowledgement a) {
		jdbc.sql("""
				INSERT INTO quotas_acknowledgement (version_id, staff_id, acknowledged_by, acknowledged_at, comment)
				VALUES (:v, :s, :by, :at, :comment)""")
			.param("v", to)
			.param("s", a.staffId())
			.param("by", a.acknowledgedBy())
			.param("at", utc(a.acknowledgedAt()))
			.param("comment", a.comment())
			.update();
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
