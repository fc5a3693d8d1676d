package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Calibration, results versus effort, history and nominations over real HTTP with real tokens per role: the
 * director sees every team, a manager their subtree, a salesperson neither (403) and only their own history (a
 * peer's is 404); a score is adjusted only in calibration, with a reason, audited and shown on the scorecard; a
 * nomination follows a recognition outcome once, and is listed in scope and exported.
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibrationApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	long closed;

	long live;

	long rep;

	@BeforeAll
	void demo() {
		api = new Api(port);
		for (JsonNode cycle : api.get("/api/v1/evaluation/cycles?size=100", "director").json()
			.get("content")) {
			closed = closed == 0 && cycle.get("state").asString().equals("CLOSED") ? cycle.get("id").asLong() : closed;
			live = live == 0 && cycle.get("state").asString().equals("OPEN") ? cycle.get("id").asLong() : live;
		}
		rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
	}

	Set<Long> visibleTo(String user) {
		Set<Long> visible = new HashSet<>();
		api.get("/api/v1/staff?size=500", user).json().get("content").forEach(s -> visible.add(s.get("id").asLong()));
		return visible;
	}

	long repCard(long cycle) {
		return api.get("/api/v1/evaluation/scorecards?cycleId=" + cycle + "&staffId=" + rep, "rep").json()
			.get("content").get(0).get("id").asLong();
	}

	@Test
	void theDirectorSeesEveryTeamAManagerTheirSubtreeASalespersonNothing() {
		JsonNode all = api.get("/api/v1/evaluation/cycles/" + closed + "/calibration", "director").json();
		long cards = api.get("/api/v1/evaluation/scorecards?size=1&cycleId=" + closed, "director").json().get("page")
			.get("totalElements").asLong();
		assertThat(all.get("everyone").get("count").asLong()).isEqualTo(cards);
		assertThat(all.get("ranking")).hasSize((int) cards);
		assertThat(all.get("teams").size()).isGreaterThan(1);
		assertThat(all.get("bandFloors")).hasSize(5);
		int banded = 0;
		for (JsonNode team : all.get("teams")) {
			for (JsonNode n : team.get("bands")) {
				banded += n.asInt();
			}
		}
		assertThat(banded).as("every scorecard falls in one band").isEqualTo((int) cards);
		BigDecimal previous = null;
		for (JsonNode r : all.get("ranking")) {
			BigDecimal score = r.get("score").decimalValue();
			assertThat(previous == null || previous.compareTo(score) >= 0).as("best first").isTrue();
			previous = score;
		}

		JsonNode theirs = api.get("/api/v1/evaluation/cycles/" + closed + "/calibration", "manager").json();
		Set<Long> visible = visibleTo("manager");
		assertThat(theirs.get("everyone").get("count").asLong()).isPositive().isLessThan(cards);
		theirs.get("ranking").forEach(r -> assertThat(visible).contains(r.get("staffId").asLong()));
		assertThat(api.get("/api/v1/evaluation/cycles/" + closed + "/quadrants", "manager").json().get("people"))
			.hasSize(theirs.get("everyone").get("count").asInt());

		assertThat(api.get("/api/v1/evaluation/cycles/" + closed + "/calibration", "rep").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/evaluation/cycles/" + closed + "/quadrants", "rep").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/evaluation/cycles/" + live + "/calibration", "director").json().get("ranking"))
			.as("an open cycle has no frozen scores").isEmpty();
	}

	@Test
	void resultsVersusEffortPlacesEveryoneInTheQuadrantOfTheThreshold() {
		JsonNode q = api.get("/api/v1/evaluation/cycles/" + closed + "/quadrants", "director").json();
		BigDecimal high = q.get("threshold").decimalValue();
		assertThat(q.get("people")).isNotEmpty();
		for (JsonNode p : q.get("people")) {
			boolean results = p.get("results").decimalValue().compareTo(high) >= 0;
			boolean effort = p.get("effort").decimalValue().compareTo(high) >= 0;
			String expected = results ? (effort ? "REWARD" : "IMPROVE") : (effort ? "COACH" : "CONFRONT");
			assertThat(p.get("action").asString()).isEqualTo(expected);
		}
	}

	@Test
	void theDemoHasOneAuditedAdjustmentThatTheSalespersonReadsOnTheirClosedScorecard() {
		long card = repCard(closed);
		JsonNode mine = api.get("/api/v1/evaluation/scorecards/" + card, "rep").json();
		JsonNode adjustment = mine.get("adjustments").get(0);
		assertThat(adjustment.get("reason").asString()).isNotBlank();
		assertThat(adjustment.get("adjustedBy").asString()).isEqualTo("director");
		assertThat(adjustment.get("scoreAfter").decimalValue()).isEqualByComparingTo(mine.get("score").decimalValue())
			.isNotEqualByComparingTo(adjustment.get("scoreBefore").decimalValue());
		assertThat(AuditEntries.count(jdbc, "EVALUATION_SCORECARD", card, "ADJUST")).isEqualTo(1);
		JsonNode ranked = api.get("/api/v1/evaluation/cycles/" + closed + "/calibration", "manager").json().get("ranking")
			.valueStream().filter(r -> r.get("scorecardId").asLong() == card).findFirst().orElseThrow();
		assertThat(ranked.get("ruleScore").decimalValue()).isEqualByComparingTo(adjustment.get("scoreBefore").decimalValue());
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "director", Map.of("version",
				mine.get("version").asLong(), "score", 5, "reason", "late")).status())
			.as("a closed cycle is not adjusted").isEqualTo(409);
	}

	@Test
	void historyIsOwnForASalespersonTheSubtreeForAManagerAndOtherwiseNotFound() {
		JsonNode own = api.get("/api/v1/staff/" + rep + "/evaluation-history", "rep").json();
		assertThat(own.get("cycles")).isNotEmpty();
		assertThat(own.get("cycles").valueStream().map(c -> c.get("cycleId").asLong())).contains(closed);
		assertThat(own.get("criteria")).hasSize(7);
		Set<Long> centro = visibleTo("manager");
		long peer = centro.stream().filter(id -> id != rep).findFirst().orElseThrow();
		assertThat(api.get("/api/v1/staff/" + peer + "/evaluation-history", "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/staff/" + peer + "/evaluation-history", "manager").status()).isEqualTo(200);
		long outside = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closed, "director").json()
			.get("content").valueStream().map(c -> c.get("staffId").asLong()).filter(id -> !centro.contains(id))
			.findFirst().orElseThrow();
		assertThat(api.get("/api/v1/staff/" + outside + "/evaluation-history", "manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/staff/" + outside + "/evaluation-history", "director").status()).isEqualTo(200);

		long region = unitId(api, "R-CENTRO");
		JsonNode team = api.get("/api/v1/org-units/" + region + "/evaluation-history", "manager").json();
		assertThat(team.get("cycles")).isNotEmpty();
		assertThat(team.get("cycles").get(0).get("mean").decimalValue()).isPositive();
		assertThat(api.get("/api/v1/org-units/" + region + "/evaluation-history", "rep").status()).isEqualTo(404);
		long otherRegion = api.get("/api/v1/evaluation/cycles/" + closed + "/calibration", "director").json()
			.get("teams").valueStream().map(t -> t.get("unitId").asLong())
			.filter(u -> api.get("/api/v1/org-units/" + u + "/evaluation-history", "manager").status() == 404).findFirst()
			.orElseThrow();
		assertThat(api.get("/api/v1/org-units/" + otherRegion + "/evaluation-history", "director").status()).isEqualTo(200);
	}

	@Test
	void aScoreIsAdjustedInCalibrationWithAReasonAndTheRecognisedAreNominatedOnce() {
		CalibratedCycleFixture.Calibrated cycle = CalibratedCycleFixture.create(api);
		long card = cycle.repCard();
		JsonNode before = api.get("/api/v1/evaluation/scorecards/" + card, "manager").json();
		long version = before.get("version").asLong();
		Map<String, Object> body = Map.of("version", version, "score", 8.25, "reason", "Renovación cerrada tarde");
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "manager", body).status())
			.as("still in review").isEqualTo(409);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/nomination", "manager",
				Map.of("reason", "El mejor")).status()).as("nominated once the score is agreed").isEqualTo(409);
		CalibratedCycleFixture.move(api, cycle.cycle(), "calibrate");

		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "rep", body).status())
			.as("a salesperson never adjusts").isEqualTo(403);
		long outside = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closed, "director").json()
			.get("content").valueStream().filter(c -> !visibleTo("manager").contains(c.get("staffId").asLong()))
			.findFirst().orElseThrow().get("id").asLong();
		assertThat(api.post("/api/v1/evaluation/scorecards/" + outside + "/adjustment", "manager", body).status())
			.isEqualTo(404);
		Api.Response noReason = api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "manager",
				Map.of("version", version, "score", 8.25));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "manager", Map.of("version",
				version, "score", 11, "reason", "x")).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "manager", Map.of("version",
				version + 5, "score", 8.25, "reason", "x")).status()).isEqualTo(409);

		Api.Response adjusted = api.post("/api/v1/evaluation/scorecards/" + card + "/adjustment", "manager", body);
		assertThat(adjusted.status()).isEqualTo(200);
		JsonNode after = adjusted.json();
		assertThat(after.get("score").decimalValue()).isEqualByComparingTo("8.25");
		JsonNode kept = after.get("adjustments").get(0);
		assertThat(kept.get("scoreBefore").decimalValue()).isEqualByComparingTo(before.get("score").decimalValue());
		assertThat(kept.get("adjustedBy").asString()).isEqualTo("manager");
		assertThat(kept.get("reason").asString()).isEqualTo("Renovación cerrada tarde");
		assertThat(AuditEntries.count(jdbc, "EVALUATION_SCORECARD", card, "ADJUST")).isEqualTo(1);

		long other = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + cycle.cycle(), "manager").json()
			.get("content").valueStream().filter(c -> c.get("id").asLong() != card).findFirst().orElseThrow()
			.get("id").asLong();
		assertThat(api.post("/api/v1/evaluation/scorecards/" + other + "/nomination", "manager",
				Map.of("reason", "Bien")).status()).as("not proposed for recognition").isEqualTo(409);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/nomination", "rep",
				Map.of("reason", "Yo")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/nomination", "manager", Map.of()).status())
			.isEqualTo(400);
		Api.Response nominated = api.post("/api/v1/evaluation/scorecards/" + card + "/nomination", "manager",
				Map.of("reason", "El mejor trimestre del equipo"));
		assertThat(nominated.status()).isEqualTo(201);
		long nomination = nominated.json().get("id").asLong();
		assertThat(nominated.json().get("staffId").asLong()).isEqualTo(rep);
		assertThat(api.post("/api/v1/evaluation/scorecards/" + card + "/nomination", "manager",
				Map.of("reason", "Otra vez")).status()).isEqualTo(409);

		JsonNode listed = api.get("/api/v1/evaluation/nominations?size=500&cycleId=" + cycle.cycle(), "manager").json();
		assertThat(listed.get("page").get("totalElements").asLong()).isEqualTo(1);
		assertThat(listed.get("content").get(0).get("id").asLong()).isEqualTo(nomination);
		JsonNode repsOwn = api.get("/api/v1/evaluation/nominations?size=500", "rep").json();
		assertThat(repsOwn.get("content")).allSatisfy(n -> assertThat(n.get("staffId").asLong()).isEqualTo(rep));
		assertThat(api.get("/api/v1/evaluation/nominations/" + nomination, "rep").status()).isEqualTo(200);
		Api.Response csv = api.get("/api/v1/evaluation/nominations?cycleId=" + cycle.cycle(), "manager",
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("id,cycle,name,unitName,score,reason,nominatedBy,nominatedAt")
			.contains("El mejor trimestre del equipo");
		assertThat(api.get("/api/v1/evaluation/scorecards/" + card, "manager").json().get("nomination").get("id")
			.asLong()).isEqualTo(nomination);
		List<JsonNode> content = api.get("/api/v1/evaluation/nominations?size=500", "director").json().get("content")
			.valueStream().toList();
		assertThat(content).extracting(n -> n.get("id").asLong()).contains(nomination);
	}
}
