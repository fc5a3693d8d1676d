package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The calibration pages over HTTP with real sessions, in English and Spanish: the manager reads the distribution,
 * rankings and results versus effort of the demo's closed cycle and their team's history; the salesperson reads the
 * calibration adjustment on their scorecard and their own history only; on a calibrated cycle the manager adjusts a
 * score and nominates the salesperson through the scorecard page's forms, and the nomination is listed.
 */
@RumboIntegrationTest
class CalibrationPageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theManagerCalibratesAndTheSalespersonReadsTheAdjustmentAndTheirHistory() {
		Api api = new Api(port);
		long closed = api.get("/api/v1/evaluation/cycles?state=CLOSED", "director").json().get("content")
			.get(0).get("id").asLong();
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		HttpResponse<String> en = manager.get(port, "/evaluation/cycles/" + closed + "/calibration?lang=en");
		assertThat(en.statusCode()).isEqualTo(200);
		assertThat(en.body()).contains("Distribution of the scores by team").contains("id=\"teams\"")
			.contains("id=\"ranking\"").contains("Results versus effort").contains("id=\"quadrant-chart\"")
			.contains("id=\"evaluation-chart-data\"").contains("/js/evaluation-");
		assertThat(manager.get(port, "/evaluation/cycles/" + closed + "/calibration?lang=es").body())
			.contains("Distribución de las puntuaciones por equipo").contains("Resultados frente a esfuerzo")
			.contains("Clasificación");
		assertThat(manager.get(port, "/evaluation/cycles/" + closed + "?lang=en").body())
			.contains("id=\"calibration-link\"").contains("/evaluation/cycles/" + closed + "/quadrant");
		assertThat(manager.get(port, "/evaluation/cycles/" + closed + "/quadrant?lang=en").body())
			.contains("id=\"quadrants\"");
		long centro = unitId(api, "R-CENTRO");
		assertThat(manager.get(port, "/evaluation/history/teams/" + centro + "?lang=es").body())
			.contains("Historial del equipo").contains("id=\"team-history\"");

		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long card = api.get("/api/v1/evaluation/scorecards?cycleId=" + closed + "&staffId=" + rep, "rep").json()
			.get("content").get(0).get("id").asLong();
		WebSession salesperson = new WebSession();
		salesperson.signIn(port, "rep", "demo");
		String mine = salesperson.get(port, "/evaluation/scorecards/" + card + "?lang=en").body();
		assertThat(mine).contains("id=\"adjustments\"").contains("Score by the rules").contains("Hoteles Levante")
			.contains("/evaluation/history/people/" + rep).doesNotContain("id=\"adjust-form\"");
		assertThat(salesperson.get(port, "/evaluation/history/people/" + rep + "?lang=es").body())
			.contains("Historial de evaluaciones").contains("id=\"history-chart\"").contains("Puntos por criterio");
		assertThat(salesperson.get(port, "/evaluation/cycles/" + closed + "/calibration?lang=en").statusCode())
			.isEqualTo(403);
		long peer = api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closed, "manager").json().get("content")
			.valueStream().map(c -> c.get("staffId").asLong()).filter(id -> id != rep).findFirst().orElseThrow();
		assertThat(salesperson.get(port, "/evaluation/history/people/" + peer).statusCode()).isEqualTo(404);
	}

	@Test
	void theManagerAdjustsAndNominatesThroughTheScorecardPage() {
		Api api = new Api(port);
		CalibratedCycleFixture.Calibrated cycle = CalibratedCycleFixture.create(api);
		CalibratedCycleFixture.move(api, cycle.cycle(), "calibrate");
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		String page = manager.get(port, "/evaluation/scorecards/" + cycle.repCard() + "?lang=es").body();
		assertThat(page).contains("id=\"adjust-form\"").contains("Ajustar la puntuación")
			.contains("id=\"nominate-form\"");
		JsonNode card = api.get("/api/v1/evaluation/scorecards/" + cycle.repCard(), "manager").json();
		HttpResponse<String> refused = manager.postForm(port, "/evaluation/scorecards/" + cycle.repCard()
				+ "/adjustment", Map.of("_csrf", WebSession.csrf(page), "version", card.get("version").asString(),
						"score", "6.5", "reason", ""));
		assertThat(refused.statusCode()).as("back to the scorecard with the reason").isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/evaluation/scorecards/"
				+ cycle.repCard());
		assertThat(manager.get(port, "/evaluation/scorecards/" + cycle.repCard()).body()).contains("alert-danger")
			.contains("Motivo").doesNotContain("id=\"adjustments\"");
		HttpResponse<String> adjusted = manager.postForm(port, "/evaluation/scorecards/" + cycle.repCard()
				+ "/adjustment", Map.of("_csrf", WebSession.csrf(page), "version", card.get("version").asString(),
						"score", "6.5", "reason", "Pedido de la renovación registrado tarde"));
		assertThat(adjusted.statusCode()).isEqualTo(302);
		String after = manager.get(port, "/evaluation/scorecards/" + cycle.repCard() + "?lang=en").body();
		assertThat(after).contains("id=\"adjustments\"").contains("Pedido de la renovación registrado tarde")
			.contains("Score adjusted.");
		HttpResponse<String> nominated = manager.postForm(port, "/evaluation/scorecards/" + cycle.repCard()
				+ "/nomination", Map.of("_csrf", WebSession.csrf(after), "reason", "Relación excelente con sus clientes"));
		assertThat(nominated.statusCode()).isEqualTo(302);
		assertThat(manager.get(port, "/evaluation/scorecards/" + cycle.repCard() + "?lang=en").body())
			.contains("id=\"nomination\"").doesNotContain("id=\"nominate-form\"");
		assertThat(manager.get(port, "/evaluation/nominations?lang=es").body())
			.contains("Nominaciones para reconocimiento").contains("Relación excelente con sus clientes");
		HttpResponse<String> csv = manager.get(port, "/evaluation/nominations?format=csv&lang=es");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("Relación excelente con sus clientes");
		// The language is remembered per user: leave the demo manager in English for the tests after this one.
		manager.get(port, "/evaluation?lang=en");
	}
}
