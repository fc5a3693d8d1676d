package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.rumbo.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A cycle of last quarter for Región Centro brought to calibration over the API: opened by the director, frozen and
 * reviewed by the manager (the salesperson "rep" proposed for recognition, everyone else meeting expectations), and
 * marked as calibrated.
 */
final class CalibratedCycleFixture {

	private CalibratedCycleFixture() {
	}

	/**
	 * Opens a cycle for the Centro region on a closed quarter of the demo's template, with the template version that
	 * scored it (other tests publish templates of their own, so "the first published one" depends on the order tests
	 * run in).
	 */
	static long open(Api api, String name) {
		JsonNode closed = api.get("/api/v1/evaluation/cycles?state=CLOSED&size=500", "director").json().get("content")
			.valueStream().filter(c -> "Salespeople, quarterly".equals(c.get("templateName").asString())).findFirst()
			.orElseThrow();
		Api.Response opened = api.post("/api/v1/evaluation/cycles", "director", Map.of("templateId",
				closed.get("templateId").asLong(), "name", name, "cadence", "QUARTERLY", "period",
				closed.get("period").asString(), "populationUnitId", ApiTestSupport.unitId(api, "R-CENTRO")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("id").asLong();
	}

	/** The cycle, and the scorecard of "rep" in it. */
	record Calibrated(long cycle, long repCard) {
	}

	static Calibrated create(Api api) {
		long cycle = open(api, "Centro " + ApiTestSupport.unique("K"));
		move(api, cycle, "review");
		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long repCard = 0;
		for (JsonNode card : api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + cycle, "manager").json()
			.get("content")) {
			long id = card.get("id").asLong();
			boolean isRep = card.get("staffId").asLong() == rep;
			repCard = isRep ? id : repCard;
			long version = api.get("/api/v1/evaluation/scorecards/" + id, "manager").json().get("version").asLong();
			assertThat(api.post("/api/v1/evaluation/scorecards/" + id + "/review", "manager",
					Map.of("version", version, "outcome", isRep ? "RECOGNITION" : "MEETS_EXPECTATIONS", "ratings",
							List.of(Map.of("position", 6, "level", 3), Map.of("position", 7, "level", 4))))
				.status()).isEqualTo(200);
		}
		assertThat(repCard).isPositive();
		return new Calibrated(cycle, repCard);
	}

	static void move(Api api, long cycle, String to) {
		long version = api.get("/api/v1/evaluation/cycles/" + cycle, "manager").json().get("version").asLong();
		assertThat(api.post("/api/v1/evaluation/cycles/" + cycle + "/" + to, "manager", Map.of("version", version))
			.status()).as(to).isEqualTo(200);
	}
}
