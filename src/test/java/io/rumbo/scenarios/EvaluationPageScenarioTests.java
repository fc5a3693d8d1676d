package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation pages over HTTP with real sessions: on a cycle of last quarter for Región Centro, the manager
 * freezes the figures, reviews the salesperson's scorecard with ratings and feedback, calibrates and closes; the
 * salesperson reads the feedback in Spanish and acknowledges it with an answer.
 */
@RumboIntegrationTest
class EvaluationPageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theManagerReviewsAndClosesAndTheSalespersonAcknowledges() {
		Api api = new Api(port);
		JsonNode template = api.get("/api/v1/evaluation/templates?state=PUBLISHED", "director").json().get("content")
			.get(0);
		String period = api.get("/api/v1/evaluation/cycles?state=CLOSED", "director").json().get("content").get(0)
			.get("period").asString();
		Api.Response opened = api.post("/api/v1/evaluation/cycles", "director", Map.of("templateId",
				template.get("id").asLong(), "name", "Centro " + unique("J"), "cadence", "QUARTERLY", "period", period,
				"populationUnitId", unitId(api, "R-CENTRO")));
		assertThat(opened.status()).isEqualTo(201);
		long cycle = opened.json().get("id").asLong();

		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		HttpResponse<String> page = manager.get(port, "/evaluation/cycles/" + cycle + "?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Freeze the figures and review");
		move(manager, cycle, "IN_REVIEW", Map.of());

		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long card = api.get("/api/v1/evaluation/scorecards?cycleId=" + cycle + "&staffId=" + rep, "manager").json()
			.get("content").get(0).get("id").asLong();
		HttpResponse<String> form = manager.get(port, "/evaluation/scorecards/" + card + "?lang=en");
		assertThat(form.body()).contains("id=\"review-form\"").contains("/metrics/records?measure=revenue");
		String csrf = WebSession.csrf(form.body());
		JsonNode current = api.get("/api/v1/evaluation/scorecards/" + card, "manager").json();
		HttpResponse<String> saved = manager.postForm(port, "/evaluation/scorecards/" + card,
				Map.of("_csrf", csrf, "action", "review", "version", current.get("version").asString(), "rating.6", "3",
						"rating.7", "4", "strengths", "Cierra bien las renovaciones", "improvements", "Más visitas",
						"text", "Buen trimestre", "outcome", "COACHING"));
		assertThat(saved.statusCode()).isEqualTo(302);
		for (JsonNode other : api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + cycle, "manager").json()
			.get("content")) {
			if (other.get("id").asLong() != card) {
				long version = api.get("/api/v1/evaluation/scorecards/" + other.get("id").asLong(), "manager").json()
					.get("version").asLong();
				assertThat(api.post("/api/v1/evaluation/scorecards/" + other.get("id").asLong() + "/review", "manager",
						Map.of("version", version, "outcome", "MEETS_EXPECTATIONS", "ratings",
								List.of(Map.of("position", 6, "level", 3), Map.of("position", 7, "level", 3))))
					.status()).isEqualTo(200);
			}
		}
		move(manager, cycle, "CALIBRATED", Map.of());
		move(manager, cycle, "CLOSED", Map.of("acknowledgeBy", LocalDate.now().plusDays(10).toString()));
		assertThat(api.get("/api/v1/evaluation/cycles/" + cycle, "manager").json().get("state").asString())
			.isEqualTo("CLOSED");

		WebSession salesperson = new WebSession();
		salesperson.signIn(port, "rep", "demo");
		HttpResponse<String> mine = salesperson.get(port, "/evaluation/scorecards/" + card + "?lang=es");
		assertThat(mine.body()).contains("Puntos fuertes").contains("Cierra bien las renovaciones")
			.contains("id=\"acknowledge-form\"").doesNotContain("id=\"review-form\"");
		HttpResponse<String> done = salesperson.postForm(port, "/evaluation/scorecards/" + card,
				Map.of("_csrf", WebSession.csrf(mine.body()), "action", "acknowledge", "answer", "De acuerdo"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(salesperson.get(port, "/evaluation/scorecards/" + card + "?lang=en").body())
			.contains("Acknowledged on").contains("De acuerdo").doesNotContain("id=\"acknowledge-form\"");
		assertThat(salesperson.get(port, "/evaluation?lang=en").body()).contains("My evaluation")
			.contains("/evaluation/scorecards/" + card);
	}

	void move(WebSession session, long cycle, String to, Map<String, String> extra) {
		String html = session.get(port, "/evaluation/cycles/" + cycle + "?lang=en").body();
		String version = html.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("_csrf", WebSession.csrf(html), "to",
				to, "version", version));
		form.putAll(extra);
		HttpResponse<String> moved = session.postForm(port, "/evaluation/cycles/" + cycle, form);
		assertThat(moved.statusCode()).as("move to " + to + ": " + moved.body()).isEqualTo(302);
	}
}
