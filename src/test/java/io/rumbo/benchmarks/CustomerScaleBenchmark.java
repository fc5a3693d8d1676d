package io.rumbo.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
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
 * The requests that used to load every customer, at two sizes of the customer table in one run: the whole customer
 * export (CSV and XLSX, heap in use after a collection at its last row), a 1,000-line order import (time), and the
 * customer picker's options (time), each twice, with health answering between them. The figures are ratios between
 * the large and the small table, printed for docs/benchmarks.md. The export's heap is read through the facade the
 * export endpoint uses (the test shares the server's JVM; reading 2,000,000 rows over HTTP would fill the test's own
 * heap).
 * <p>
 * PostgreSQL only (the embedded H2 keeps its tables in the heap being measured): run it with
 * {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=CustomerScaleBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres}; sizes
 * by {@code -Drumbo.bench.small=200000 -Drumbo.bench.large=2000000} (the defaults).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class CustomerScaleBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerManagement customers;

	@Test
	void requestsThatNameCustomersCostTheSameAtTenTimesTheCustomers() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (H2 keeps its tables in the heap)");
		int small = Integer.getInteger("rumbo.bench.small", 200_000);
		int large = Integer.getInteger("rumbo.bench.large", 2_000_000);
		Api api = new Api(port);
		CurrentUser admin = new CurrentUser(new UserId(jdbc.sql("SELECT id FROM identity_user WHERE username = 'admin'")
			.query(Long.class).single()), "admin", "Admin", Set.of(Role.ADMIN));

		grow(small);
		Map<String, Double> atSmall = measure(api, admin, small);
		grow(large);
		Map<String, Double> atLarge = measure(api, admin, large);

		for (String key : atSmall.keySet()) {
			double ratio = atLarge.get(key) / atSmall.get(key);
			System.out.printf("scale %s: %,d customers %,.1f, %,d customers %,.1f, ratio %.2f%n", key, small,
					atSmall.get(key), large, atLarge.get(key), ratio);
		}
		for (String key : atSmall.keySet()) {
			double ratio = atLarge.get(key) / atSmall.get(key);
			// Heap is the claim (flat); the import's time only guards against a walk of the whole table (10x). The
			// options' time is printed, not bounded: their total counts a substring match over every account.
			if (key.startsWith("export")) {
				assertThat(ratio).as(key).isLessThan(1.5);
			}
			else if (key.startsWith("order import")) {
				assertThat(ratio).as(key).isLessThan(3.0);
			}
		}
	}

	/** Adds synthetic accounts (owned like the demo's) until the table holds {@code total}. */
	private void grow(int total) {
		long have = jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
		long next = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'BENCH-%'").query(Long.class)
			.single();
		List<Map<String, Object>> owners = jdbc.sql("""
				SELECT DISTINCT owner_staff_id, unit_id FROM customer_account WHERE owner_staff_id IS NOT NULL
				ORDER BY owner_staff_id""").query().listOfRows();
		long missing = total - have;
		long started = System.nanoTime();
		for (int i = 0; i < owners.size() && missing > 0; i++) {
			long count = i == owners.size() - 1 ? missing : Math.min(missing, (total - have) / owners.size() + 1);
			jdbc.sql("""
					INSERT INTO customer_account (external_id, legal_name, tax_id, tax_key, segment, industry, company_size, region,
					  address, postal_code, city, potential_class, annual_potential, status, owner_staff_id, unit_id,
					  archived, version)
					SELECT 'BENCH-' || n, 'Cliente de prueba ' || n || ' S.L.', 'BT' || n, 'BT' || n, 'SMALL_BUSINESS', 'Servicios',
					  'SMALL', 'Bizkaia', 'Calle Mayor ' || n, '48001', 'Bilbao', 'C', 1000, 'ACTIVE', :owner, :unit,
					  FALSE, 0
					FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS n""")
				.param("owner", owners.get(i).get("owner_staff_id"))
				.param("unit", owners.get(i).get("unit_id"))
				.param("from", next + 1)
				.param("to", next + count)
				.update();
			next += count;
			missing -= count;
		}
		jdbc.sql("ANALYZE customer_account").update();
		System.out.printf("scale: %,d customers (%,d s to add them)%n",
				jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single(),
				(System.nanoTime() - started) / 1_000_000_000);
	}

	private Map<String, Double> measure(Api api, CurrentUser admin, int size) {
		Map<String, Double> figures = new LinkedHashMap<>();
		for (ExportFormat format : ExportFormat.values()) {
			long heap = 0;
			for (int run = 0; run < 2; run++) {
				heap = exportHeap(admin, format);
				assertThat(api.get("/actuator/health", "admin").status()).isEqualTo(200);
			}
			figures.put("export " + format + " heap KB", heap / 1024.0);
		}
		List<String> accounts = jdbc.sql("SELECT external_id FROM customer_account WHERE external_id LIKE 'BENCH-%'"
				+ " AND MOD(id, 97) = 0 ORDER BY id FETCH FIRST 200 ROWS ONLY").query(String.class).list();
		for (int run = 0; run < 2; run++) {
			StringBuilder file = new StringBuilder("order,order_date,customer,sku,quantity,unit_price\n");
			for (int order = 0; order < 200; order++) {
				for (String sku : List.of("PAP-TONER", "INF-DOCK", "MOB-CAJON", "LIM-GUANTES", "PAP-SOBRES")) {
					file.append("SCALE-").append(size).append('-').append(order).append(",2026-03-")
						.append(10 + order % 15).append(',').append(accounts.get(order % accounts.size())).append(',')
						.append(sku).append(",2,10.50\n");
				}
			}
			long started = System.nanoTime();
			Api.Response answer = api.upload("/api/v1/imports/orders", "admin",
					file.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
			double ms = (System.nanoTime() - started) / 1e6;
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(api.get("/actuator/health", "admin").status()).isEqualTo(200);
			figures.put(run == 0 ? "order import 1,000 lines (new) ms" : "order import 1,000 lines (unchanged) ms", ms);
		}
		double pickerMs = 0;
		for (int run = 0; run < 2; run++) {
			long started = System.nanoTime();
			Api.Response answer = api.get("/api/v1/customers/options?q=prueba%2012&size=10", "admin");
			pickerMs = (System.nanoTime() - started) / 1e6;
			assertThat(answer.status()).isEqualTo(200);
		}
		figures.put("customer options ms", pickerMs);
		return figures;
	}

	/** Exports every customer through the facade the export endpoint uses; the heap in use at the last row. */
	private long exportHeap(CurrentUser admin, ExportFormat format) {
		long total = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE archived = FALSE").query(Long.class).single();
		long[] rows = { 0 };
		long[] heap = { 0 };
		try (TableWriter table = Exports.open(format, OutputStream.nullOutputStream(), List.of("id", "externalId",
				"legalName", "taxId", "city", "ownerName", "unitName"))) {
			customers.each(admin, new CustomerManagement.Filter(null, null, null, null, null, null, false),
					ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName").unpaged(),
					(CustomerView c) -> {
						table.row(c.id(), c.externalId(), c.legalName(), c.taxId(), c.city(), c.ownerName(), c.unitName());
						if (++rows[0] == total) {
							System.gc();
							heap[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
						}
					});
		}
		assertThat(rows[0]).isEqualTo(total);
		return heap[0];
	}
}
