package io.rumbo.evaluation.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.evaluation.CalibrationViews.Nomination;
import io.rumbo.shared.export.ExportCursor;

/** Nominations for recognition: written once, read in the reader's scope with the cycle's name. */
@Repository
public class NominationStore {

	static final String FROM = " FROM evaluation_nomination n JOIN evaluation_cycle c ON c.id = n.cycle_id";

	private final JdbcClient jdbc;

	NominationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the nomination and answers its id. */
	public long insert(NewNomination n) {
		jdbc.sql("""
				INSERT INTO evaluation_nomination (scorecard_id, cycle_id, staff_id, unit_id, score, reason,
				  nominated_by, nominated_at) VALUES (:card, :cycle, :staff, :unit, :score, :reason, :by, :at)""")
			.param("card", n.scorecardId()).param("cycle", n.cycleId()).param("staff", n.staffId())
			.param("unit", n.unitId()).param("score", n.score()).param("reason", n.reason()).param("by", n.by())
			.param("at", OffsetDateTime.ofInstant(n.at(), ZoneOffset.UTC))
			.update();
		return jdbc.sql("SELECT id FROM evaluation_nomination WHERE scorecard_id = :card").param("card", n.scorecardId())
			.query(Long.class).single();
	}

	public boolean exists(long scorecard) {
		return jdbc.sql("SELECT COUNT(*) FROM evaluation_nomination WHERE scorecard_id = :card").param("card", scorecard)
			.query(Long.class).single() > 0;
	}

	public long count(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
	}

	/** Nominations with the cycle's name; person and unit names are filled in by the caller (left blank here). */
	public List<Nomination> select(String whereOrderLimit, Map<String, Object> params) {
		return jdbc.sql(SELECT + whereOrderLimit).params(params).query(NominationStore::nomination).list();
	}

	/**
	 * {@link #select} for an export: read with the cursor's fetch size, each batch completed by {@code named} and
	 * handed on, so no more than a batch is held.
	 */
	public void each(ExportCursor cursor, String whereOrder, Map<String, Object> params,
			Function<List<Nomination>, List<Nomination>> named, Consumer<Nomination> sink) {
		cursor.each(SELECT + whereOrder, params, NominationStore::nomination, named, sink);
	}

	private static final String SELECT = """
			SELECT n.id, n.scorecard_id, n.cycle_id, c.name, n.staff_id, n.unit_id, n.score, n.reason,
			  n.nominated_by, n.nominated_at""" + FROM;

	private static Nomination nomination(ResultSet rs, int i) throws SQLException {
		return new Nomination(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), "",
				rs.getLong(6), null, rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class).toInstant());
	}
}
