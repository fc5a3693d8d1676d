package io.rumbo.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.sales.ForecastCalls.Call;
import io.rumbo.sales.ForecastCalls.Deal;
import io.rumbo.sales.ForecastCalls.Moved;
import io.rumbo.sales.ForecastCalls.Movement;
import io.rumbo.sales.ForecastCalls.MovementView;
import io.rumbo.sales.ForecastCalls.Snapshot;
import io.rumbo.sales.domain.ForecastArithmetic;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.money.Amounts;

/**
 * The weekly forecast snapshots (decision 0025): every Monday's freeze of the calls that count and of every deal's
 * inputs, and the movement between two of them. {@link ForecastCalls} is the API; its transactions wrap these.
 */
@Component
class ForecastSnapshots {

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Clock clock;
	private final ForecastCallRows rows;

	ForecastSnapshots(JdbcClient jdbc, DataScopes scopes, Clock clock, ForecastCallRows rows) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
		this.rows = rows;
	}

	/**
	 * Freezes the week: the calls that count for every period and every open deal (and those closed in the last
	 * quarter) as they stand. One snapshot per week (the Monday of the cut-off's week): a second call for the same
	 * week does nothing and answers empty.
	 */
	Optional<Snapshot> take(LocalDate cutOff) {
		LocalDate weekStart = cutOff.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM sales_forecast_snapshot WHERE week_start = :week")
			.param("week", weekStart)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO sales_forecast_snapshot (week_start, cut_off, taken_at) VALUES (:week, :cutOff, :at)")
			.param("week", weekStart)
			.param("cutOff", cutOff)
			.param("at", Timestamp.from(now))
			.update();
		long id = jdbc.sql("SELECT id FROM sales_forecast_snapshot WHERE week_start = :week")
			.param("week", weekStart)
			.query(Long.class)
			.single();
		long deals = jdbc.sql("""
				INSERT INTO sales_forecast_snapshot_line (snapshot_id, opportunity_id, title, owner_staff_id,
				  owner_unit_id, amount, stage_code, probability, outcome, forecast_category, expected_close)
				SELECT :snapshot, o.id, o.title, o.owner_staff_id, o.owner_unit_id, o.amount, o.stage_code,
				  s.probability, s.outcome, o.forecast_category, o.expected_close
				FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'OPEN' OR o.expected_close >= :closedSince""")
			.param("snapshot", id)
			.param("closedSince", cutOff.minusDays(ForecastCalls.CLOSED_KEPT_DAYS))
			.update();
		long calls = jdbc.sql("""
				INSERT INTO sales_forecast_snapshot_call (snapshot_id, call_id)
				SELECT :snapshot, c.id FROM sales_forecast_call c
				WHERE c.id = (SELECT MAX(l.id) FROM sales_forecast_call l WHERE l.level = c.level
				  AND l.staff_id = c.staff_id AND l.unit_id = c.unit_id AND l.period_code = c.period_code)
				  AND c.period_end > :cutOff""")
			.param("snapshot", id)
			.param("cutOff", cutOff)
			.update();
		return Optional.of(new Snapshot(id, weekStart, cutOff, now, deals, calls));
	}

	/** The weekly snapshots, the latest first. */
	List<Snapshot> all() {
		return jdbc.sql("""
				SELECT s.id, s.week_start, s.cut_off, s.taken_at,
				  (SELECT COUNT(*) FROM sales_forecast_snapshot_line l WHERE l.snapshot_id = s.id),
				  (SELECT COUNT(*) FROM sales_forecast_snapshot_call c WHERE c.snapshot_id = s.id)
				FROM sales_forecast_snapshot s ORDER BY s.week_start DESC""")
			.query((rs, n) -> new Snapshot(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** The deals of a snapshot in the reader's scope, as they were frozen. */
	List<Deal> deals(CurrentUser actor, long snapshotId) {
		snapshot(snapshotId);
		Map<String, Object> params = new HashMap<>();
		String where = scopes.of(actor).sql("l.owner_unit_id", "l.owner_staff_id", params);
		params.put("snapshot", snapshotId);
		List<Deal> raw = jdbc.sql("SELECT * FROM sales_forecast_snapshot_line l WHERE l.snapshot_id = :snapshot AND "
				+ where + " ORDER BY l.expected_close, l.opportunity_id")
			.params(params)
			.query((rs, n) -> new Deal(rs.getLong("opportunity_id"), rs.getString("title"),
					rs.getLong("owner_staff_id"), null, rs.getBigDecimal("amount"),
					ForecastCallRows.weighted(rs.getBigDecimal("amount"), rs.getInt("probability")), rs.getString("stage_code"),
					rs.getInt("probability"), ForecastCategory.valueOf(rs.getString("forecast_category")),
					rs.getString("outcome"), rs.getObject("expected_close", LocalDate.class)))
			.list();
		return rows.named(raw);
	}

	/** The calls frozen in a snapshot, in the reader's scope. */
	List<Call> calls(CurrentUser actor, long snapshotId) {
		snapshot(snapshotId);
		return rows.calls("c.id IN (SELECT call_id FROM sales_forecast_snapshot_call WHERE snapshot_id = :snapshot)",
				Map.of("snapshot", snapshotId), scopes.of(actor));
	}

	/** What moved between two snapshots, for the deals in the reader's scope in either. */
	MovementView movement(CurrentUser actor, long fromId, long toId) {
		Snapshot from = snapshot(fromId);
		Snapshot to = snapshot(toId);
		Map<Long, Deal> before = new HashMap<>();
		deals(actor, fromId).forEach(d -> before.put(d.opportunityId(), d));
		Map<Movement, Long> counts = new EnumMap<>(Movement.class);
		Map<Movement, BigDecimal> amounts = new EnumMap<>(Movement.class);
		for (Movement m : Movement.values()) {
			counts.put(m, 0L);
			amounts.put(m, BigDecimal.ZERO);
		}
		List<Moved> moved = new ArrayList<>();
		for (Deal after : deals(actor, toId)) {
			Deal was = before.get(after.opportunityId());
			Movement movement = ForecastArithmetic.movement(frozen(was), frozen(after));
			if (movement == null) {
				continue;
			}
			counts.merge(movement, 1L, Long::sum);
			BigDecimal amount = movement == Movement.AMOUNT_CHANGED && was != null
					? after.amount().subtract(was.amount()) : after.amount();
			amounts.merge(movement, amount, BigDecimal::add);
			moved.add(new Moved(after.opportunityId(), after.title(), after.ownerStaffId(), after.ownerName(), movement,
					was == null ? null : was.amount(), after.amount(), was == null ? null : was.expectedClose(),
					after.expectedClose(), was == null ? null : was.stageCode(), after.stageCode()));
		}
		amounts.replaceAll((k, v) -> Amounts.money(v));
		moved.sort(Comparator.comparing(Moved::movement).thenComparing(Moved::closeAfter));
		return new MovementView(from, to, counts, amounts, moved);
	}

	private static ForecastArithmetic.@Nullable Frozen frozen(@Nullable Deal deal) {
		return deal == null ? null : new ForecastArithmetic.Frozen(deal.amount(), deal.outcome(), deal.expectedClose());
	}

	private Snapshot snapshot(long id) {
		return all().stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("forecast snapshot", id));
	}
}
