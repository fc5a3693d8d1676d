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
 * then imported again (every order unchanged). The COPYed rows are also written by {@code INSERT ... SELECT} into
 * copies of the order tables with their indexes (the second yardstick: a set-based write with no check). Printed:
 * rows/s of each, the import's speed as a share of COPY's, and the heap in use after a collection once every row of
 * the file has been read and staged (the import's high-water mark: later steps are SQL statements). The import runs
 * through the import service the endpoint uses, in the server's JVM (an upload over HTTP would also measure the test's
 * own copy of the file).
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
				double write = insertSelect();
				jdbc.sql("TRUNCATE bench_order_copy").update();
				figures.put(size + " copy rows/s", size / copy);
				figures.put(size + " copy and insert-select share of copy %", 100 * copy / (copy + write));
				System.out.printf("orders: %,d lines COPY %.1f s, then INSERT ... SELECT into copies of the order tables"
						+ " (their indexes, no checks) %.1f s: COPY and write %,.0f rows/s, %.0f %% of COPY%n", size, copy,
						write, size / (copy + write), 100 * copy / (copy + write));
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

	/**
	 * Seconds to write the COPYed rows set-based into tables shaped like the order tables, with their indexes and
	 * without their foreign keys (headers grouped from the lines, the lines, one credit per order): the second
	 * yardstick, what a set-based write costs before any check.
	 */
	private double insertSelect() {
		List<String> tables = List.of("bench_order_credit", "bench_order_line", "bench_order_head");
		tables.forEach(t -> jdbc.sql("DROP TABLE IF EXISTS " + t).update());
		jdbc.sql("CREATE TABLE bench_order_head (LIKE sales_order INCLUDING ALL)").update();
		jdbc.sql("CREATE TABLE bench_order_line (LIKE sales_order_line INCLUDING ALL)").update();
		jdbc.sql("CREATE TABLE bench_order_credit (LIKE sales_order_credit INCLUDING ALL)").update();
		try {
			long started = System.nanoTime();
			jdbc.sql("""
					INSERT INTO bench_order_head (customer_id, order_date, external_number, status, net_amount,
					  cost_amount, margin_amount, units, order_number, version)
					SELECT 1, MIN(order_date), order_no, 'BOOKED', SUM(quantity * unit_price), 0, 0, SUM(quantity),
					  'B-' || order_no, 0
					FROM bench_order_copy GROUP BY order_no""").update();
			jdbc.sql("""
					INSERT INTO bench_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
					  net_amount, cost_amount, margin_amount)
					SELECT h.id, ROW_NUMBER() OVER (PARTITION BY c.order_no), LENGTH(c.sku), c.quantity, c.unit_price,
					  COALESCE(c.discount_percent, 0), c.quantity * c.unit_price, 0, 0
					FROM bench_order_copy c JOIN bench_order_head h ON h.external_number = c.order_no""").update();
			jdbc.sql("INSERT INTO bench_order_credit (order_id, staff_id, unit_id, share_percent)"
					+ " SELECT id, 1, 1, 100 FROM bench_order_head").update();
			return (System.nanoTime() - started) / 1e9;
		}
		finally {
			tables.forEach(t -> jdbc.sql("DROP TABLE IF EXISTS " + t).update());
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
