package io.rumbo.scenarios;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation over real HTTP with real tokens per role, on the demo's quarterly template and its two cycles (last
 * quarter's closed, this quarter's live): a salesperson sees only their own scorecards and never a peer's feedback,
 * a manager only their subtree's, a director everyone's; out of scope is 404, a role that may not act 403; template
 * errors name the criterion and a published template cannot change.
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	long closedCycle;

	long liveCycle;

	@BeforeAll
	void cycles() {
		api = new Api(port);
		for (JsonNode cycle : api.get("/api/v1/evaluation/cycles?size=100", "director").json().get("content")) {
			if (cycle.get("state").asString().equals("CLOSED") && closedCycle == 0) {
				closedCycle = cycle.get("id").asLong();
			}
			if (cycle.get("state").asString().equals("OPEN") && liveCycle == 0) {
				liveCycle = cycle.get("id").asLong();
			}
		}
		assertThat(closedCycle).as("the demo's closed cycle").isPositive();
		assertThat(liveCycle).as("the demo's live cycle").isPositive();
	}

	List<JsonNode> cards(String user, long cycle) {
		List<JsonNode> cards = new ArrayList<>();
		JsonNode page = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + cycle, user).json();
		page.get("content").forEach(cards::add);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(cards.size());
		return cards;
	}

	long self(String user) {
		return api.get("/api/v1/staff/me", user).json().get("id").asLong();
	}

	@Test
	void aSalespersonSeesOnlyTheirOwnScorecardsAndNeverAPeersFeedback() {
		long rep = self("rep");
		List<JsonNode> mine = cards("rep", closedCycle);
		assertThat(mine).extracting(c -> c.get("staffId").asLong()).containsExactly(rep);
		JsonNode card = api.get("/api/v1/evaluation/scorecards/" + mine.get(0).get("id").asLong(), "rep").json();
		assertThat(card.get("feedback").get("strengths").asString()).isNotBlank();
		assertThat(card.get("lines").get(0).get("recordsUrl").asString()).contains("person=" + rep);

		JsonNode peer = cards("director", closedCycle).stream().filter(c -> c.get("staffId").asLong() != rep)
			.findFirst().orElseThrow();
		Api.Response theirs = api.get("/api/v1/evaluation/scorecards/" + peer.get("id").asLong(), "rep");
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.body()).doesNotContain("strengths");
		assertThat(api.get("/api/v1/evaluation/scorecards?staffId=" + peer.get("staffId").asLong(), "rep").json()
			.get("content")).isEmpty();

		JsonNode live = cards("rep", liveCycle).get(0);
		JsonNode liveCard = api.get("/api/v1/evaluation/scorecards/" + live.get("id").asLong(), "rep").json();
		assertThat(liveCard.get("state").asString()).isEqualTo("LIVE");
		assertThat(liveCard.get("lines")).hasSize(7);
		assertThat(live.get("score").isNull()).as("a live score is on the card, not in the list").isTrue();
	}

	@Test
	void aManagerSeesTheirSubtreeAndReviewsNobodyElse() {
		Set<Long> visible = new HashSet<>();
		api.get("/api/v1/staff?size=500", "manager").json().get("content").forEach(s -> visible.add(s.get("id").asLong()));
		List<JsonNode> theirs = cards("manager", closedCycle);
		List<JsonNode> everyone = cards("director", closedCycle);
		assertThat(theirs).isNotEmpty().hasSizeLessThan(everyone.size());
		assertThat(theirs).allSatisfy(c -> assertThat(visible).contains(c.get("staffId").asLong()));
		assertThat(theirs).extracting(c -> c.get("staffId").asLong()).contains(self("rep"));
		JsonNode outside = everyone.stream().filter(c -> !visible.contains(c.get("staffId").asLong())).findFirst()
			.orElseThrow();
		long outsideId = outside.get("id").asLong();
		assertThat(api.get("/api/v1/evaluation/scorecards/" + outsideId, "manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/evaluation/scorecards/" + outsideId, "director").status()).isEqualTo(200);
		Map<String, Object> review = Map.of("version", 0, "ratings", List.of(), "outcome", "COACHING");
		assertThat(api.post("/api/v1/evaluation/scorecards/" + outsideId + "/review", "manager", review).status())
			.isEqualTo(404);
		long repCard = cards("rep", closedCycle).get(0).get("id").asLong();
		assertThat(api.post("/api/v1/evaluation/scorecards/" + repCard + "/review", "rep", review).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + repCard + "/review", "manager",
				Map.of("version", 99, "ratings", List.of(), "outcome", "COACHING")).status())
			.as("the cycle is closed: stale or refused, never changed").isIn(409);
	}

	@Test
	void theSalespersonAcknowledgesTheirClosedScorecardOnce() {
		long repCard = cards("rep", closedCycle).get(0).get("id").asLong();
		assertThat(api.post("/api/v1/evaluation/scorecards/" + repCard + "/acknowledge", "manager", Map.of()).status())
			.as("only the person acknowledges").isEqualTo(403);
		Api.Response done = api.post("/api/v1/evaluation/scorecards/" + repCard + "/acknowledge", "rep",
				Map.of("answer", "De acuerdo con los puntos de mejora."));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(done.json().get("answer").asString()).isEqualTo("De acuerdo con los puntos de mejora.");
		assertThat(api.post("/api/v1/evaluation/scorecards/" + repCard + "/acknowledge", "rep", Map.of()).status())
			.isEqualTo(409);
		long liveCard = cards("rep", liveCycle).get(0).get("id").asLong();
		assertThat(api.post("/api/v1/evaluation/scorecards/" + liveCard + "/acknowledge", "rep", Map.of()).status())
			.as("not before the close").isEqualTo(409);
	}

	@Test
	void templatesAreWrittenByDirectorsAndTheirErrorsNameTheCriterion() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Prueba " + unique("T"));
		body.put("cadence", "MONTHLY");
		body.put("populationRole", "SALESPERSON");
		body.put("scaleMax", 10);
		body.put("criteria", List.of(
				Map.of("name", "Ventas", "kind", "QUANTITATIVE", "weight", 70, "measure", "revenue", "target", "QUOTA"),
				Map.of("name", "Visitas", "kind", "QUANTITATIVE", "weight", 20, "measure", "visitas", "target", "QUOTA")));
		assertThat(api.post("/api/v1/evaluation/templates", "rep", body).status()).isEqualTo(403);
		Api.Response refused = api.send("POST", "/api/v1/evaluation/templates", api.token("director"), body,
				Map.of("Accept-Language", "es"));
		assertThat(refused.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("criteria", "criteria[1].measure");
		assertThat(refused.body()).contains("Visitas").contains("90");

		body.put("criteria", List.of(
				Map.of("name", "Ventas", "kind", "QUANTITATIVE", "weight", 80, "measure", "revenue", "target", "QUOTA",
						"capPercent", 150),
				Map.of("name", "Visitas", "kind", "QUANTITATIVE", "weight", 20, "measure", "visits", "target", "FIXED",
						"targetValue", 40)));
		Api.Response created = api.post("/api/v1/evaluation/templates", "director", body);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.get("/api/v1/evaluation/templates/" + id, "rep").status()).as("a draft is its authors'")
			.isEqualTo(404);
		Api.Response example = api.get("/api/v1/evaluation/templates/" + id + "/example", "director");
		assertThat(example.status()).isEqualTo(200);
		assertThat(example.json().get("lines")).hasSize(2);

		JsonNode demo = api.get("/api/v1/evaluation/templates?state=PUBLISHED", "rep").json().get("content").get(0);
		Map<String, Object> change = new LinkedHashMap<>(body);
		change.put("version", demo.get("version").asLong());
		assertThat(api.put("/api/v1/evaluation/templates/" + demo.get("id").asLong(), "director", change).status())
			.as("a published template does not change").isEqualTo(409);
		assertThat(api.get("/api/v1/evaluation/templates/" + demo.get("id").asLong() + "/example", "rep").json()
			.get("staffId").asLong()).isEqualTo(self("rep"));
	}
}
