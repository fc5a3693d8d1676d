package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The pipeline over real HTTP: stages and their history, weighted totals, scope, orders from won deals. */
@RumboIntegrationTest
class OpportunityApiScenarioTests extends ApiTestSupport {

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
	void theDemoPipelineHasOpportunitiesInEveryStage() {
		JsonNode page = api.get("/api/v1/opportunities?size=500", "director").json();
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThan(100);
		List<String> stages = api.get("/api/v1/opportunities/stages", "rep").json().valueStream()
			.map(s -> s.get("code").asString())
			.toList();
		assertThat(stages).containsExactly("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST");
		assertThat(page.get("content").valueStream().map(o -> o.get("stageCode").asString()).distinct().toList())
			.containsAll(stages);
	}

	@Test
	void aDealMovesThroughStagesWithHistoryAndBecomesAnOrderOnce() {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		JsonNode created = api.post("/api/v1/opportunities", "rep", opportunity(customer, "12000")).json();
		long id = created.get("id").asLong();
		assertThat(created.get("stageCode").asString()).isEqualTo("PROSPECTING");
		assertThat(created.get("weighted").decimalValue()).isEqualByComparingTo("1200.00");
		assertThat(created.get("ownerName").asString()).isEqualTo("Lucía García Martín");

		long product = api.get("/api/v1/products?q=MOB-SILLA-ERG", "rep").json().get("content").get(0).get("id").asLong();
		Map<String, Object> order = Map.of("lines", List.of(Map.of("productId", product, "quantity", 10)));
		assertThat(api.post("/api/v1/opportunities/" + id + "/order", "rep", order).status()).as("not won yet")
			.isEqualTo(409);

		JsonNode proposal = api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "PROPOSAL")).json();
		assertThat(proposal.get("weighted").decimalValue()).isEqualByComparingTo("6000.00");
		JsonNode won = api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "WON")).json();
		assertThat(won.get("forecastCategory").asString()).isEqualTo("CLOSED");
		assertThat(won.get("history").valueStream().map(h -> h.get("stageCode").asString()).toList())
			.containsExactly("WON", "PROPOSAL", "PROSPECTING");

		Api.Response booked = api.post("/api/v1/opportunities/" + id + "/order", "rep", order);
		assertThat(booked.status()).isEqualTo(201);
		assertThat(booked.json().get("netAmount").decimalValue()).isEqualByComparingTo("2890.00");
		assertThat(api.get("/api/v1/opportunities/" + id, "rep").json().get("orderId").asLong())
			.isEqualTo(booked.json().get("id").asLong());
		assertThat(api.post("/api/v1/opportunities/" + id + "/order", "rep", order).status()).as("only once")
			.isEqualTo(409);
		assertThat(api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "NOPE")).status())
			.isEqualTo(400);
	}

	@Test
	void productsPriceTheOpportunityAndBecomeItsOrder() {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		JsonNode created = api.post("/api/v1/opportunities", "rep", opportunity(customer, "500")).json();
		long id = created.get("id").asLong();
		long chair = api.get("/api/v1/products?q=MOB-SILLA-ERG", "rep").json().get("content").get(0).get("id").asLong();
		long toner = api.get("/api/v1/products?q=PAP-TONER", "rep").json().get("content").get(0).get("id").asLong();
		Map<String, Object> products = Map.of("version", created.get("version").asLong(), "lines",
				List.of(Map.of("productId", chair, "quantity", 10), Map.of("productId", toner, "quantity", 2,
						"unitPrice", 70, "discountPercent", 10)));
		JsonNode priced = api.put("/api/v1/opportunities/" + id + "/products", "rep", products).json();
		// 10 x 289.00 + 2 x 70.00 x 0.90 = 2890.00 + 126.00
		assertThat(priced.get("amount").decimalValue()).isEqualByComparingTo("3016.00");
		assertThat(priced.get("version").asLong()).isGreaterThan(created.get("version").asLong());
		assertThat(api.put("/api/v1/opportunities/" + id + "/products", "rep", products).status()).as("stale")
			.isEqualTo(409);
		JsonNode lines = api.get("/api/v1/opportunities/" + id + "/products", "rep").json();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1).get("net").decimalValue()).isEqualByComparingTo("126.00");
		Map<String, Object> bad = Map.of("version", priced.get("version").asLong(), "lines",
				List.of(Map.of("productId", chair, "quantity", 0)));
		Api.Response refused = api.put("/api/v1/opportunities/" + id + "/products", "rep", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("lines[0].quantity");

		api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "WON"));
		Api.Response booked = api.post("/api/v1/opportunities/" + id + "/order", "rep", Map.of());
		assertThat(booked.status()).isEqualTo(201);
		assertThat(booked.json().get("netAmount").decimalValue()).isEqualByComparingTo("3016.00");
		assertThat(booked.json().get("lines")).hasSize(2);
	}

	@Test
	void opportunitiesFollowTheOwnersScope() {
		JsonNode mine = api.get("/api/v1/opportunities?size=500", "rep").json();
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		assertThat(mine.get("content")).allSatisfy(o -> assertThat(o.get("ownerStaffId").asLong()).isEqualTo(lucia));
		long someoneElses = api.get("/api/v1/opportunities?size=500", "director").json().get("content").valueStream()
			.filter(o -> o.get("ownerStaffId").asLong() != lucia)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		assertThat(api.get("/api/v1/opportunities/" + someoneElses, "rep").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/opportunities/" + someoneElses + "/stage", "rep", Map.of("stage", "LOST")).status())
			.isEqualTo(404);
		Api.Response csv = api.get("/api/v1/opportunities?open=true", "rep", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFid,title");
		assertThat(csv.body().lines().count() - 1).as("one row per open opportunity of the salesperson")
			.isEqualTo(api.get("/api/v1/opportunities?open=true&size=1", "rep").json().get("page").get("totalElements")
				.asLong());
		JsonNode totals = api.get("/api/v1/opportunities/totals", "manager").json();
		assertThat(totals.get("weighted").decimalValue()).isLessThanOrEqualTo(totals.get("amount").decimalValue());
		assertThat(api.post("/api/v1/opportunities", "viewer", opportunity(1, "10")).status()).isEqualTo(403);
	}

	@Test
	void aWonOrLostOpportunityIsNotMovedAgainAndWritesNoSecondAuditEntry() {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		long won = api.post("/api/v1/opportunities", "rep", opportunity(customer, "800")).json().get("id").asLong();
		assertThat(api.post("/api/v1/opportunities/" + won + "/stage", "rep", Map.of("stage", "WON")).status())
			.isEqualTo(200);
		Api.Response again = api.post("/api/v1/opportunities/" + won + "/stage", "rep", Map.of("stage", "WON"));
		assertThat(again.status()).as("winning a won opportunity").isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("This opportunity is already won.");
		Api.Response reopened = api.post("/api/v1/opportunities/" + won + "/stage", "rep", Map.of("stage", "PROPOSAL"));
		assertThat(reopened.status()).as("moving a closed opportunity").isEqualTo(409);
		assertThat(reopened.json().get("detail").asString()).contains("closed");
		assertThat(api.post("/api/v1/opportunities/" + won + "/stage", "rep", Map.of("stage", "LOST")).status())
			.as("losing a won opportunity").isEqualTo(409);
		assertThat(stageMoves(won)).isEqualTo(1);
		assertThat(api.get("/api/v1/opportunities/" + won, "rep").json().get("history")).hasSize(2);

		long lost = api.post("/api/v1/opportunities", "rep", opportunity(customer, "900")).json().get("id").asLong();
		assertThat(api.post("/api/v1/opportunities/" + lost + "/stage", "rep",
				Map.of("stage", "LOST", "lossReason", "Precio")).status()).isEqualTo(200);
		Api.Response lostAgain = api.post("/api/v1/opportunities/" + lost + "/stage", "rep",
				Map.of("stage", "LOST", "lossReason", "Precio"));
		assertThat(lostAgain.status()).as("losing a lost opportunity").isEqualTo(409);
		assertThat(lostAgain.json().get("detail").asString()).isEqualTo("This opportunity is already lost.");
		assertThat(api.post("/api/v1/opportunities/" + lost + "/stage", "rep", Map.of("stage", "WON")).status())
			.as("winning a lost opportunity").isEqualTo(409);
		assertThat(stageMoves(lost)).isEqualTo(1);
	}

	private long stageMoves(long opportunity) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM identity_audit_event
				WHERE entity_type = 'OPPORTUNITY' AND action = 'STAGE' AND entity_id = :id""")
			.param("id", Long.toString(opportunity))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> opportunity(long customer, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Renovación " + SEQUENCE.incrementAndGet());
		body.put("amount", amount);
		body.put("expectedClose", LocalDate.now().plusMonths(2).toString());
		return body;
	}
}
