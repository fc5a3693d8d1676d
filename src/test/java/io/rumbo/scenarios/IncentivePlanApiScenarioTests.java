package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Incentive plans over real HTTP with real tokens per role, on the demo's two approved plans (salespeople and team
 * leaders): finance reads every plan and exports the list, a manager reads the plans their people are on, a
 * salesperson only the one they are on (the other answers 404); only directors and administrators write, only a
 * director approves; errors name the component and the tier; a stale version answers 409; the preview shows a
 * salesperson only their own figures.
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncentivePlanApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	JsonNode reps;

	JsonNode leaders;

	@BeforeAll
	void demoPlans() {
		api = new Api(port);
		for (JsonNode plan : api.get("/api/v1/incentive-plans?size=100&state=APPROVED", "finance").json()
			.get("content")) {
			if (plan.get("name").asString().startsWith("Comerciales") && reps == null) {
				reps = plan;
			}
			if (plan.get("name").asString().startsWith("Jefes de equipo") && leaders == null) {
				leaders = plan;
			}
		}
		assertThat(reps).as("the demo's salespeople plan").isNotNull();
		assertThat(leaders).as("the demo's team leaders plan").isNotNull();
	}

	long self(String user) {
		return api.get("/api/v1/staff/me", user).json().get("id").asLong();
	}

	Map<String, Object> tier(Object from, Object to, Object pays) {
		Map<String, Object> tier = new LinkedHashMap<>();
		tier.put("from", from);
		tier.put("to", to);
		tier.put("pays", pays);
		return tier;
	}

	Map<String, Object> body(String name, int year, List<Map<String, Object>> tiers) {
		Map<String, Object> component = new LinkedHashMap<>();
		component.put("name", "Ventas");
		component.put("metric", "REVENUE");
		component.put("measuredOn", "PERSON");
		component.put("cadence", "QUARTER");
		component.put("basis", "VALUE");
		component.put("kind", "FLAT");
		component.put("boundary", "LOWER_INCLUSIVE");
		component.put("tiers", tiers);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("fiscalYear", year);
		body.put("populationRole", "SALESPERSON");
		body.put("prorationRule", "DAYS");
		body.put("components", List.of(component));
		return body;
	}

	@Test
	void financeReadsAndExportsEveryPlanAndASalespersonOnlyTheirs() {
		assertThat(api.get("/api/v1/incentive-plans/" + reps.get("id").asLong(), "finance").status()).isEqualTo(200);
		Api.Response csv = api.get("/api/v1/incentive-plans", "finance", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains(reps.get("code").asString()).contains(leaders.get("code").asString());

		List<String> mine = new ArrayList<>();
		api.get("/api/v1/incentive-plans?size=100", "rep").json().get("content")
			.forEach(p -> mine.add(p.get("code").asString()));
		assertThat(mine).contains(reps.get("code").asString()).doesNotContain(leaders.get("code").asString());
		assertThat(api.get("/api/v1/incentive-plans/" + leaders.get("id").asLong(), "rep").status()).isEqualTo(404);
		List<JsonNode> assignments = new ArrayList<>();
		api.get("/api/v1/incentive-plans/" + reps.get("id").asLong() + "/assignments", "rep").json()
			.forEach(assignments::add);
		assertThat(assignments).extracting(a -> a.get("staffId").asLong()).containsExactly(self("rep"));

		Set<Long> visible = new HashSet<>();
		api.get("/api/v1/staff?size=500", "manager").json().get("content").forEach(s -> visible.add(s.get("id").asLong()));
		List<JsonNode> theirs = new ArrayList<>();
		api.get("/api/v1/incentive-plans/" + reps.get("id").asLong() + "/assignments", "manager").json()
			.forEach(theirs::add);
		assertThat(theirs).isNotEmpty();
		assertThat(theirs).allSatisfy(a -> assertThat(visible).contains(a.get("staffId").asLong()));
		assertThat(api.get("/api/v1/incentive-plans/" + reps.get("id").asLong() + "/assignments", "finance").json()
			.size()).isGreaterThan(theirs.size());
	}

	@Test
	void thePreviewShowsASalespersonOnlyTheirOwnFigures() {
		long id = reps.get("id").asLong();
		JsonNode everyone = api.get("/api/v1/incentive-plans/" + id + "/preview", "finance").json();
		assertThat(everyone.get("people").size()).isGreaterThan(1);
		JsonNode first = everyone.get("people").get(0);
		assertThat(first.get("lines").get(0).has("attainment")).isTrue();
		assertThat(first.get("lines").get(0).get("componentName").asString()).isEqualTo("Ventas / Revenue");
		JsonNode own = api.get("/api/v1/incentive-plans/" + id + "/preview", "rep").json();
		assertThat(own.get("people")).hasSize(1);
		assertThat(own.get("people").get(0).get("staffId").asLong()).isEqualTo(self("rep"));
		Api.Response badPeriod = api.get("/api/v1/incentive-plans/" + id + "/preview?period=FY1999", "finance");
		assertThat(badPeriod.status()).isEqualTo(400);
		assertThat(badPeriod.contentType()).startsWith("application/problem+json");
	}

	@Test
	void directorsWriteAndApproveAndErrorsNameTheComponentAndTier() {
		int year = reps.get("fiscalYear").asInt();
		String name = "Prueba " + unique("IP");
		Map<String, Object> gap = body(name, year, List.of(tier(0, 10000, 1), tier(20000, null, 2)));
		assertThat(api.post("/api/v1/incentive-plans", "rep", gap).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/incentive-plans", "finance", gap).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/incentive-plans", "manager", gap).status()).isEqualTo(403);
		Api.Response refused = api.send("POST", "/api/v1/incentive-plans", api.token("director"), gap,
				Map.of("Accept-Language", "en"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactly("components[0].tiers[1].from");
		assertThat(refused.body()).contains("component Ventas, tier 2");

		Api.Response created = api.post("/api/v1/incentive-plans", "director",
				body(name, year, List.of(tier(0, 10000, 1), tier(10000, null, 2))));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		long version = created.json().get("version").asLong();
		assertThat(api.get("/api/v1/incentive-plans/" + id, "rep").status()).as("a draft is not the reps'")
			.isEqualTo(404);
		Map<String, Object> stale = body(name, year, List.of(tier(0, null, 3)));
		stale.put("version", version + 7);
		assertThat(api.put("/api/v1/incentive-plans/" + id, "admin", stale).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/incentive-plans/" + id + "/approve", "admin", Map.of("version", version))
			.status()).as("only a director approves").isEqualTo(403);
		assertThat(api.post("/api/v1/incentive-plans/" + id + "/approve", "finance", Map.of("version", version))
			.status()).isEqualTo(403);
		Api.Response approved = api.post("/api/v1/incentive-plans/" + id + "/approve", "director",
				Map.of("version", version));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
		assertThat(api.get("/api/v1/incentive-plans/" + id, "rep").status()).as("the rep is on it now")
			.isEqualTo(200);
		Map<String, Object> change = body(name + " v2", year, List.of(tier(0, null, 3)));
		change.put("version", approved.json().get("version").asLong());
		Api.Response v2 = api.put("/api/v1/incentive-plans/" + id, "director", change);
		assertThat(v2.status()).isEqualTo(200);
		assertThat(v2.json().get("number").asInt()).isEqualTo(2);
		assertThat(v2.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(v2.json().get("id").asLong()).isNotEqualTo(id);
	}
}
