package io.rumbo.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.PlanActuals;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.support.Api;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order totals, plan performance and a customer's page on the demo company and again after synthetic orders bring
 * the order lines to 1,000,000, for the administrator (who sees every row) and for the demo salesperson {@code rep},
 * whose rows (their own orders, and their unit's for plan performance) the synthetic ones, credited to people of
 * other units, leave untouched; one of the rep's customers gets no synthetic order either. The claim: the
 * salesperson's requests and that customer's page cost what their rows cost, whatever the rest of the table holds;
 * the administrator's order totals follow the company's orders, and plan performance, read from the metrics facts,
 * follows the facts' rows (people x units x months x lines), not the order lines. In the same run, on the grown
 * data, planning's actuals read from the facts are timed against the grouped statement over the order lines that
 * planning ran before the facts (for the company and for the rep's unit), and ten clients ask for the rep's plan
 * performance at once. Each figure is the fastest of seven calls after three warm-up calls (the machine is shared:
 * the fastest call is the one least disturbed by other work); the baseline is the same request on the demo-sized
 * data in the same run. The synthetic orders are written without events, so the facts are rebuilt after them, as
 * an administrator would after a bulk load.
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=OrderTotalsBenchmark
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres}; the
 * number of lines by {@code -Drumbo.bench.lines=1000000} (the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class OrderTotalsBenchmark {

	static final int LINES_PER_ORDER = 5;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanActuals planActuals;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	Clock clock;

	@Test
	void totalsAndPlanPerformanceFollowTheRowsInScope() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		int lines = Integer.getInteger("rumbo.bench.lines", 1_000_000);
		Api api = new Api(port);
		long planId = api.get("/api/v1/plans", "admin").json().get("content").get(0).get("id").asLong();
		long repStaff = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long repUnit = api.get("/api/v1/staff/me", "rep").json().get("unitId").asLong();
		// The rep's account with the most orders: the synthetic orders leave it alone.
		long customer = jdbc.sql("""
				SELECT o.customer_id FROM sales_order o JOIN customer_account a ON a.id = o.customer_id
				WHERE a.owner_staff_id = :rep GROUP BY o.customer_id ORDER BY COUNT(*) DESC, o.customer_id LIMIT 1""")
			.param("rep", repStaff).query(Long.class).single();
		String month = jdbc.sql("SELECT CAST(MAX(order_date) AS VARCHAR(10)) FROM sales_order").query(String.class)
			.single().substring(0, 7);
		Map<String, String> requests = new LinkedHashMap<>();
		requests.put("admin order totals", "admin /api/v1/orders/totals");
		requests.put("admin order totals of one month", "admin /api/v1/orders/totals?from=" + month + "-01&to=" + month
				+ "-28");
		requests.put("admin plan performance", "admin /api/v1/plans/" + planId + "/performance");
		requests.put("rep order totals", "rep /api/v1/orders/totals");
		requests.put("rep order list", "rep /api/v1/orders");
		requests.put("rep plan performance", "rep /api/v1/plans/" + planId + "/performance");
		requests.put("rep plan performance by line", "rep /api/v1/plans/" + planId + "/performance?by=line");
		requests.put("rep customer page facts", "rep /api/v1/customers/" + customer + "/sales");
		String repPerformance = "/api/v1/plans/" + planId + "/performance";

		long repOrders = repOrders(repStaff);
		Map<String, Double> demo = measure(api, requests);
		double[] demoConcurrent = concurrently(api, "rep", repPerformance, 10, 5);
		long started = System.nanoTime();
		grow(lines, repStaff, customer);
		System.out.printf("totals: %,d order lines (%,d s to add them); rep credited with %,d orders before, %,d after%n",
				jdbc.sql("SELECT COUNT(*) FROM sales_order_line").query(Long.class).single(),
				(System.nanoTime() - started) / 1_000_000_000, repOrders, repOrders(repStaff));
		assertThat(repOrders(repStaff)).isEqualTo(repOrders);
		MetricsRebuild.Report report = rebuild.rebuildAll("benchmark");
		System.out.printf("totals: metrics facts rebuilt in %,d ms (%,d rows, %,d fact rows in the table)%n",
				report.millis(), report.totalRows(),
				jdbc.sql("SELECT COUNT(*) FROM metrics_fact").query(Long.class).single());
		jdbc.sql("ANALYZE metrics_fact").update();
		Map<String, Double> grown = measure(api, requests);
		double[] grownConcurrent = concurrently(api, "rep", repPerformance, 10, 5);

		for (String key : requests.keySet()) {
			System.out.printf("totals %s ms: demo %,.1f, %,d lines %,.1f, ratio %.2f%n", key, demo.get(key), lines,
					grown.get(key), grown.get(key) / demo.get(key));
		}
		System.out.printf("totals rep plan performance, 10 clients at once, ms: demo p50 %,.1f max %,.1f; %,d lines p50"
				+ " %,.1f max %,.1f%n", demoConcurrent[0], demoConcurrent[1], lines, grownConcurrent[0],
				grownConcurrent[1]);

		// Planning's actuals of this fiscal year so far, from the facts against the statement planning ran before.
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		FiscalPeriod year = years.year(years.yearOf(today));
		FiscalPeriod months = new FiscalPeriod(year.start(), years.month(years.yearOf(today), years.monthOf(today)).end());
		LocalDate tomorrow = today.plusDays(1);
		for (String who : List.of("company", "rep's unit")) {
			Collection<Long> units = who.equals("company") ? null : List.of(repUnit);
			BigDecimal raw = rawRevenue(year.start(), tomorrow, units);
			BigDecimal facts = factsRevenue(months, units);
			assertThat(facts).as(who + ": the facts give the order lines' figure").isEqualByComparingTo(raw);
			double rawMs = fastest(() -> rawRevenue(year.start(), tomorrow, units));
			double factsMs = fastest(() -> factsRevenue(months, units));
			System.out.printf("totals plan actuals of the %s ms, %,d lines: order lines %,.1f, facts %,.1f, ratio %.3f%n",
					who, lines, rawMs, factsMs, factsMs / rawMs);
			assertThat(factsMs / rawMs).as(who + ": facts against the order lines").isLessThan(0.2);
		}
		for (String key : requests.keySet()) {
			if (key.startsWith("rep")) {
				// The salesperson's rows did not change; a walk of the whole table would cost ten times more or worse.
				assertThat(grown.get(key) / demo.get(key)).as(key).isLessThan(3.0);
			}
		}
		// The company's plan performance reads facts, whose rows grow with people and months, not with lines.
		assertThat(grown.get("admin plan performance") / demo.get("admin plan performance")).isLessThan(3.0);
	}

	/**
	 * The statement planning ran over the order lines before the facts (sales' former {@code SalesResultsQueries.products},
	 * grouped by person, unit, month and product), summed here to the period's revenue; {@code units} null: the company.
	 */
	private BigDecimal rawRevenue(LocalDate from, LocalDate to, Collection<Long> units) {
		BigDecimal[] total = { BigDecimal.ZERO };
		jdbc.sql("""
				SELECT c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				       l.product_id, SUM(l.net_amount * c.share_percent), SUM(l.quantity * c.share_percent),
				       SUM(l.margin_amount * c.share_percent)
				FROM sales_order o
				JOIN sales_order_line l ON l.order_id = o.id
				JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to""" + (units == null ? ""
				: " AND c.unit_id IN (:units)") + """

				GROUP BY c.staff_id, c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				         l.product_id""")
			.params(units == null ? Map.of("from", from, "to", to) : Map.of("from", from, "to", to, "units", units))
			.query(rs -> {
				total[0] = total[0].add(rs.getBigDecimal(6).movePointLeft(2));
			});
		return total[0];
	}

	private BigDecimal factsRevenue(FiscalPeriod months, Collection<Long> units) {
		return planActuals.actuals(months, units == null ? null : units.stream().map(UnitId::of).toList()).stream()
			.map(PlanActuals.Actual::revenue)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The fastest of seven runs after three warm-up runs, in milliseconds. */
	private static double fastest(Supplier<?> work) {
		List<Double> times = new ArrayList<>();
		for (int run = 0; run < 10; run++) {
			long started = System.nanoTime();
			work.get();
			if (run >= 3) {
				times.add((System.nanoTime() - started) / 1e6);
			}
		}
		return Collections.min(times);
	}

	/**
	 * {@code clients} threads each ask for the page {@code rounds} times at once (after one warm-up call each): the
	 * median and the slowest answer, in milliseconds.
	 */
	private static double[] concurrently(Api api, String user, String path, int clients, int rounds) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<List<Double>>> answers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				answers.add(pool.submit(() -> {
					List<Double> times = new ArrayList<>();
					for (int run = 0; run <= rounds; run++) {
						long started = System.nanoTime();
						Api.Response answer = api.get(path, user);
						assertThat(answer.status()).isEqualTo(200);
						if (run > 0) {
							times.add((System.nanoTime() - started) / 1e6);
						}
					}
					return times;
				}));
			}
			List<Double> all = new ArrayList<>();
			for (Future<List<Double>> answer : answers) {
				all.addAll(answer.get());
			}
			Collections.sort(all);
			return new double[] { all.get(all.size() / 2), all.get(all.size() - 1) };
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long repOrders(long repStaff) {
		return jdbc.sql("SELECT COUNT(*) FROM sales_order_credit WHERE staff_id = :staff").param("staff", repStaff)
			.query(Long.class).single();
	}

	/**
	 * Adds booked orders of five lines, credited in turn to the demo's salespeople of units other than the
	 * salesperson's, for every customer but {@code keptCustomer}, spread over the demo's two years of dates, until the
	 * order lines number {@code total}: a few set-based statements.
	 */
	private void grow(int total, long repStaff, long keptCustomer) {
		long have = jdbc.sql("SELECT COUNT(*) FROM sales_order_line").query(Long.class).single();
		long orders = Math.max(0, (total - have) / LINES_PER_ORDER);
		jdbc.sql("""
				CREATE TEMPORARY TABLE bench_seller AS
				SELECT ROW_NUMBER() OVER (ORDER BY staff_id) - 1 AS n, staff_id, unit_id
				FROM (SELECT DISTINCT staff_id, unit_id FROM sales_order_credit
				      WHERE unit_id NOT IN (SELECT unit_id FROM sales_order_credit WHERE staff_id = :rep)) s""")
			.param("rep", repStaff).update();
		jdbc.sql("""
				CREATE TEMPORARY TABLE bench_product AS
				SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, list_price FROM catalog_product""").update();
		long sellers = jdbc.sql("SELECT COUNT(*) FROM bench_seller").query(Long.class).single();
		long products = jdbc.sql("SELECT COUNT(*) FROM bench_product").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount, cost_amount,
				  margin_amount, units, version)
				SELECT 'BENCH-' || g, c.id, CAST(:last AS DATE) - CAST(MOD(g * 7, 730) AS INTEGER), 'BOOKED', 500, 300, 200,
				  10, 0
				FROM generate_series(1, CAST(:orders AS BIGINT)) AS g
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM customer_account WHERE id <> :kept) c
				  ON c.n = MOD(g, (SELECT COUNT(*) FROM customer_account WHERE id <> :kept))""")
			.param("orders", orders)
			.param("kept", keptCustomer)
			.param("last", jdbc.sql("SELECT MAX(order_date) FROM sales_order").query(java.time.LocalDate.class).single())
			.update();
		jdbc.sql("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  unit_cost, net_amount, cost_amount, margin_amount)
				SELECT o.id, k, p.id, 2, 50, 0, 30, 100, 60, 40
				FROM sales_order o CROSS JOIN generate_series(1, 5) AS k
				JOIN bench_product p ON p.n = MOD(o.id + k, :products)
				WHERE o.order_number LIKE 'BENCH-%'""")
			.param("products", products).update();
		jdbc.sql("""
				INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)
				SELECT o.id, s.staff_id, s.unit_id, 100
				FROM sales_order o JOIN bench_seller s ON s.n = MOD(o.id, :sellers)
				WHERE o.order_number LIKE 'BENCH-%'""")
			.param("sellers", sellers).update();
		jdbc.sql("ANALYZE sales_order").update();
		jdbc.sql("ANALYZE sales_order_line").update();
		jdbc.sql("ANALYZE sales_order_credit").update();
	}

	private Map<String, Double> measure(Api api, Map<String, String> requests) {
		Map<String, Double> figures = new LinkedHashMap<>();
		requests.forEach((key, request) -> {
			String user = request.substring(0, request.indexOf(' '));
			String path = request.substring(request.indexOf(' ') + 1);
			List<Double> times = new ArrayList<>();
			for (int run = 0; run < 10; run++) {
				long started = System.nanoTime();
				Api.Response answer = api.get(path, user);
				double ms = (System.nanoTime() - started) / 1e6;
				assertThat(answer.status()).as(key + " " + answer.body()).isEqualTo(200);
				if (run >= 3) {
					times.add(ms);
				}
			}
			figures.put(key, Collections.min(times));
		});
		return figures;
	}
}
