package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients edit the same record at once, all with the version they read: exactly one wins, every other one gets
 * 409 with the current state, and none gets 500 (the optimistic lock caught at flush or commit is a conflict too).
 */
@RumboIntegrationTest
class ConcurrentEditScenarioTests extends ApiTestSupport {

	private static final int CLIENTS = 20;
	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void twentyParallelEditsOfOnePersonWithOneVersionLeaveOneWinner() throws Exception {
		JsonNode created = api.post("/api/v1/staff", "admin", staffBody(unique("C"), unitId(api, "E-VLL"))).json();
		long id = created.get("id").asLong();
		List<Api.Response> answers = race(i -> {
			Map<String, Object> edit = Api.mapper().convertValue(created, Map.class);
			edit.put("phone", "+34 600 000 " + (100 + i));
			return api.put("/api/v1/staff/" + id, "admin", edit);
		});
		assertOneWinner(answers);
		JsonNode now = api.get("/api/v1/staff/" + id, "admin").json();
		answers.stream().filter(a -> a.status() == 409).forEach(a -> {
			assertThat(a.contentType()).startsWith("application/problem+json");
			assertThat(a.json().get("current").get("version").asLong()).isEqualTo(now.get("version").asLong());
			assertThat(a.json().get("current").get("phone").asString()).isEqualTo(now.get("phone").asString());
		});
	}

	@Test
	void twentyParallelEditsOfOneCustomerWithOneVersionLeaveOneWinner() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", unique("Concurrent"));
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("potentialClass", "B");
		body.put("annualPotential", "25000");
		body.put("city", "Madrid");
		body.put("region", "Centro");
		body.put("status", "PROSPECT");
		body.put("ownerStaffId", staffByName(api, "Hugo Serrano").get("id").asLong());
		body.put("effectiveDate", LocalDate.now().toString());
		Api.Response made = api.post("/api/v1/customers", "admin", body);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		JsonNode created = made.json();
		long id = created.get("id").asLong();
		List<Api.Response> answers = race(i -> {
			Map<String, Object> edit = Api.mapper().convertValue(created, Map.class);
			edit.put("city", "Ciudad " + i);
			return api.put("/api/v1/customers/" + id, "admin", edit);
		});
		assertOneWinner(answers);
		JsonNode now = api.get("/api/v1/customers/" + id, "admin").json();
		answers.stream().filter(a -> a.status() == 409).forEach(a -> {
			assertThat(a.contentType()).startsWith("application/problem+json");
			assertThat(a.json().get("current").get("version").asLong()).isEqualTo(now.get("version").asLong());
		});
	}

	@Test
	void aStaleGridEditIsRefusedInsteadOfOverwritingTheNewerOne() {
		int year = LocalDate.now().getYear() + 3;
		Api.Response created = api.post("/api/v1/plans", "director", Map.of("fiscalYear", year, "name",
				"Plan concurrente " + year));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long planId = created.json().get("id").asLong();
		long versionId = created.json().get("versions").get(0).get("id").asLong();
		long team = unitId(api, "E-MAD-NOR");
		WebSession browser = new WebSession();
		browser.signIn(port, "director", "demo");
		String page = browser.get(port, "/plans/" + planId + "?version=" + versionId).body();
		String read = gridVersion(page);
		String cells = "/plans/" + planId + "/versions/" + versionId + "/cells";
		Map<String, String> edit = new LinkedHashMap<>(Map.of("unitId", String.valueOf(team), "period", "M1", "measure",
				"REVENUE", "value", "1000", "version", read, "_csrf", WebSession.csrf(page)));
		java.net.http.HttpResponse<String> first = browser.postForm(port, cells, edit, HTMX);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(gridVersion(first.body())).as("the redrawn grid carries the raised version").isNotEqualTo(read);

		// A second tab still shows the grid as it was before the first edit.
		edit.put("value", "2000");
		assertThat(browser.postForm(port, cells, edit, HTMX).statusCode()).as("stale grid").isEqualTo(409);
		assertThat(januaryRevenue(planId, versionId, team)).isEqualByComparingTo("1000");

		// The API's spread and bulk write check the version they are sent in the same way.
		String spread = "/api/v1/plans/" + planId + "/versions/" + versionId + "/spread";
		Api.Response stale = api.post(spread, "director", Map.of("unitId", team, "period", "M1", "measure", "REVENUE",
				"total", "3000", "version", Long.parseLong(read)));
		assertThat(stale.status()).isEqualTo(409);
		long current = stale.json().get("current").get("version").asLong();
		assertThat(current).isEqualTo(Long.parseLong(gridVersion(first.body())));
		Api.Response fresh = api.post(spread, "director", Map.of("unitId", team, "period", "M1", "measure", "REVENUE",
				"total", "3000", "version", current));
		assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
		assertThat(fresh.json().get("version").asLong()).isGreaterThan(current);
		assertThat(januaryRevenue(planId, versionId, team)).isEqualByComparingTo("3000");
	}

	private java.math.BigDecimal januaryRevenue(long planId, long versionId, long unit) {
		java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
		for (JsonNode c : api.get("/api/v1/plans/" + planId + "/versions/" + versionId + "/targets", "director").json()
			.get("cells")) {
			if (c.get("unitId").asLong() == unit && c.get("month").asInt() == 1) {
				sum = sum.add(c.get("revenue").decimalValue());
			}
		}
		return sum;
	}

	private static String gridVersion(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"grid-version\"[^>]*value=\"(\\d+)\"")
			.matcher(html);
		assertThat(m.find()).as("the grid carries its version").isTrue();
		return m.group(1);
	}

	private static void assertOneWinner(List<Api.Response> answers) {
		List<Integer> statuses = answers.stream().map(Api.Response::status).toList();
		assertThat(statuses).as(answers.stream().filter(a -> a.status() >= 500).map(Api.Response::body).toList()
			.toString()).doesNotContain(500);
		assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
		assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(CLIENTS - 1);
	}

	interface Edit {

		Api.Response send(int client);
	}

	/** Starts every client at the same moment and collects the answers. */
	private List<Api.Response> race(Edit edit) throws Exception {
		api.token("admin");
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				int client = i;
				futures.add(pool.submit(() -> {
					start.await();
					return edit.send(client);
				}));
			}
			start.countDown();
			List<Api.Response> answers = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
