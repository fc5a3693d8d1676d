package io.rumbo.benchmarks;

import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.imports.ImportUpload;
import io.rumbo.support.CleanDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer import against PostgreSQL's COPY of the same file into a plain table, at two sizes in one run: rows
 * per second of each, their ratio, and the most heap in use after a collection during the import. The import runs
 * through {@link ImportService} as the API does (checks, then writes, in one transaction), the second size on a
 * table that already holds the first, so a per-row cost that grows with the table shows as a falling rate.
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=CustomerImportBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres};
 * sizes by {@code -Drumbo.bench.small=200000 -Drumbo.bench.large=2000000} (the defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class CustomerImportBenchmark {

	private static final String HEADER = "external_id,legal_name,tax_id,segment,industry,company_size,region,address,"
			+ "postal_code,city,potential_class,annual_potential,status,owner,unit";

	@Autowired
	ImportService imports;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theImportKeepsItsRateAsTheTableGrowsAndComparesWithCopy() throws Exception {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (COPY is the baseline)");
		int small = Integer.getInteger("rumbo.bench.small", 200_000);
		int large = Integer.getInteger("rumbo.bench.large", 2_000_000);
		CurrentUser admin = users.actAs("admin").orElseThrow();
		jdbc.sql("DROP TABLE IF EXISTS bench_customer_copy").update();
		jdbc.sql("CREATE TABLE bench_customer_copy (" + HEADER.replace(",", " TEXT, ") + " TEXT)").update();

		double[] atSmall = measure(admin, "S", small);
		double[] atLarge = measure(admin, "L", large);

		System.out.printf(Locale.ROOT, "customer import: %,d rows %,.0f rows/s (COPY %,.0f rows/s, %.1f %%), heap %,.0f MB;"
				+ " %,d rows %,.0f rows/s (COPY %,.0f rows/s, %.1f %%), heap %,.0f MB; rate ratio large/small %.2f%n",
				small, atSmall[0], atSmall[1], 100 * atSmall[0] / atSmall[1], atSmall[2], large, atLarge[0], atLarge[1],
				100 * atLarge[0] / atLarge[1], atLarge[2], atLarge[0] / atSmall[0]);
		// The claim: the rate does not fall as the file and the table grow (it fell sixfold from 2,000 to 20,000 rows).
		assertThat(atLarge[0] / atSmall[0]).isGreaterThan(0.5);
		jdbc.sql("DROP TABLE bench_customer_copy").update();
	}

	/** Import rows/s, COPY rows/s, most heap after a collection during the import (MB). */
	private double[] measure(CurrentUser admin, String prefix, int rows) throws Exception {
		Path file = file(prefix, rows);
		long started = System.nanoTime();
		long copied;
		try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
			copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"COPY bench_customer_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
		}
		double copySeconds = (System.nanoTime() - started) / 1e9;
		assertThat(copied).isEqualTo(rows);

		long[] heap = { 0 };
		ImportSummary summary;
		double importSeconds;
		// Spooled as the endpoint spools an upload, before the clock starts; the test holds no copy of the file.
		try (InputStream in = Files.newInputStream(file);
				ImportUpload upload = ImportUpload.spool(in, "bench.csv", null, Long.MAX_VALUE)) {
			started = System.nanoTime();
			summary = imports.run(admin, "customers", upload, Locale.ENGLISH, false,
					(phase, done, total) -> heap[0] = Math.max(heap[0], heapAfterCollection()));
			importSeconds = (System.nanoTime() - started) / 1e9;
		}
		finally {
			Files.delete(file);
		}
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.created()).isEqualTo(rows);
		System.out.printf(Locale.ROOT, "customer import %,d rows: import %.1f s, COPY %.1f s%n", rows, importSeconds,
				copySeconds);
		return new double[] { rows / importSeconds, rows / copySeconds, heap[0] / 1024.0 / 1024.0 };
	}

	/** The heap the last collection left in use, over every heap pool (no collection is forced). */
	private static long heapAfterCollection() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				used += pool.getCollectionUsage().getUsed();
			}
		}
		return used;
	}

	/**
	 * A file of new accounts with unique external and tax ids, owned by demo salespeople in their units, written to a
	 * temporary file so the heap measured is the import's and not the test's copy of the file.
	 */
	private static Path file(String prefix, int rows) throws java.io.IOException {
		Path path = Files.createTempFile("bench-customers-", ".csv");
		String[] owners = { "E0019", "E0022" };
		StringBuilder csv = new StringBuilder(200);
		try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			out.append(HEADER).append('\n');
			for (int i = 1; i <= rows; i++) {
				csv.setLength(0);
				csv.append("CIB-").append(prefix).append(i).append(",Cliente importado ").append(i).append(" S.L.,T")
				.append(prefix).append(i).append(",SMALL_BUSINESS,Servicios,SMALL,Bizkaia,Calle Mayor ").append(i)
					.append(",48001,Bilbao,C,1000.50,ACTIVE,").append(owners[i % 2]).append(",\n");
				out.append(csv);
			}
		}
		return path;
	}
}
