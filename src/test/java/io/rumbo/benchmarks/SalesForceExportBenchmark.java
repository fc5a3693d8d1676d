package io.rumbo.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports whose size follows the sales force, at a small and a ten times larger one (500 and 5,000 generated
 * salespeople by default): a version's quotas by person and month, the people with a quota, the differences of a
 * revision, attainment by person, the leaderboard, metrics by person, a closed and an open evaluation cycle, the
 * nominations and the improvement plans. Each generated person gets, by set-based SQL (copies of a demo row over
 * {@code generate_series} or a join with the generated people), a revenue and a margin quota for every month of the
 * published version (and of a draft revising it by 5 %), the metrics facts of the demo person with the most facts, a
 * scorecard with the lines of a demo one in the closed and in the open demo cycle, a nomination on the closed one and
 * an improvement plan with the goals of a demo plan.
 * <p>
 * Each export runs over HTTP as the administrator (everyone in scope), CSV, repeated for at least three seconds while a
 * sampler collects and reads the heap every 100 ms; the largest reading is the figure, with the rows of one export.
 * The streamed exports (person-months, evaluation cycles, nominations, plans) must keep the large/small ratio under
 * 1.5; the others hold a set bounded by the people in scope (decision 0021) and are reported, with the growth in MB.
 * <p>
 * PostgreSQL only: {@code flock /work/wt/bench.lock ./mvnw -B -ntp -o -Pbenchmarks surefire:test
 * -Dtest=SalesForceExportBenchmark -DargLine=-Xmx2g -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<db>
 * -Dspring.datasource.username=postgres -Dspring.datasource.password=} (figures in docs/benchmarks.md); sizes by
 * {@code -Drumbo.bench.small=500 -Drumbo.bench.large=5000} (the defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class SalesForceExportBenchmark {

	/** An export: its address, whether it streams (ratio asserted) or holds a set bounded by the people in scope. */
	private record Kind(String name, String path, boolean streams) {
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	Clock clock;

	@Test
	void salesForceExportsAtTenTimesThePeople() throws Exception {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (H2 keeps its tables in the heap)");
		int small = Integer.getInteger("rumbo.bench.small", 500);
		int large = Integer.getInteger("rumbo.bench.large", 5_000);
		int year = calendar.years().yearOf(LocalDate.now(clock));
		long published = jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :year AND state = 'PUBLISHED'")
			.param("year", year).query(Long.class).single();
		long closed = jdbc.sql("SELECT MAX(id) FROM evaluation_cycle WHERE state = 'CLOSED'").query(Long.class).single();
		long open = jdbc.sql("SELECT MAX(id) FROM evaluation_cycle WHERE state = 'OPEN'").query(Long.class).single();
		long draft = draft(published);
		List<Kind> kinds = List.of(
				new Kind("quota person-months", "/api/v1/quotas/versions/" + published + "/person-months", true),
				new Kind("quota people", "/api/v1/quotas/" + year + "/people", false),
				new Kind("quota differences", "/api/v1/quotas/versions/" + draft + "/differences", false),
				new Kind("attainment by person", "/api/v1/attainment?by=person&measures=revenue,margin", false),
				new Kind("leaderboard", "/api/v1/attainment/leaderboard?measure=revenue", false),
				new Kind("metrics by person", "/api/v1/metrics?by=person&measures=revenue,margin,orders", false),
				new Kind("evaluation cycle (closed)", "/api/v1/evaluation/scorecards?cycleId=" + closed, true),
				new Kind("evaluation cycle (open, live figures)", "/api/v1/evaluation/scorecards?cycleId=" + open, true),
				new Kind("nominations", "/api/v1/evaluation/nominations", true),
				new Kind("improvement plans", "/api/v1/improvement-plans", true));
		Api api = new Api(port);
		String token = api.token("admin");
		Map<String, double[]> figures = new LinkedHashMap<>();
		jdbc.sql("CREATE TABLE bench_sf_unit AS SELECT ROW_NUMBER() OVER (ORDER BY unit_id) - 1 AS n, unit_id FROM ("
				+ " SELECT DISTINCT p.unit_id FROM quotas_person_month p JOIN quotas_release r"
				+ " ON r.version_id = p.version_id AND r.unit_id = p.unit_id WHERE p.version_id = :version) u")
			.param("version", published).update();
		for (int size : new int[] { small, large }) {
			long started = System.nanoTime();
			grow(size, published, draft, closed, open);
			System.out.printf("sales force exports: %,d generated people (%,d s to add)%n", size,
					(System.nanoTime() - started) / 1_000_000_000);
			for (Kind kind : kinds) {
				long[] rows = { 0 };
				double heap = sampled(() -> rows[0] = export(kind, token));
				assertThat(api.get("/actuator/health", "admin").status()).isEqualTo(200);
				System.out.printf("sales force export: %s at %,d people, %,d rows, heap %,.1f KB%n", kind.name(), size,
						rows[0], heap / 1024);
				figures.computeIfAbsent(kind.name(), k -> new double[2])[size == small ? 0 : 1] = heap / 1024;
			}
		}
		for (Kind kind : kinds) {
			double[] heap = figures.get(kind.name());
			System.out.printf("sales force export %s heap after collection KB: %,d people %,.1f, %,d people %,.1f,"
					+ " ratio %.2f, growth %,.1f MB (%s)%n", kind.name(), small, heap[0], large, heap[1],
					heap[1] / heap[0], (heap[1] - heap[0]) / 1024, kind.streams() ? "streams" : "bounded by people");
		}
		kinds.stream().filter(Kind::streams).forEach(kind -> {
			double[] heap = figures.get(kind.name());
			assertThat(heap[1] / heap[0]).as(kind.name()).isLessThan(1.5);
		});
	}

	/** A draft revising the published version, every person-month 5 % higher (filled in by {@link #grow}). */
	private long draft(long published) {
		jdbc.sql("""
				INSERT INTO quotas_version (fiscal_year, number, state, based_on_id, plan_version_id, reason, ramp,
				  created_by, created_at, version)
				SELECT fiscal_year, (SELECT MAX(number) + 1 FROM quotas_version v WHERE v.fiscal_year = q.fiscal_year),
				  'DRAFT', id, plan_version_id, 'benchmark', ramp, 'admin', created_at, 0
				FROM quotas_version q WHERE id = :published""").param("published", published).update();
		return jdbc.sql("SELECT id FROM quotas_version WHERE based_on_id = :published AND reason = 'benchmark'")
			.param("published", published).query(Long.class).single();
	}

	/** Adds the generated people up to {@code total}, with everything the exports list of them. */
	private void grow(int total, long published, long draft, long closed, long open) {
		int from = jdbc.sql("SELECT COUNT(*) FROM org_staff WHERE employee_number LIKE 'BENCHSF-%'").query(Integer.class)
			.single();
		LocalDate hired = LocalDate.now(clock).minusYears(3);
		jdbc.sql("""
				INSERT INTO org_staff (employee_number, first_name, last_name, email, hire_date, unit_id, job_role, status,
				  qualification_level, archived, version)
				SELECT 'BENCHSF-' || g, 'Bench', CAST(g AS VARCHAR(12)), NULL, :hired, u.unit_id, 'SALESPERSON', 'ACTIVE',
				  1, FALSE, 0
				FROM generate_series(:from, :to - 1) AS g
				JOIN bench_sf_unit u ON u.n = MOD(g, (SELECT COUNT(*) FROM bench_sf_unit))""")
			.param("hired", hired).param("from", from).param("to", total).update();
		jdbc.sql("DROP TABLE IF EXISTS bench_sf_new").update();
		jdbc.sql("CREATE TABLE bench_sf_new AS SELECT id AS staff_id, unit_id FROM org_staff"
				+ " WHERE employee_number LIKE 'BENCHSF-%' AND id NOT IN (SELECT staff_id FROM org_staff_assignment)")
			.update();
		jdbc.sql("INSERT INTO org_staff_assignment (staff_id, unit_id, valid_from, valid_to)"
				+ " SELECT staff_id, unit_id, :hired, NULL FROM bench_sf_new").param("hired", hired).update();
		for (long version : new long[] { published, draft }) {
			jdbc.sql("""
					INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount,
					  amount)
					SELECT :version, p.staff_id, p.unit_id, q.metric, m, q.amount, q.amount
					FROM bench_sf_new p CROSS JOIN generate_series(1, 12) AS m
					CROSS JOIN (SELECT 'REVENUE' AS metric, 10000 AS amount UNION ALL SELECT 'MARGIN', 4000) q""")
				.param("version", version).update();
		}
		jdbc.sql("""
				INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount, amount)
				SELECT :draft, p.staff_id, p.unit_id, p.metric, p.fiscal_month, p.full_amount, p.amount
				FROM quotas_person_month p WHERE p.version_id = :published AND NOT EXISTS (SELECT 1
				  FROM quotas_person_month d WHERE d.version_id = :draft AND d.staff_id = p.staff_id)""")
			.param("draft", draft).param("published", published).update();
		jdbc.sql("UPDATE quotas_person_month SET amount = amount * 1.05 WHERE version_id = :draft AND staff_id IN"
				+ " (SELECT staff_id FROM bench_sf_new)").param("draft", draft).update();
		// The facts of the demo person with the most of them, in one of their units, for every new person.
		jdbc.sql("""
				INSERT INTO metrics_fact (staff_id, unit_id, month_start, line_id, measure, amount)
				SELECT p.staff_id, p.unit_id, f.month_start, f.line_id, f.measure, f.amount
				FROM bench_sf_new p CROSS JOIN metrics_fact f
				WHERE (f.staff_id, f.unit_id) = (SELECT staff_id, MIN(unit_id) FROM metrics_fact
				  WHERE staff_id = (SELECT staff_id FROM metrics_fact GROUP BY staff_id ORDER BY COUNT(*) DESC, staff_id
				    LIMIT 1) GROUP BY staff_id)""").update();
		for (long cycle : new long[] { closed, open }) {
			jdbc.sql("""
					INSERT INTO evaluation_scorecard (cycle_id, staff_id, unit_id, state, score, outcome, strengths,
					  improvements, feedback, reviewed_by, reviewed_at, acknowledged_at, answer, version)
					SELECT t.cycle_id, p.staff_id, p.unit_id, t.state, t.score, t.outcome, t.strengths, t.improvements,
					  t.feedback, t.reviewed_by, t.reviewed_at, t.acknowledged_at, t.answer, 0
					FROM bench_sf_new p CROSS JOIN evaluation_scorecard t
					WHERE t.id = (SELECT MIN(id) FROM evaluation_scorecard WHERE cycle_id = :cycle)""")
				.param("cycle", cycle).update();
			jdbc.sql("""
					INSERT INTO evaluation_scorecard_line (scorecard_id, position, actual, target, attainment, credit,
					  rating, points)
					SELECT s.id, l.position, l.actual, l.target, l.attainment, l.credit, l.rating, l.points
					FROM evaluation_scorecard s JOIN bench_sf_new p ON p.staff_id = s.staff_id
					CROSS JOIN evaluation_scorecard_line l
					WHERE s.cycle_id = :cycle
					  AND l.scorecard_id = (SELECT MIN(id) FROM evaluation_scorecard WHERE cycle_id = :cycle)""")
				.param("cycle", cycle).update();
		}
		jdbc.sql("""
				INSERT INTO evaluation_nomination (scorecard_id, cycle_id, staff_id, unit_id, score, reason, nominated_by,
				  nominated_at)
				SELECT s.id, s.cycle_id, s.staff_id, s.unit_id, s.score, 'Benchmark', 'director', CURRENT_TIMESTAMP
				FROM evaluation_scorecard s JOIN bench_sf_new p ON p.staff_id = s.staff_id WHERE s.cycle_id = :cycle""")
			.param("cycle", closed).update();
		long plan = jdbc.sql("SELECT MIN(p.id) FROM improvement_plan p WHERE EXISTS (SELECT 1 FROM improvement_goal g"
				+ " WHERE g.plan_id = p.id)").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO improvement_plan (staff_id, unit_id, title, reason, status, starts_on, ends_on,
				  check_in_every_days, last_check_in_on, opened_by, opened_on, activated_on, closed_on, outcome,
				  outcome_reason, extensions, version)
				SELECT p.staff_id, p.unit_id, t.title, t.reason, t.status, t.starts_on, t.ends_on, t.check_in_every_days,
				  t.last_check_in_on, t.opened_by, t.opened_on, t.activated_on, t.closed_on, t.outcome, t.outcome_reason,
				  t.extensions, 0
				FROM bench_sf_new p CROSS JOIN improvement_plan t WHERE t.id = :plan""").param("plan", plan).update();
		jdbc.sql("""
				INSERT INTO improvement_goal (plan_id, position, name, metric, comparison, target, grain, due_on, progress)
				SELECT n.id, g.position, g.name, g.metric, g.comparison, g.target, g.grain, g.due_on, g.progress
				FROM improvement_plan n JOIN bench_sf_new p ON p.staff_id = n.staff_id CROSS JOIN improvement_goal g
				WHERE g.plan_id = :plan""").param("plan", plan).update();
		for (String table : List.of("org_staff", "org_staff_assignment", "quotas_person_month", "metrics_fact",
				"evaluation_scorecard", "evaluation_scorecard_line", "evaluation_nomination", "improvement_plan",
				"improvement_goal")) {
			jdbc.sql("ANALYZE " + table).update();
		}
	}

	/** Streams the export as CSV over HTTP; the rows it had. */
	private long export(Kind kind, String token) {
		try {
			HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + kind.path()))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "text/csv")
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).as(kind.name()).isEqualTo(200);
			return response.body().count() - 1;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Repeats the export for at least three seconds (twice at least) while a sampler collects and reads the heap every
	 * 100 ms (an export of a few thousand rows takes less than a sampling interval of the larger benchmark); the largest
	 * reading.
	 */
	private static double sampled(Runnable export) throws InterruptedException {
		AtomicBoolean done = new AtomicBoolean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!done.get()) {
				System.gc();
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		try {
			long until = System.nanoTime() + 3_000_000_000L;
			for (int run = 0; run < 2 || System.nanoTime() < until; run++) {
				export.run();
			}
		}
		finally {
			done.set(true);
			sampler.join();
		}
		return peak.get();
	}
}
