package io.rumbo.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order totals and plan performance on the demo company and again after synthetic orders bring the order lines to
 * 1,000,000, for the administrator (who sees every row) and for the demo salesperson {@code rep}, whose rows (their
 * own orders, and their unit's for plan performance) the synthetic ones, credited to people of other units, leave
 * untouched. The claim: the salesperson's requests cost what their rows cost, whatever the rest of the table holds;
 * the administrator's figures follow the company's rows. Each figure is the fastest of seven calls after three
 * warm-up calls (the machine is shared: the fastest call is the one least disturbed by other work); the baseline is
 * the same request on the demo-sized data in the same run.
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

	@Test
	void totalsAndPlanPerformanceFollowTheRowsInScope() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		int lines = Integer.getInteger("rumbo.bench.lines", 1_000_000);
		Api api = new Api(port);
		long planId = api.get("/api/v1/plans", "admin").json().get("content").get(0).get("id").asLong();
		long repStaff = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
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

		long repOrders = repOrders(repStaff);
		Map<String, Double> demo = measure(api, requests);
		long started = System.nanoTime();
		grow(lines, repStaff);
		System.out.printf("totals: %,d order lines (%,d s to add them); rep credited with %,d orders before, %,d after%n",
				jdbc.sql("SELECT COUNT(*) FROM sales_order_line").query(Long.class).single(),
				(System.nanoTime() - started) / 1_000_000_000, repOrders, repOrders(repStaff));
		assertThat(repOrders(repStaff)).isEqualTo(repOrders);
		Map<String, Double> grown = measure(api, requests);

		for (String key : requests.keySet()) {
			System.out.printf("totals %s ms: demo %,.1f, %,d lines %,.1f, ratio %.2f%n", key, demo.get(key), lines,
					grown.get(key), grown.get(key) / demo.get(key));
		}
		for (String key : requests.keySet()) {
			if (key.startsWith("rep")) {
				// The salesperson's rows did not change; a walk of the whole table would cost ten times more or worse.
				assertThat(grown.get(key) / demo.get(key)).as(key).isLessThan(3.0);
			}
		}
	}

	private long repOrders(long repStaff) {
		return jdbc.sql("SELECT COUNT(*) FROM sales_order_credit WHERE staff_id = :staff").param("staff", repStaff)
			.query(Long.class).single();
	}

	/**
	 * Adds booked orders of five lines, credited in turn to the demo's salespeople of units other than the
	 * salesperson's and spread over the demo's two years of dates, until the order lines number {@code total}: a few
	 * set-based statements.
	 */
	private void grow(int total, long repStaff) {
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
				JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM customer_account) c
				  ON c.n = MOD(g, (SELECT COUNT(*) FROM customer_account))""")
			.param("orders", orders)
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
