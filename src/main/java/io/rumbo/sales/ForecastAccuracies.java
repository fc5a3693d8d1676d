package io.rumbo.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.sales.ForecastCalls.Accuracy;
import io.rumbo.sales.ForecastCalls.Call;
import io.rumbo.sales.domain.ForecastArithmetic;
import io.rumbo.shared.money.Amounts;

/**
 * Forecast accuracy at period end (decisions 0025 and 0033): scoring the calls of the periods that ended, kept as a
 * history, announced to metrics. {@link ForecastCalls} is its facade (and its transactions).
 */
@Component
class ForecastAccuracies {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ForecastCallRows rows;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ForecastAccuracies(JdbcClient jdbc, JdbcTemplate template, ForecastCallRows rows, DataScopes scopes,
			OrgDirectory org, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.rows = rows;
		this.scopes = scopes;
		this.org = org;
		this.events = events;
		this.clock = clock;
	}


	/**
	 * Records the accuracy of every person's call for the periods that ended by {@code today} and have none yet: the
	 * last call submitted before the period ended against the amount of their deals won with a close date in the
	 * period. Idempotent (one row per person and period); answers how many were recorded. Set-based: one statement
	 * reads the calls of the periods to score, one the won amounts of those people by month, one batch writes the rows;
	 * then {@link ForecastAccuracyRecorded} names who and which periods (the metrics measure, decision 0033).
	 */
	int record(LocalDate today) {
		List<Call> candidates = rows.calls("c.level = 'PERSON' AND c.period_end <= :today AND NOT EXISTS (SELECT 1"
				+ " FROM sales_forecast_accuracy a WHERE a.staff_id = c.staff_id AND a.period_code = c.period_code)",
				Map.of("today", today), DataScope.EVERYTHING);
		// The calls come latest first: the first one of a person and period submitted before the period ended counts.
		Map<List<Object>, Call> last = new LinkedHashMap<>();
		for (Call call : candidates) {
			Instant periodEnd = call.periodEnd().atStartOfDay(clock.getZone()).toInstant();
			if (call.submittedAt().isBefore(periodEnd)) {
				last.putIfAbsent(List.of(call.staffId(), call.periodCode()), call);
			}
		}
		if (last.isEmpty()) {
			return 0;
		}
		LocalDate from = last.values().stream().map(Call::periodStart).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate to = last.values().stream().map(Call::periodEnd).max(Comparator.naturalOrder()).orElseThrow();
		Set<Long> people = last.values().stream().map(Call::staffId).collect(Collectors.toSet());
		Map<Long, Map<LocalDate, BigDecimal>> won = new HashMap<>();
		for (List<Long> chunk : chunks(people)) {
			jdbc.sql("SELECT o.owner_staff_id, o.expected_close, SUM(o.amount) FROM sales_opportunity o"
					+ " JOIN sales_stage s ON s.code = o.stage_code WHERE s.outcome = 'WON' AND o.owner_staff_id IN (:people)"
					+ " AND o.expected_close >= :from AND o.expected_close < :to GROUP BY o.owner_staff_id, o.expected_close")
				.param("people", chunk)
				.param("from", from)
				.param("to", to)
				.query((rs, n) -> won.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
					.merge(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), BigDecimal::add))
				.list();
		}
		Timestamp at = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		for (Call call : last.values()) {
			BigDecimal actual = Amounts.money(((java.util.NavigableMap<LocalDate, BigDecimal>) won
				.getOrDefault(call.staffId(), new java.util.TreeMap<>())).subMap(call.periodStart(), true,
						call.periodEnd(), false)
				.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
			rows.add(new Object[] { call.staffId(), call.unitId(), call.periodCode(), call.periodStart(),
					call.periodEnd(), call.id(), call.commit(), call.mostLikely(), call.bestCase(), actual,
					ForecastArithmetic.accuracy(call.mostLikely(), actual), at });
		}
		template.batchUpdate("""
				INSERT INTO sales_forecast_accuracy (staff_id, unit_id, period_code, period_start, period_end, call_id,
				  called_commit, called_most_likely, called_best_case, actual_amount, accuracy_percent, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		events.publishEvent(new ForecastAccuracyRecorded(people.stream().sorted().map(StaffId::new).toList(), from,
				to));
		return rows.size();
	}

	private static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		List<List<Long>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 1000) {
			chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
		}
		return chunks;
	}

	/** The accuracy history in the reader's scope (of one person when given), the latest periods first. */
	List<Accuracy> history(CurrentUser actor, @Nullable Long staffId) {
		Map<String, Object> params = new HashMap<>();
		String where = scopes.of(actor).sql("a.unit_id", "a.staff_id", params);
		if (staffId != null) {
			where += " AND a.staff_id = :staff";
			params.put("staff", staffId);
		}
		List<Accuracy> raw = jdbc.sql("SELECT * FROM sales_forecast_accuracy a WHERE " + where
				+ " ORDER BY a.period_end DESC, a.staff_id")
			.params(params)
			.query((rs, n) -> new Accuracy(rs.getLong("staff_id"), null, rs.getLong("unit_id"),
					rs.getString("period_code"), rs.getObject("period_start", LocalDate.class),
					rs.getObject("period_end", LocalDate.class), rs.getBigDecimal("called_commit"),
					rs.getBigDecimal("called_most_likely"), rs.getBigDecimal("called_best_case"),
					rs.getBigDecimal("actual_amount"), rs.getBigDecimal("accuracy_percent")))
			.list();
		Map<Long, String> names = org.staffNames(raw.stream().map(Accuracy::staffId).collect(Collectors.toSet()));
		return raw.stream()
			.map(a -> new Accuracy(a.staffId(), names.get(a.staffId()), a.unitId(), a.periodCode(), a.periodStart(),
					a.periodEnd(), a.calledCommit(), a.calledMostLikely(), a.calledBestCase(), a.actual(),
					a.accuracyPercent()))
			.toList();
	}

}
