package io.rumbo.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.metrics.domain.FactStore;
import io.rumbo.organization.StaffId;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics engine at size: N salespeople and M order lines (a fifth of the orders split 60/40 between two people)
 * on PostgreSQL. Measures (1) a quarter's revenue for every person read from the facts ({@code MetricsQuery.byPerson},
 * what quota attainment reads) against one hand-written aggregate over the raw lines, (2) bringing the facts up to
 * date after 1 % late lines (orders dated in past months) against a full rebuild. Each read is the fastest of seven
 * after three warm-up runs (the machine is shared).
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=MetricsBenchmark
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres}; sizes by
 * {@code -Drumbo.bench.people=500 -Drumbo.bench.lines=1000000} (the defaults).
 */
@SpringBootTest
@Import(CleanDatabase.class)
class MetricsBenchmark {

	static final int LINES_PER_ORDER = 5;

	static final long FIRST_PERSON = 9_000_000L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MetricsQuery query;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	FactStore store;

	@Autowired
	TransactionTemplate tx;

	@Test
	void quarterReadsAndLateLinesCostAFractionOfTheRawWork() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		int people = Integer.getInteger("rumbo.bench.people", 500);
		int lines = Integer.getInteger("rumbo.bench.lines", 1_000_000);
		LocalDate last = LocalDate.of(2030, 12, 31);
		long started = System.nanoTime();
		orders("BENCH-M-", lines / LINES_PER_ORDER, people, last, 730);
		System.out.printf("metrics: %,d people, %,d order lines added in %,d s%n", people,
				jdbc.sql("SELECT COUNT(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id"
						+ " WHERE o.order_number LIKE 'BENCH-M-%'").query(Long.class).single(),
				(System.nanoTime() - started) / 1_000_000_000);

		MetricsRebuild.Report full = rebuild.rebuildAll("benchmark");
		System.out.printf("metrics full rebuild: %,d ms, %,d rows%n", full.millis(), full.totalRows());

		FiscalPeriod quarter = new FiscalPeriod(LocalDate.of(2030, 7, 1), LocalDate.of(2030, 10, 1));
		List<StaffId> everyone = new ArrayList<>();
		for (int n = 0; n < people; n++) {
			everyone.add(StaffId.of(FIRST_PERSON + n));
		}
		Map<StaffId, BigDecimal>[] fromFacts = new Map[1];
		double facts = fastest(() -> fromFacts[0] = query.byPerson(Metric.REVENUE, quarter, everyone));
		Map<Long, BigDecimal> raw = new java.util.HashMap<>();
		double direct = fastest(() -> {
			raw.clear();
			jdbc.sql("SELECT c.staff_id, SUM(l.net_amount * c.share_percent) / 100 FROM sales_order o"
					+ " JOIN sales_order_credit c ON c.order_id = o.id JOIN sales_order_line l ON l.order_id = o.id"
					+ " WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to"
					+ " AND c.staff_id IN (:people) GROUP BY c.staff_id")
				.param("from", quarter.start()).param("to", quarter.end())
				.param("people", everyone.stream().map(StaffId::value).toList())
				.query(rs -> {
					raw.put(rs.getLong(1), rs.getBigDecimal(2));
				});
			return raw;
		});
		raw.forEach((p, v) -> assertThat(fromFacts[0].get(StaffId.of(p))).as("person " + p)
			.isEqualByComparingTo(v.setScale(2, java.math.RoundingMode.HALF_UP)));
		System.out.printf("metrics quarter revenue of %,d people ms: facts %,.1f, raw aggregate %,.1f, ratio %.3f%n",
				people, facts, direct, facts / direct);

		// 1 % late lines: orders dated in past months, then only the people x months they touch are recomputed.
		int late = lines / 100 / LINES_PER_ORDER;
		orders("BENCH-L-", late, people, last.minusMonths(6), 365);
		long catchUp = System.nanoTime();
		tx.executeWithoutResult(s -> {
			store.lock();
			record Cell(long staff, LocalDate month) {
			}
			Map<LocalDate, List<Long>> cells = new java.util.TreeMap<>();
			jdbc.sql("SELECT DISTINCT c.staff_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date)"
					+ " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id"
					+ " WHERE o.order_number LIKE 'BENCH-L-%'")
				.query(rs -> {
					cells.computeIfAbsent(LocalDate.of(rs.getInt(2), rs.getInt(3), 1), k -> new ArrayList<>())
						.add(rs.getLong(1));
				});
			cells.forEach((month, who) -> store.orders(who, month, month.plusMonths(1)));
			store.firstPurchases(jdbc.sql("SELECT DISTINCT customer_id FROM sales_order WHERE order_number LIKE"
					+ " 'BENCH-L-%'").query(Long.class).list());
		});
		double incremental = (System.nanoTime() - catchUp) / 1e6;
		MetricsRebuild.Report again = rebuild.rebuildAll("benchmark");
		System.out.printf("metrics after %,d late lines ms: catch-up %,.1f, full rebuild %,d, ratio %.3f%n",
				late * LINES_PER_ORDER, incremental, again.millis(), incremental / again.millis());
	}

	/**
	 * Booked orders of five lines spread over {@code days} days up to {@code last}, credited to synthetic people
	 * (every fifth order split 60/40 with the next person), in the demo's units: a few set-based statements.
	 */
	private void orders(String prefix, int orders, int people, LocalDate last, int days) {
		jdbc.sql("""
				INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount, cost_amount,
				  margin_amount, units, version)
				SELECT :prefix || g, c.id, CAST(:last AS DATE) - CAST(MOD(g * 7, :days) AS INTEGER), 'BOOKED', 500, 300,
				  200, 10, 0
				FROM generate_series(1, CAST(:orders AS BIGINT)) AS g
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM customer_account) c
				  ON c.n = MOD(g, (SELECT COUNT(*) FROM customer_account))""")
			.param("prefix", prefix).param("orders", orders).param("last", last).param("days", days).update();
		jdbc.sql("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  unit_cost, net_amount, cost_amount, margin_amount)
				SELECT o.id, k, p.id, 2, 50, 0, 30, 100, 60, 40
				FROM sales_order o CROSS JOIN generate_series(1, 5) AS k
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM catalog_product) p
				  ON p.n = MOD(o.id + k, (SELECT COUNT(*) FROM catalog_product))
				WHERE o.order_number LIKE :like""").param("like", prefix + "%").update();
		jdbc.sql("""
				INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)
				SELECT o.id, :first + MOD(o.id, :people), u.id, CASE WHEN MOD(o.id, 5) = 0 THEN 60 ELSE 100 END
				FROM sales_order o
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM org_unit) u
				  ON u.n = MOD(o.id, (SELECT COUNT(*) FROM org_unit))
				WHERE o.order_number LIKE :like""")
			.param("first", FIRST_PERSON).param("people", people).param("like", prefix + "%").update();
		jdbc.sql("""
				INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)
				SELECT o.id, :first + MOD(o.id + 1, :people), u.id, 40
				FROM sales_order o
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM org_unit) u
				  ON u.n = MOD(o.id + 1, (SELECT COUNT(*) FROM org_unit))
				WHERE o.order_number LIKE :like AND MOD(o.id, 5) = 0""")
			.param("first", FIRST_PERSON).param("people", people).param("like", prefix + "%").update();
		jdbc.sql("ANALYZE sales_order").update();
		jdbc.sql("ANALYZE sales_order_line").update();
		jdbc.sql("ANALYZE sales_order_credit").update();
	}

	private static double fastest(Supplier<?> read) {
		List<Double> times = new ArrayList<>();
		for (int run = 0; run < 10; run++) {
			long started = System.nanoTime();
			read.get();
			if (run >= 3) {
				times.add((System.nanoTime() - started) / 1e6);
			}
		}
		return Collections.min(times);
	}
}
