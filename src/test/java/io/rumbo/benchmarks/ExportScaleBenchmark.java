package io.rumbo.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.export.TableWriter;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.Api;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export kind at two sizes of its table in one run: the heap in use after a collection, sampled while the export
 * streams, must stay flat when the table grows tenfold. The exports run over HTTP through the API endpoints (the
 * audit trail, which has only a page export, through its facade), the body read and thrown away by the client. Rows
 * are added by set-based SQL (copies of a demo row over {@code generate_series}, unique columns numbered).
 * <p>
 * PostgreSQL only (H2 keeps its tables in the heap being measured):
 * {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=ExportScaleBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres}; sizes
 * by {@code -Drumbo.bench.small=200000 -Drumbo.bench.large=2000000} (the defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class ExportScaleBenchmark {

	/** A kind: its table, the API list that exports it, and the unique columns a copy must renumber. */
	private record Kind(String name, String table, String path, Map<String, String> renumbered) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("products", "catalog_product", "/api/v1/products", Map.of("sku", "'BENCH-' || n")),
			new Kind("staff", "org_staff", "/api/v1/staff",
					Map.of("employee_number", "'B' || n", "user_id", "NULL")),
			new Kind("users", "identity_user", "/api/v1/users", Map.of("username", "'bench' || n")),
			new Kind("activities", "sales_activity", "/api/v1/activities", Map.of("external_id", "'BENCH-VIS-' || n")),
			new Kind("opportunities", "sales_opportunity", "/api/v1/opportunities", Map.of()),
			new Kind("tasks", "sales_task", "/api/v1/tasks", Map.of()),
			new Kind("service cases", "customer_service_case", "/api/v1/service-cases",
					Map.of("case_number", "'BC-' || n", "external_id", "'BENCH-CASE-' || n")),
			new Kind("orders (one row per line)", "sales_order", "/api/v1/orders",
					Map.of("order_number", "'BO-' || n", "external_number", "'BENCH-ORD-' || n")),
			new Kind("audit", "identity_audit_event", "", Map.of()));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void everyExportHoldsTheSameHeapAtTenTimesTheRows() throws Exception {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (H2 keeps its tables in the heap)");
		int small = Integer.getInteger("rumbo.bench.small", 200_000);
		int large = Integer.getInteger("rumbo.bench.large", 2_000_000);
		Api api = new Api(port);
		String token = api.token("admin");
		Map<String, double[]> figures = new LinkedHashMap<>();
		for (int size : new int[] { small, large }) {
			for (Kind kind : KINDS) {
				long started = System.nanoTime();
				grow(kind, size);
				long grown = (System.nanoTime() - started) / 1_000_000_000;
				double heap = 0;
				long rows = 0;
				for (int run = 0; run < 2; run++) {
					long[] exported = { 0 };
					heap = sampled(() -> exported[0] = export(kind, token));
					rows = exported[0];
					assertThat(api.get("/actuator/health", "admin").status()).isEqualTo(200);
				}
				System.out.printf("export scale: %s, %,d rows in the table (%,d s to add), %,d exported, heap %,.1f KB%n",
						kind.name(), count(kind), grown, rows, heap / 1024);
				figures.computeIfAbsent(kind.name(), k -> new double[2])[size == small ? 0 : 1] = heap / 1024;
			}
		}
		figures.forEach((kind, heap) -> System.out.printf(
				"export scale %s heap after collection KB: %,d rows %,.1f, %,d rows %,.1f, ratio %.2f%n", kind, small,
				heap[0], large, heap[1], heap[1] / heap[0]));
		figures.forEach((kind, heap) -> assertThat(heap[1] / heap[0]).as(kind).isLessThan(1.5));
	}

	private long count(Kind kind) {
		return jdbc.sql("SELECT COUNT(*) FROM " + kind.table()).query(Long.class).single();
	}

	/** Copies the table's first row until it holds {@code total} rows, in one INSERT ... SELECT. */
	private void grow(Kind kind, long total) {
		long missing = total - count(kind);
		if (missing <= 0) {
			return;
		}
		List<String> columns = jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_name = :table AND table_schema = current_schema() AND column_name <> 'id'
				ORDER BY ordinal_position""").param("table", kind.table()).query(String.class).list();
		String values = columns.stream()
			.map(c -> kind.renumbered().getOrDefault(c, "t." + c))
			.collect(Collectors.joining(", "));
		long first = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + kind.table()).query(Long.class).single() + 1;
		jdbc.sql("INSERT INTO " + kind.table() + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM "
				+ kind.table() + " t CROSS JOIN generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS g(n)"
				+ " WHERE t.id = (SELECT MIN(id) FROM " + kind.table() + ")")
			.param("from", first)
			.param("to", first + missing - 1)
			.update();
		if (kind.table().equals("sales_order")) {
			// Each copied order gets a copy of the first order's first line, so the export has a line per order.
			List<String> lineColumns = jdbc.sql("""
					SELECT column_name FROM information_schema.columns
					WHERE table_name = 'sales_order_line' AND table_schema = current_schema()
					  AND column_name NOT IN ('order_id', 'line_no')
					ORDER BY ordinal_position""").query(String.class).list();
			jdbc.sql("INSERT INTO sales_order_line (order_id, line_no, " + String.join(", ", lineColumns) + ") SELECT o.id, 1, "
					+ lineColumns.stream().map(c -> "l." + c).collect(Collectors.joining(", "))
					+ " FROM sales_order o CROSS JOIN sales_order_line l WHERE o.external_number LIKE 'BENCH-ORD-%'"
					+ " AND NOT EXISTS (SELECT 1 FROM sales_order_line x WHERE x.order_id = o.id)"
					+ " AND (l.order_id, l.line_no) = (SELECT order_id, MIN(line_no) FROM sales_order_line"
					+ " WHERE order_id = (SELECT MIN(order_id) FROM sales_order_line) GROUP BY order_id)")
				.update();
		}
		jdbc.sql("ANALYZE " + kind.table()).update();
	}

	/** Streams the kind's whole export as CSV; the rows it had. */
	private long export(Kind kind, String token) {
		if (kind.path().isEmpty()) {
			CurrentUser admin = new CurrentUser(new UserId(jdbc.sql("SELECT id FROM identity_user WHERE username = 'admin'")
				.query(Long.class).single()), "admin", "Admin", Set.of(Role.ADMIN));
			long[] rows = { 0 };
			try (TableWriter table = Exports.open(ExportFormat.CSV, OutputStream.nullOutputStream(),
					List.of("id", "occurredAt", "actor", "action", "summary"))) {
				audit.each(admin, new AuditTrail.Filter(null, null, null, null, null, null),
						ListQuery.of(0, 1, List.of("occurredAt"), AuditTrail.SORTS, "occurredAt").unpaged(), e -> {
							table.row(e.id(), e.occurredAt(), e.actor(), e.action(), e.summary());
							rows[0]++;
						});
			}
			return rows[0];
		}
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

	/** Runs the export while a sampler collects and reads the heap every half second; the largest reading. */
	private static double sampled(Runnable export) throws InterruptedException {
		AtomicBoolean done = new AtomicBoolean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!done.get()) {
				System.gc();
				peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		try {
			export.run();
		}
		finally {
			done.set(true);
			sampler.join();
		}
		return peak.get();
	}
}
