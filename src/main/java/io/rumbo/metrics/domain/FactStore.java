package io.rumbo.metrics.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.ServiceMeasures;
import io.rumbo.metrics.domain.BaseMeasure.Source;
import io.rumbo.sales.SalesMeasures;

/**
 * Recomputes cells of the facts from the records: for a set of people ({@code null}: everyone) and a range of months,
 * it makes the cells of one kind of record equal to the sources' grouped sums (a rebuild deletes and inserts them; a
 * recompute of some people writes only the rows that differ). Nothing is ever added to a cell, so running a recompute
 * twice (an event delivered again after a restart) leaves the same facts. Orders are kept order by order instead, by
 * {@link OrderLedger}; here each customer's first purchase is read from the customer months it keeps.
 * Every method expects the caller's transaction to hold {@link #lock()}. Each answers the rows it wrote.
 */
@Component
public class FactStore {

	/** Wide enough for any business date: what a rebuild recomputes. */
	public static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
	public static final LocalDate EVER_TO = LocalDate.of(9000, 1, 1);

	private static final String INSERT_FACT = "INSERT INTO metrics_fact"
			+ " (staff_id, unit_id, month_start, line_id, measure, amount) VALUES (?, ?, ?, ?, ?, ?)";

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final SalesMeasures sales;
	private final ServiceMeasures service;

	FactStore(JdbcClient jdbc, JdbcTemplate template, SalesMeasures sales, ServiceMeasures service) {
		this.jdbc = jdbc;
		this.template = template;
		this.sales = sales;
		this.service = service;
	}

	/** Serialises every change to the facts (events on several threads, a rebuild) until the transaction ends. */
	public void lock() {
		jdbc.sql("SELECT id FROM metrics_state WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	/**
	 * The month each of these customers ({@code null}: all) first bought: the earliest of their customer months (a
	 * booked order that is not a return, as the order ledger counts it), kept by the ledger in this module. A customer
	 * month exists while it counts orders, so this follows any change of their orders (added, moved earlier or later,
	 * cancelled, returned); each customer is one probe of the {@code (customer_id, month_start)} index, whatever the
	 * number of their orders, and a customer without a customer month has no first purchase.
	 */
	public long firstPurchases(@Nullable Collection<Long> customers) {
		if (customers == null) {
			jdbc.sql("DELETE FROM metrics_customer_first").update();
			return jdbc.sql("INSERT INTO metrics_customer_first (customer_id, month_start)"
					+ " SELECT customer_id, MIN(month_start) FROM metrics_customer_month GROUP BY customer_id").update();
		}
		long rows = 0;
		for (List<Long> chunk : chunks(customers)) {
			jdbc.sql("DELETE FROM metrics_customer_first WHERE customer_id IN (:ids)").param("ids", chunk).update();
			// The MIN of one customer's months is read from the index (its first entry), not from all their months.
			rows += template.update("INSERT INTO metrics_customer_first (customer_id, month_start)"
					+ " SELECT k.customer_id, k.month_start FROM (SELECT c.customer_id, (SELECT MIN(m.month_start)"
					+ " FROM metrics_customer_month m WHERE m.customer_id = c.customer_id) AS month_start FROM (VALUES "
					+ String.join(", ", Collections.nCopies(chunk.size(), "(CAST(? AS BIGINT))"))
					+ ") AS c (customer_id)) k WHERE k.month_start IS NOT NULL", chunk.toArray());
		}
		return rows;
	}

	public long activities(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		sales.activities(people, from, to)
			.forEach(a -> add(rows, a.staffId(), a.unitId(), a.month(), 0, BaseMeasure.valueOf(a.type().name()),
					BigDecimal.valueOf(a.done())));
		return replace(Source.ACTIVITIES, people, from, to, rows);
	}

	public long opportunities(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (SalesMeasures.OpportunityCount o : sales.opportunities(people, from, to)) {
			add(rows, o.staffId(), o.unitId(), o.month(), 0, BaseMeasure.OPPS_CREATED, BigDecimal.valueOf(o.created()));
			add(rows, o.staffId(), o.unitId(), o.month(), 0, BaseMeasure.OPPS_WON, BigDecimal.valueOf(o.won()));
			add(rows, o.staffId(), o.unitId(), o.month(), 0, BaseMeasure.OPPS_LOST, BigDecimal.valueOf(o.lost()));
		}
		return replace(Source.OPPORTUNITIES, people, from, to, rows);
	}

	public long tasks(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (SalesMeasures.TaskCount t : sales.tasks(people, from, to)) {
			add(rows, t.staffId(), t.unitId(), t.month(), 0, BaseMeasure.TASKS_DONE, BigDecimal.valueOf(t.done()));
			add(rows, t.staffId(), t.unitId(), t.month(), 0, BaseMeasure.TASKS_ON_TIME, BigDecimal.valueOf(t.onTime()));
		}
		return replace(Source.TASKS, people, from, to, rows);
	}

	public long cases(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (ServiceMeasures.ResolvedCases c : service.resolvedCases(people, from, to)) {
			add(rows, c.staffId(), c.unitId(), c.month(), 0, BaseMeasure.CASES_RESOLVED, BigDecimal.valueOf(c.resolved()));
			add(rows, c.staffId(), c.unitId(), c.month(), 0, BaseMeasure.RESOLUTION_DAYS, BigDecimal.valueOf(c.days()));
		}
		return replace(Source.CASES, people, from, to, rows);
	}

	public long ratings(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (ServiceMeasures.Ratings r : service.ratings(people, from, to)) {
			add(rows, r.staffId(), r.unitId(), r.month(), 0, BaseMeasure.CSAT_SUM, BigDecimal.valueOf(r.csatSum()));
			add(rows, r.staffId(), r.unitId(), r.month(), 0, BaseMeasure.CSAT_COUNT, BigDecimal.valueOf(r.csatCount()));
			add(rows, r.staffId(), r.unitId(), r.month(), 0, BaseMeasure.NPS_PROMOTERS, BigDecimal.valueOf(r.promoters()));
			add(rows, r.staffId(), r.unitId(), r.month(), 0, BaseMeasure.NPS_DETRACTORS,
					BigDecimal.valueOf(r.detractors()));
			add(rows, r.staffId(), r.unitId(), r.month(), 0, BaseMeasure.NPS_COUNT, BigDecimal.valueOf(r.npsCount()));
		}
		return replace(Source.RATINGS, people, from, to, rows);
	}

	/** The forecast accuracy of month calls (decision 0033): its sum and count per person, call's unit and month. */
	public long forecasts(@Nullable Collection<Long> people, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (SalesMeasures.ForecastAccuracySum f : sales.forecastAccuracy(people, from, to)) {
			add(rows, f.staffId(), f.unitId(), f.month(), 0, BaseMeasure.FORECAST_ACCURACY_SUM, f.percentSum());
			add(rows, f.staffId(), f.unitId(), f.month(), 0, BaseMeasure.FORECAST_CALLS_SCORED,
					BigDecimal.valueOf(f.calls()));
		}
		return replace(Source.FORECASTS, people, from, to, rows);
	}

	/** The open pipeline rows of these opportunities ({@code null}: all); a closed one leaves the snapshot. */
	public long pipeline(@Nullable Collection<Long> opportunityIds) {
		if (opportunityIds == null) {
			jdbc.sql("DELETE FROM metrics_open_pipeline").update();
		}
		else {
			for (List<Long> chunk : chunks(opportunityIds)) {
				jdbc.sql("DELETE FROM metrics_open_pipeline WHERE opportunity_id IN (:ids)").param("ids", chunk).update();
			}
		}
		List<Object[]> rows = new ArrayList<>();
		sales.openPipeline(opportunityIds)
			.forEach(o -> rows.add(new Object[] { o.opportunityId(), o.staffId(), o.unitId(), Date.valueOf(o.month()),
					o.weighted() }));
		batch("INSERT INTO metrics_open_pipeline (opportunity_id, staff_id, unit_id, month_start, amount)"
				+ " VALUES (?, ?, ?, ?, ?)", rows);
		return rows.size();
	}

	/**
	 * Makes the facts of one kind of record in the cells ({@code people} x months) what {@code rows} say. A rebuild
	 * (everyone) deletes and inserts; a recompute of some people writes only the differences (changed amounts, rows
	 * gone, rows new), since a late or corrected record changes a few rows of the cells it touches.
	 */
	private long replace(Source source, @Nullable Collection<Long> people, LocalDate from, LocalDate to,
			List<Object[]> rows) {
		Map<String, Object> params = range(from, to);
		return replace(source, "month_start >= :from AND month_start < :to" + who(people, params), params,
				people == null, rows);
	}

	/** The same for the cells a condition selects ({@code everyone}: a rebuild of them). */
	private long replace(Source source, String where, Map<String, Object> params, boolean everyone,
			List<Object[]> rows) {
		params.put("measures", BaseMeasure.codesOf(source));
		String cells = "measure IN (:measures) AND (" + where + ")";
		if (everyone) {
			jdbc.sql("DELETE FROM metrics_fact WHERE " + cells).params(params).update();
			batch(INSERT_FACT, rows);
			return rows.size();
		}
		Map<List<Object>, BigDecimal> stored = new HashMap<>();
		jdbc.sql("SELECT staff_id, unit_id, month_start, line_id, measure, amount FROM metrics_fact WHERE " + cells)
			.params(params)
			.query(rs -> {
				stored.put(List.of(rs.getLong(1), rs.getLong(2), rs.getDate(3), rs.getLong(4), rs.getString(5)),
						rs.getBigDecimal(6));
			});
		List<Object[]> added = new ArrayList<>();
		List<Object[]> changed = new ArrayList<>();
		for (Object[] row : rows) {
			List<Object> key = List.of(row[0], row[1], row[2], row[3], row[4]);
			BigDecimal was = stored.remove(key);
			if (was == null) {
				added.add(row);
			}
			else if (was.compareTo((BigDecimal) row[5]) != 0) {
				changed.add(new Object[] { row[5], row[0], row[1], row[2], row[3], row[4] });
			}
		}
		batch("DELETE FROM metrics_fact WHERE staff_id = ? AND unit_id = ? AND month_start = ? AND line_id = ?"
				+ " AND measure = ?", stored.keySet().stream().map(List::toArray).toList());
		batch("UPDATE metrics_fact SET amount = ? WHERE staff_id = ? AND unit_id = ? AND month_start = ?"
				+ " AND line_id = ? AND measure = ?", changed);
		batch(INSERT_FACT, added);
		return rows.size();
	}

	private static String who(@Nullable Collection<Long> people, Map<String, Object> params) {
		if (people == null) {
			return "";
		}
		params.put("people", people.isEmpty() ? List.of(-1L) : people);
		return " AND staff_id IN (:people)";
	}

	/** A zero sum is no fact: cells hold only what happened, in the rebuild and the incremental state alike. */
	private static void add(List<Object[]> rows, long staff, long unit, LocalDate month, long line, BaseMeasure measure,
			BigDecimal amount) {
		if (amount.signum() != 0) {
			rows.add(new Object[] { staff, unit, Date.valueOf(month), line, measure.name(), amount });
		}
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int i = 0; i < rows.size(); i += BATCH) {
			template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
	}

	static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = new ArrayList<>(new HashSet<>(ids));
		List<List<Long>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += BATCH) {
			chunks.add(all.subList(i, Math.min(all.size(), i + BATCH)));
		}
		return chunks;
	}

	private static Map<String, Object> range(LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		return params;
	}
}
