package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.sql.BulkRows;

/**
 * The pipeline board's figures, kept: the count and amount of the opportunities per owner, owner's unit, stage and
 * close day (the day only for won and lost deals; the open ones of a stage share one row dated {@link #OPEN}), so
 * that the board sums a few hundred rows in the reader's scope instead of every opportunity. Every write of an
 * opportunity in the sales module applies its change here in the same transaction ({@link #added},
 * {@link #changed}); {@link #rebuild} recomputes the table from the opportunities with the same result (after rows
 * were written straight into the table, e.g. a bulk load). Amounts are exact (the opportunities' own scale); the
 * weighting by stage probability is done on each stage's sum when it is shown.
 * <p>
 * Concurrent writers of one row wait for each other on its row lock (PostgreSQL's {@code INSERT ... ON CONFLICT},
 * H2's {@code MERGE}); the rows of one change are written in key order, so two moves in opposite directions cannot
 * deadlock. Rows that fall to no opportunity are deleted, so the kept table equals the rebuilt one row for row.
 */
@Component
public class PipelineFigures {

	/** The close day of the row of an open stage: open deals are not split by day and sort after every close day. */
	public static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

	/** The rebuild's grouping, the same statement as the one migration V34 ran. */
	static final String REBUILT = """
			SELECT o.owner_staff_id, o.owner_unit_id, o.stage_code,
			  CASE WHEN s.outcome = 'OPEN' THEN DATE '9999-12-31' ELSE o.expected_close END AS closed_on,
			  COUNT(*) AS opportunities, SUM(o.amount) AS amount
			FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
			GROUP BY o.owner_staff_id, o.owner_unit_id, o.stage_code,
			  CASE WHEN s.outcome = 'OPEN' THEN DATE '9999-12-31' ELSE o.expected_close END""";

	private static final String COLUMNS = "owner_staff_id, owner_unit_id, stage_code, closed_on, opportunities, amount";

	private static final String UPSERT_POSTGRES = "INSERT INTO sales_pipeline_figure (" + COLUMNS + ")"
			+ " VALUES (:staff, :unit, :stage, :closedOn, :count, :amount)"
			+ " ON CONFLICT (owner_staff_id, closed_on, stage_code, owner_unit_id) DO UPDATE SET"
			+ " opportunities = sales_pipeline_figure.opportunities + EXCLUDED.opportunities,"
			+ " amount = sales_pipeline_figure.amount + EXCLUDED.amount";

	private static final String UPSERT_H2 = "MERGE INTO sales_pipeline_figure f USING (SELECT"
			+ " CAST(:staff AS BIGINT) AS owner_staff_id, CAST(:unit AS BIGINT) AS owner_unit_id,"
			+ " CAST(:stage AS VARCHAR(32)) AS stage_code, CAST(:closedOn AS DATE) AS closed_on,"
			+ " CAST(:count AS BIGINT) AS opportunities, CAST(:amount AS NUMERIC(30, 4)) AS amount) d"
			+ " ON (f.owner_staff_id = d.owner_staff_id AND f.closed_on = d.closed_on AND f.stage_code = d.stage_code"
			+ " AND f.owner_unit_id = d.owner_unit_id)"
			+ " WHEN MATCHED THEN UPDATE SET opportunities = f.opportunities + d.opportunities,"
			+ " amount = f.amount + d.amount"
			+ " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (d.owner_staff_id, d.owner_unit_id,"
			+ " d.stage_code, d.closed_on, d.opportunities, d.amount)";

	/**
	 * What an opportunity counts for on the board: the key of its row and its amount.
	 *
	 * @param closedOn the close day of a won or lost deal, {@link #OPEN} for an open one
	 */
	public record Counted(long ownerStaffId, long ownerUnitId, String stageCode, LocalDate closedOn,
			BigDecimal amount) {

		static final Comparator<Counted> KEY_ORDER = Comparator.comparingLong(Counted::ownerStaffId)
			.thenComparing(Counted::closedOn)
			.thenComparing(Counted::stageCode)
			.thenComparingLong(Counted::ownerUnitId);

		/** The opportunity as it stands, in a stage that is open or not. */
		public static Counted of(Opportunity opportunity, boolean openStage) {
			return new Counted(opportunity.ownerStaffId(), opportunity.ownerUnitId(), opportunity.stageCode(),
					openStage ? OPEN : opportunity.expectedClose(), opportunity.amount());
		}

		boolean sameRow(Counted other) {
			return KEY_ORDER.compare(this, other) == 0;
		}
	}

	private final JdbcClient jdbc;
	private final BulkRows database;

	PipelineFigures(JdbcClient jdbc, BulkRows database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/** A new opportunity counts on its row. */
	public void added(Counted now) {
		apply(now, 1, now.amount());
	}

	/** An opportunity moved, edited or re-priced: off the row it counted on, onto the one it counts on now. */
	public void changed(Counted before, Counted after) {
		if (before.sameRow(after)) {
			BigDecimal difference = after.amount().subtract(before.amount());
			if (difference.signum() != 0) {
				apply(after, 0, difference);
			}
			return;
		}
		List<Counted> rows = new ArrayList<>(List.of(before, after));
		rows.sort(Counted.KEY_ORDER);
		for (Counted row : rows) {
			if (row == before) {
				apply(before, -1, before.amount().negate());
			}
			else {
				apply(after, 1, after.amount());
			}
		}
	}

	/** Recomputes every row from the opportunities (one delete, one grouped insert); answers the rows written. */
	public int rebuild() {
		jdbc.sql("DELETE FROM sales_pipeline_figure").update();
		return jdbc.sql("INSERT INTO sales_pipeline_figure (" + COLUMNS + ") " + REBUILT).update();
	}

	private void apply(Counted row, long count, BigDecimal amount) {
		jdbc.sql(database.postgres() ? UPSERT_POSTGRES : UPSERT_H2)
			.param("staff", row.ownerStaffId())
			.param("unit", row.ownerUnitId())
			.param("stage", row.stageCode())
			.param("closedOn", row.closedOn())
			.param("count", count)
			.param("amount", amount)
			.update();
		if (count < 0) {
			jdbc.sql("""
					DELETE FROM sales_pipeline_figure WHERE owner_staff_id = :staff AND closed_on = :closedOn
					  AND stage_code = :stage AND owner_unit_id = :unit AND opportunities = 0""")
				.param("staff", row.ownerStaffId())
				.param("unit", row.ownerUnitId())
				.param("stage", row.stageCode())
				.param("closedOn", row.closedOn())
				.update();
		}
	}
}
