package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** After-sales service cases and satisfaction ratings over real HTTP, with attribution and data scope. */
@RumboIntegrationTest
class ServiceApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void aSalespersonOpensResolvesAndRatesACaseAttributedToTheOwner() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		// One of her accounts with an order (other classes give her new accounts without any, which may sort first).
		long customerId = 0;
		JsonNode order = null;
		for (JsonNode customer : api.get("/api/v1/customers?size=100&status=ACTIVE", "rep").json().get("content")) {
			JsonNode orders = api.get("/api/v1/orders?size=1&customerId=" + customer.get("id").asLong(), "rep").json()
				.get("content");
			if (!orders.isEmpty()) {
				customerId = customer.get("id").asLong();
				order = orders.get(0);
				break;
			}
		}
		assertThat(order).as("an account of the rep's with an order").isNotNull();
		Map<String, Object> body = serviceCase(customerId, "Entrega incompleta", LocalDate.now().minusDays(5));
		body.put("orderNumber", order.get("orderNumber").asString());
		Api.Response created = api.post("/api/v1/service-cases", "rep", body);
		assertThat(created.status()).isEqualTo(201);
		JsonNode opened = created.json();
		assertThat(opened.get("caseNumber").asString()).startsWith("CAS-");
		assertThat(opened.get("staffId").asLong()).as("attributed to the owner of the day").isEqualTo(lucia);
		assertThat(opened.get("orderId").asLong()).isEqualTo(order.get("id").asLong());
		assertThat(opened.get("open").asBoolean()).isTrue();

		long id = opened.get("id").asLong();
		body.put("version", opened.get("version").asLong());
		body.put("resolvedOn", LocalDate.now().minusDays(2).toString());
		body.put("resolution", "Enviado el resto");
		JsonNode resolved = api.put("/api/v1/service-cases/" + id, "rep", body).json();
		assertThat(resolved.get("resolutionDays").asLong()).isEqualTo(3);
		assertThat(api.put("/api/v1/service-cases/" + id, "rep", body).status()).as("stale").isEqualTo(409);

		Map<String, Object> rating = new LinkedHashMap<>();
		rating.put("customerId", customerId);
		rating.put("caseId", id);
		rating.put("ratedOn", LocalDate.now().toString());
		rating.put("csat", 4);
		rating.put("nps", 9);
		Api.Response rated = api.post("/api/v1/satisfaction-ratings", "rep", rating);
		assertThat(rated.status()).isEqualTo(201);
		assertThat(rated.json().get("staffId").asLong()).isEqualTo(lucia);
		assertThat(api.get("/api/v1/service-cases/" + id, "rep").json().get("csat").asInt()).isEqualTo(4);

		assertThat(api.get("/api/v1/service-cases/" + id, "manager").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/service-cases/" + id, "pablo.romero").status()).as("outside scope").isEqualTo(404);
		assertThat(api.get("/api/v1/service-cases/" + id, "viewer").status()).isEqualTo(200);
		JsonNode summary = api.get("/api/v1/service-cases/summary?customerId=" + customerId, "rep").json();
		assertThat(summary.get("cases").asLong()).isPositive();
		assertThat(summary.get("ratings").asLong()).isPositive();
	}

	@Test
	void aCaseIsResolvedOnceAndReopenedOnlyWhenResolved() {
		long customerId = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		long id = api.post("/api/v1/service-cases", "rep", serviceCase(customerId, "Pedido roto",
				LocalDate.now().minusDays(4))).json().get("id").asLong();

		Api.Response notResolved = api.post("/api/v1/service-cases/" + id + "/reopen", "rep", Map.of());
		assertThat(notResolved.status()).as("an open case is not reopened").isEqualTo(409);
		assertThat(notResolved.json().get("detail").asString()).isEqualTo("The case is not resolved.");

		Api.Response resolved = api.post("/api/v1/service-cases/" + id + "/resolve", "rep",
				Map.of("resolvedOn", LocalDate.now().minusDays(1).toString(), "resolution", "Repuesto"));
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().get("resolutionDays").asLong()).isEqualTo(3);
		assertThat(resolved.json().get("open").asBoolean()).isFalse();
		Api.Response twice = api.post("/api/v1/service-cases/" + id + "/resolve", "rep", Map.of());
		assertThat(twice.status()).as("a resolved case is not resolved again").isEqualTo(409);
		assertThat(twice.json().get("detail").asString()).isEqualTo("The case is already resolved; reopen it first.");
		assertThat(AuditEntries.count(jdbc, "SERVICE_CASE", id, "RESOLVE")).isEqualTo(1);

		JsonNode reopened = api.post("/api/v1/service-cases/" + id + "/reopen", "rep", Map.of()).json();
		assertThat(reopened.get("open").asBoolean()).isTrue();
		assertThat(reopened.get("resolvedOn").isNull()).isTrue();
		assertThat(api.post("/api/v1/service-cases/" + id + "/reopen", "rep", Map.of()).status()).isEqualTo(409);
		assertThat(AuditEntries.count(jdbc, "SERVICE_CASE", id, "REOPEN")).isEqualTo(1);
		assertThat(api.post("/api/v1/service-cases/" + id + "/resolve", "viewer", Map.of()).status())
			.as("only who may record cases for the account").isEqualTo(403);
	}

	@Test
	void badCasesAndRatingsAreRefusedWithTheFieldNamed() {
		long customerId = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		Map<String, Object> body = serviceCase(customerId, "Factura duplicada", LocalDate.now());
		body.put("orderNumber", "PED-1999-000001");
		body.put("resolvedOn", LocalDate.now().minusDays(1).toString());
		Api.Response refused = api.post("/api/v1/service-cases", "rep", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"orderNumber\"", "\"field\":\"resolvedOn\"");

		Map<String, Object> rating = new LinkedHashMap<>();
		rating.put("customerId", customerId);
		rating.put("ratedOn", LocalDate.now().toString());
		rating.put("csat", 6);
		assertThat(api.post("/api/v1/satisfaction-ratings", "rep", rating).status()).isEqualTo(400);
		rating.put("csat", 3);
		assertThat(api.post("/api/v1/satisfaction-ratings", "viewer", rating).status()).isEqualTo(403);

		long other = api.get("/api/v1/customers?size=1&q=Bilbao", "director").json().get("content").get(0).get("id")
			.asLong();
		assertThat(api.post("/api/v1/service-cases", "rep", serviceCase(other, "Otro", LocalDate.now())).status())
			.as("a customer outside the scope is not found").isEqualTo(404);
	}

	@Test
	void theDemoCompanyHasCasesAndRatingsAndTheListExports() {
		JsonNode all = api.get("/api/v1/service-cases?size=5&sort=openedOn,desc", "director").json();
		assertThat(all.get("page").get("totalElements").asLong()).isGreaterThan(50);
		JsonNode summary = api.get("/api/v1/service-cases/summary", "director").json();
		assertThat(summary.get("openCases").asLong()).isPositive();
		assertThat(summary.get("averageCsat").asDouble()).isBetween(1.0, 5.0);
		assertThat(summary.get("npsScore").asInt()).isBetween(-100, 100);
		Api.Response csv = api.get("/api/v1/service-cases?open=true", "director", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFexternal_id,customer,order,subject");
		JsonNode ratings = api.get("/api/v1/satisfaction-ratings?size=3", "manager").json();
		assertThat(ratings.get("page").get("totalElements").asLong()).isPositive();
	}

	private static Map<String, Object> serviceCase(long customer, String subject, LocalDate opened) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("subject", subject);
		body.put("category", "DELIVERY");
		body.put("priority", "HIGH");
		body.put("openedOn", opened.toString());
		return body;
	}
}
