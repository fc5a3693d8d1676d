package io.rumbo.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The global search (decision 0028) on 2,000,000 accounts by default: p50 and p95 of the API's customers part
 * ({@code kinds=customers}) and of the whole search (every kind), for a selective query with accents left out
 * ("optica malaga 123456"), a tax id and a word found in one account of twelve ("MALAGA"), as the administrator
 * (everything) and as the demo salesperson (their own accounts), against a baseline in the same run: the API's
 * primary-key read of one account ({@code GET /api/v1/customers/{id}}).
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=GlobalSearchBenchmark -DargLine=-Xmx2g
 * -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database> -Dspring.datasource.username=postgres};
 * size by {@code -Drumbo.bench.large=2000000}. Accounts ({@code SRCH-n}, accented names and cities) are added with
 * one {@code INSERT ... SELECT generate_series} per owner only up to that size, so a database is reused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CleanDatabase.class)
class GlobalSearchBenchmark {

	private static final int RUNS = 40;

	private static final String[] KINDS = { "Óptica", "Talleres", "Panadería", "Construcciones", "Farmacia",
			"Distribuciones", "Clínica", "Imprenta", "Cerámicas", "Transportes", "Librería", "Ferretería" };

	private static final String[] CITIES = { "Málaga", "Cádiz", "León", "Gijón", "Ávila", "Logroño", "Córdoba",
			"Alcalá", "Jaén", "Almería", "Cáceres", "Mérida" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSearchAnswersWithinAHundredMillisecondsAtTwoMillionAccounts() {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		int size = Integer.getInteger("rumbo.bench.large", 2_000_000);
		grow(size);
		Api api = new Api(port);
		long accounts = jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
		long some = jdbc.sql("SELECT MIN(id) FROM customer_account WHERE external_id LIKE 'SRCH-%'").query(Long.class)
			.single();

		// The selective query names a generated account: number 123456 is an Óptica of Málaga (123456 % 12 = 0, the
		// first of both arrays), as are the few others whose number holds 123456.
		String selective = "optica malaga 123456";
		assertThat(ids(api.get("/api/v1/search?kinds=customers&q=" + encode(selective), "admin")))
			.as("the generated account is found without its accents").isNotEmpty();

		double[] baseline = times(() -> ok(api.get("/api/v1/customers/" + some, "admin")));
		print(accounts, "baseline GET /api/v1/customers/{id} (admin)", baseline, baseline);
		List<double[]> customersParts = new ArrayList<>();
		for (String user : List.of("admin", "rep")) {
			for (String query : List.of(selective, "GS777777", "MALAGA")) {
				double[] part = times(
						() -> ok(api.get("/api/v1/search?kinds=customers&q=" + encode(query), user)));
				customersParts.add(part);
				print(accounts, "customers part q=" + query + " (" + user + ")", part, baseline);
				double[] whole = times(() -> ok(api.get("/api/v1/search?q=" + encode(query), user)));
				print(accounts, "whole search q=" + query + " (" + user + ")", whole, baseline);
			}
		}
		for (double[] part : customersParts) {
			assertThat(part[1]).as("customers part p95 (ms)").isLessThan(100);
		}
	}

	private static List<Long> ids(Api.Response response) {
		List<Long> ids = new ArrayList<>();
		for (var group : ok(response).json().get("groups")) {
			for (var hit : group.get("content")) {
				ids.add(hit.get("id").asLong());
			}
		}
		return ids;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	private static void print(long accounts, String what, double[] times, double[] baseline) {
		System.out.printf(Locale.ROOT, "global search %,d accounts: %s p50 %.1f ms, p95 %.1f ms (p95 %.2f x the"
				+ " baseline's)%n", accounts, what, times[0], times[1], times[1] / baseline[1]);
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

	/** Adds accounts with accented names (owned like the demo's) until the table holds {@code total}. */
	private void grow(int total) {
		long have = jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
		if (have >= total) {
			return;
		}
		long next = jdbc.sql("SELECT COALESCE(MAX(CAST(SUBSTRING(external_id, 6) AS BIGINT)), 0) FROM customer_account"
				+ " WHERE external_id LIKE 'SRCH-%'").query(Long.class).single();
		List<Map<String, Object>> owners = jdbc.sql("""
				SELECT DISTINCT owner_staff_id, unit_id FROM customer_account WHERE owner_staff_id IS NOT NULL
				ORDER BY owner_staff_id""").query().listOfRows();
		long missing = total - have;
		String kinds = "ARRAY['" + String.join("','", KINDS) + "']";
		String cities = "ARRAY['" + String.join("','", CITIES) + "']";
		for (int i = 0; i < owners.size() && missing > 0; i++) {
			long count = i == owners.size() - 1 ? missing : Math.min(missing, (total - have) / owners.size() + 1);
			jdbc.sql("INSERT INTO customer_account (external_id, legal_name, tax_id, tax_key, segment, industry,"
					+ " company_size, region, address, postal_code, city, potential_class, annual_potential, status,"
					+ " owner_staff_id, unit_id, archived, version)"
					+ " SELECT 'SRCH-' || n, (" + kinds + ")[n % 12 + 1] || ' ' || (" + cities + ")[n % 12 + 1]"
					+ " || ' ' || n || ' S.L.', 'GS' || n, 'GS' || n, 'SMALL_BUSINESS', 'Servicios', 'SMALL', 'Sur',"
					+ " 'Calle Mayor ' || n, '29001', (" + cities + ")[n % 12 + 1], 'C', 1000, 'ACTIVE', :owner,"
					+ " :unit, FALSE, 0 FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS n")
				.param("owner", owners.get(i).get("owner_staff_id"))
				.param("unit", owners.get(i).get("unit_id"))
				.param("from", next + 1)
				.param("to", next + count)
				.update();
			next += count;
			missing -= count;
		}
		jdbc.sql("ANALYZE customer_account").update();
	}
}
