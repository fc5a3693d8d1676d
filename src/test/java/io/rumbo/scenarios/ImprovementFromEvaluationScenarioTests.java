package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * An improvement plan opened from a closed scorecard, over real HTTP: the manager above the person gets a draft whose
 * goals are the scorecard's points to improve and which records the scorecard; the person cannot open one, a manager
 * outside the subtree is told "not found", a live scorecard is refused; the page form is filled the same way, grows
 * and shrinks its rows through htmx, and the plan links back to the scorecard.
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementFromEvaluationScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	long repCard;

	long outsideCard;

	long liveCard;

	@BeforeAll
	void cards() {
		api = new Api(port);
		long closed = 0;
		long live = 0;
		for (JsonNode cycle : api.get("/api/v1/evaluation/cycles?size=100", "director").json().get("content")) {
			if (cycle.get("state").asString().equals("CLOSED") && closed == 0) {
				closed = cycle.get("id").asLong();
			}
			if (cycle.get("state").asString().equals("OPEN") && live == 0) {
				live = cycle.get("id").asLong();
			}
		}
		repCard = api.get("/api/v1/evaluation/scorecards?cycleId=" + closed, "rep").json().get("content").get(0)
			.get("id").asLong();
		liveCard = api.get("/api/v1/evaluation/scorecards?cycleId=" + live, "rep").json().get("content").get(0)
			.get("id").asLong();
		Set<Long> managed = new HashSet<>();
		api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closed, "manager").json().get("content")
			.forEach(c -> managed.add(c.get("id").asLong()));
		for (JsonNode c : api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + closed, "director").json()
			.get("content")) {
			if (!managed.contains(c.get("id").asLong())) {
				outsideCard = c.get("id").asLong();
			}
		}
	}

	@Test
	void theManagerOpensADraftWithThePointsToImproveAsGoals() {
		JsonNode card = api.get("/api/v1/evaluation/scorecards/" + repCard, "manager").json();
		String points = card.get("feedback").get("improvements").asString();
		Api.Response created = api.post("/api/v1/improvement-plans/from-scorecard/" + repCard, "manager", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode plan = created.json();
		assertThat(plan.get("scorecardId").asLong()).isEqualTo(repCard);
		assertThat(plan.get("staffId").asLong()).isEqualTo(card.get("staffId").asLong());
		assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
		assertThat(plan.get("goals")).hasSize(1);
		assertThat(plan.get("goals").get(0).get("name").asString()).isEqualTo(points.strip());
		assertThat(plan.get("goals").get(0).get("manual").asBoolean()).isTrue();
		assertThat(plan.get("title").asString()).contains(card.get("cycleName").asString());

		assertThat(api.post("/api/v1/improvement-plans/from-scorecard/" + repCard, "rep", Map.of()).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/improvement-plans/from-scorecard/" + outsideCard, "manager", Map.of()).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/improvement-plans/from-scorecard/" + liveCard, "manager", Map.of()).status())
			.isEqualTo(409);
	}

	@Test
	void thePageFormIsFilledFromTheScorecardAndThePlanLinksBack() {
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		HttpResponse<String> scorecard = manager.get(port, "/evaluation/scorecards/" + repCard + "?lang=en");
		assertThat(scorecard.body()).contains("id=\"open-plan\"").contains("/improvement/new?scorecard=" + repCard);
		HttpResponse<String> form = manager.get(port, "/improvement/new?scorecard=" + repCard);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"from-scorecard\"").contains("name=\"scorecardId\"")
			.contains("id=\"goal-name-0\"").contains("id=\"support-description-0\"");
		String csrf = WebSession.csrf(form.body());

		Map<String, String> fields = new HashMap<>(Map.of("_csrf", csrf, "scorecardId", String.valueOf(repCard),
				"title", "Plan de prueba", "startsOn", java.time.LocalDate.now().toString(), "endsOn",
				java.time.LocalDate.now().plusWeeks(8).toString(), "checkInEveryDays", "14", "goals[0].name", "Visitas",
				"goals[0].measure", "visits", "goals[0].comparison", "AT_LEAST", "goals[0].target", "3"));
		fields.put("goals[0].grain", "WEEK");
		fields.put("goals[1].name", "Seguimiento");
		HttpResponse<String> more = manager.postForm(port, "/improvement/form/rows?rows=GOALS", fields,
				Map.of("HX-Request", "true"));
		assertThat(more.statusCode()).isEqualTo(200);
		assertThat(more.body()).contains("id=\"goal-rows\"").contains("value=\"Visitas\"").contains("value=\"Seguimiento\"")
			.contains("id=\"goal-name-2\"").doesNotContain("id=\"goal-name-3\"").doesNotContain("<html");
		HttpResponse<String> fewer = manager.postForm(port, "/improvement/form/rows?rows=GOALS&remove=0", fields,
				Map.of("HX-Request", "true"));
		assertThat(fewer.body()).doesNotContain("value=\"Visitas\"").contains("value=\"Seguimiento\"")
			.contains("id=\"goal-name-0\"").doesNotContain("id=\"goal-name-1\"");

		HttpResponse<String> saved = manager.postForm(port, "/improvement/new", fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> plan = manager.get(port, location.replaceFirst("^https?://[^/]+", ""));
		assertThat(plan.body()).contains("id=\"plan-source\"").contains("/evaluation/scorecards/" + repCard);
		List<String> goals = new ArrayList<>();
		long id = Long.parseLong(location.replaceAll(".*/", ""));
		api.get("/api/v1/improvement-plans/" + id, "manager").json().get("goals")
			.forEach(g -> goals.add(g.get("name").asString()));
		assertThat(goals).containsExactly("Visitas", "Seguimiento");
	}

	/** The check-ins on a plan's page name who recorded them by display name, not by user name. */
	@Test
	void aPlansCheckInsNameWhoRecordedThemAsPeopleAre(@org.springframework.beans.factory.annotation.Autowired
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		long plan = jdbc.sql("SELECT MIN(plan_id) FROM improvement_check_in WHERE recorded_by = 'manager'")
			.query(Long.class).single();
		String displayName = jdbc.sql("SELECT display_name FROM identity_user WHERE username = 'manager'")
			.query(String.class).single();
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		String page = manager.get(port, "/improvement/" + plan + "?lang=en").body();
		assertThat(page).contains(">" + displayName + "<").doesNotContain(">manager<");
	}
}
