package io.rumbo.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
 * The customer list on a large table (2,000,000 accounts by default): p50 and p95 of the API's first page (default
 * sort by name) and of a search sorted by city, against two baselines in the same run: the
 * exact count the list used to run first and {@code /actuator/health}.
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=CustomerListBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres};
 * size by {@code -Drumbo.bench.large=2000000} (the default). Accounts are added only up to that size, so it may run
 * after {@link CustomerImportBenchmark} on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class CustomerListBenchmark {

	private static final int RUNS = 40;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstPageAndASearchCostAFewIndexEntriesNotTheTable() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		int size = Integer.getInteger("rumbo.bench.large", 2_000_000);
		grow(size);
		Api api = new Api(port);

		double[] count = times(() -> jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE archived = FALSE")
			.query(Long.class).single());
		double[] health = times(() -> api.get("/actuator/health", "admin"));
		double[] first = times(() -> ok(api.get("/api/v1/customers?size=25", "admin")));
		double[] search = times(() -> ok(api.get("/api/v1/customers?size=25&q=prueba%201234&sort=city", "admin")));

		long accounts = jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
		print("exact count (the old first step)", accounts, count, count);
		print("GET /actuator/health", accounts, health, count);
		print("GET /api/v1/customers?size=25", accounts, first, count);
		print("GET /api/v1/customers?size=25&q=prueba 1234&sort=city", accounts, search, count);
		var firstPage = api.get("/api/v1/customers?size=25", "admin").json().get("page");
		System.out.println("customer list: first page's page object " + firstPage);
		assertThat(firstPage.get("totalExact").asBoolean()).isFalse();
		assertThat(first[1]).as("first page p95 below the exact count's p50").isLessThan(count[0]);
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	private static void print(String what, long accounts, double[] times, double[] count) {
		System.out.printf(Locale.ROOT, "customer list %,d accounts: %s p50 %.1f ms, p95 %.1f ms (p50 %.2f x the exact"
				+ " count's)%n", accounts, what, times[0], times[1], times[0] / count[0]);
	}

	/** p50 and p95 in ms of {@link #RUNS} runs after three to warm up. */
	private static double[] times(Supplier<?> request) {
		for (int i = 0; i < 3; i++) {
			request.get();
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			request.get();
			ms.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(ms);
		return new double[] { ms.get(RUNS / 2), ms.get((int) Math.ceil(RUNS * 0.95) - 1) };
	}

	/** Adds synthetic accounts (owned like the demo's) until the table holds {@code total}. */
	private void grow(int total) {
		long have = jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
		if (have >= total) {
			return;
		}
		long next = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'LIST-%'").query(Long.class)
			.single();
		List<Map<String, Object>> owners = jdbc.sql("""
				SELECT DISTINCT owner_staff_id, unit_id FROM customer_account WHERE owner_staff_id IS NOT NULL
				ORDER BY owner_staff_id""").query().listOfRows();
		long missing = total - have;
		String[] cities = { "Bilbao", "Madrid", "Sevilla", "Valencia", "Zaragoza", "Getafe", "Vigo", "Murcia" };
		for (int i = 0; i < owners.size() && missing > 0; i++) {
			long count = i == owners.size() - 1 ? missing : Math.min(missing, (total - have) / owners.size() + 1);
			jdbc.sql("""
					INSERT INTO customer_account (external_id, legal_name, tax_id, tax_key, segment, industry,
					  company_size, region, address, postal_code, city, potential_class, annual_potential, status,
					  owner_staff_id, unit_id, archived, version)
					SELECT 'LIST-' || n, 'Cliente de prueba ' || n || ' S.L.', 'LT' || n, 'LT' || n, 'SMALL_BUSINESS',
					  'Servicios', 'SMALL', 'Bizkaia', 'Calle Mayor ' || n, '48001', :city, 'C', 1000, 'ACTIVE', :owner,
					  :unit, FALSE, 0
					FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS n""")
				.param("owner", owners.get(i).get("owner_staff_id"))
				.param("unit", owners.get(i).get("unit_id"))
				.param("city", cities[i % cities.length])
				.param("from", next + 1)
				.param("to", next + count)
				.update();
			next += count;
			missing -= count;
		}
		jdbc.sql("ANALYZE customer_account").update();
	}
}
