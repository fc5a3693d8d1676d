package io.rumbo.benchmarks;

import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.imports.ImportUpload;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order import against PostgreSQL's own bulk load, at two file sizes in one run: each file (five lines per order,
 * the demo's accounts and products) is first COPYed into a plain table (the baseline), then imported (new orders),
 * then imported again (every order unchanged). Printed: rows/s of each, the import's speed as a share of COPY's, and
 * the heap in use after a collection once every row of the file has been read and staged (the import's high-water
 * mark: later steps are SQL statements). The import runs through the import service the endpoint uses, in the
 * server's JVM (an upload over HTTP would also measure the test's own copy of the file).
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=OrderImportBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres}; sizes
 * by {@code -Drumbo.bench.small=100000 -Drumbo.bench.large=1000000} (the defaults).
 */
@SpringBootTest
@Import(CleanDatabase.class)
class OrderImportBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ImportService imports;

	@Test
	void importsOrderLinesAtAGoodShareOfCopyWithFlatMemory() throws Exception {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (COPY is the baseline)");
		int small = Integer.getInteger("rumbo.bench.small", 100_000);
		int large = Integer.getInteger("rumbo.bench.large", 1_000_000);
		CurrentUser admin = new CurrentUser(new UserId(jdbc.sql("SELECT id FROM identity_user WHERE username = 'admin'")
			.query(Long.class).single()), "admin", "Admin", Set.of(Role.ADMIN));
		List<String> customers = jdbc.sql("SELECT external_id FROM customer_account WHERE owner_staff_id IS NOT NULL"
				+ " AND archived = FALSE ORDER BY id FETCH FIRST 200 ROWS ONLY").query(String.class).list();
		List<String> skus = jdbc.sql("SELECT sku FROM catalog_product WHERE active = TRUE ORDER BY id FETCH FIRST 20"
				+ " ROWS ONLY").query(String.class).list();
		jdbc.sql("DROP TABLE IF EXISTS bench_order_copy").update();
		jdbc.sql("""
				CREATE TABLE bench_order_copy (order_no VARCHAR(64), order_date DATE, customer VARCHAR(64),
				  sku VARCHAR(40), quantity NUMERIC(19, 4), unit_price NUMERIC(19, 4), discount_percent NUMERIC(7, 4))""")
			.update();
		Map<String, Double> figures = new LinkedHashMap<>();
		try {
			for (int size : List.of(small, large)) {
				Path file = file(size, customers, skus);
				System.out.printf("orders: %,d lines, %,d KB of CSV%n", size, Files.size(file) / 1024);
				double copy = copy(file);
				jdbc.sql("TRUNCATE bench_order_copy").update();
				figures.put(size + " copy rows/s", size / copy);
				file.toFile().deleteOnExit();
				for (String run : List.of("new", "unchanged")) {
					long[] heap = { 0 };
					ImportSummary summary;
					double seconds;
					// Spooled as the endpoint spools an upload, before the clock starts; the test holds no copy.
					try (InputStream in = Files.newInputStream(file);
							ImportUpload upload = ImportUpload.spool(in, "bench.csv", null, Long.MAX_VALUE)) {
						long started = System.nanoTime();
						summary = imports.run(admin, "orders", upload, Locale.ENGLISH, false, (phase, done, total) -> {
							if (heap[0] == 0 && "imports.phase.checking".equals(phase) && done == total) {
								System.gc();
								heap[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
							}
						});
						seconds = (System.nanoTime() - started) / 1e9;
					}
					assertThat(summary.errors()).as(summary.errors().toString()).isEmpty();
					assertThat(run.equals("new") ? summary.created() : summary.unchanged()).isEqualTo(size / 5);
					figures.put(size + " import " + run + " rows/s", size / seconds);
					figures.put(size + " import " + run + " share of copy %", 100 * copy / seconds);
					figures.put(size + " import " + run + " heap MB", heap[0] / 1024.0 / 1024.0);
					System.out.printf("orders: %,d lines %s: %.1f s, %,.0f rows/s (COPY %.1f s, %,.0f rows/s), %.0f %% of"
							+ " COPY, heap after collection %,.1f MB%n", size, run, seconds, size / seconds, copy,
							size / copy, 100 * copy / seconds, heap[0] / 1024.0 / 1024.0);
				}
			}
		}
		finally {
			jdbc.sql("DROP TABLE IF EXISTS bench_order_copy").update();
			for (String table : List.of("sales_order_line", "sales_order_credit")) {
				jdbc.sql("DELETE FROM " + table + " WHERE order_id IN (SELECT id FROM sales_order"
						+ " WHERE external_number LIKE 'BENCH-%')").update();
			}
			jdbc.sql("DELETE FROM sales_order WHERE external_number LIKE 'BENCH-%'").update();
		}
		figures.forEach((key, value) -> System.out.printf("orders %s: %,.1f%n", key, value));
		// Memory is the claim that can be bounded on any machine: ten times the file may not need much more heap.
		assertThat(figures.get(large + " import new heap MB") / figures.get(small + " import new heap MB"))
			.as("heap at %d lines over heap at %d lines", large, small).isLessThan(2.0);
	}

	/**
	 * Five lines per order, over a year of dates, the accounts and products given; order numbers unique to the size.
	 * Written to a temporary file, so the heap measured is the import's, not the test's copy of the file.
	 */
	private static Path file(int lines, List<String> customers, List<String> skus) throws java.io.IOException {
		Path path = Files.createTempFile("bench-orders-", ".csv");
		try (Writer file = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			write(file, lines, customers, skus);
		}
		return path;
	}

	private static void write(Writer file, int lines, List<String> customers, List<String> skus)
			throws java.io.IOException {
		file.append("order,order_date,customer,sku,quantity,unit_price,discount_percent\n");
		LocalDate start = LocalDate.of(2018, 1, 1);
		StringBuilder line = new StringBuilder(80);
		for (int i = 0; i < lines; i++) {
			int order = i / 5;
			line.setLength(0);
			line.append("BENCH-").append(lines).append('-').append(order).append(',')
				.append(start.plusDays(order % 365)).append(',')
				.append(customers.get(order % customers.size())).append(',')
				.append(skus.get((order + i % 5) % skus.size())).append(',').append(1 + i % 7).append(",10.50,")
				.append(i % 5 == 0 ? "5" : "").append('\n');
			file.append(line);
		}
	}

	/** Seconds for PostgreSQL's COPY of the file into a plain table, as the baseline. */
	private double copy(Path file) throws Exception {
		try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
			long started = System.nanoTime();
			long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"COPY bench_order_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(rows).isPositive();
			return seconds;
		}
	}
}
