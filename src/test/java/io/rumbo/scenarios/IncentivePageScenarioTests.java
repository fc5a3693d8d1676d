package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The incentive pages over HTTP with real sessions: the director finds the demo's plan in the list, opens it (tiers
 * as a table, a curve per component), previews it with figures in the reader's language, writes a new plan in the
 * form (a tier added through htmx, an error named by component and tier, then saved) and approves it; a salesperson
 * may not open the form.
 */
@RumboIntegrationTest
class IncentivePageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theDirectorReadsPreviewsWritesAndApprovesAPlan() {
		Api api = new Api(port);
		JsonNode reps = api.get("/api/v1/incentive-plans?q=Comerciales&state=APPROVED", "director").json()
			.get("content").get(0);
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> list = director.get(port, "/incentives/plans?lang=en");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Incentive plans").contains(reps.get("name").asString())
			.contains("id=\"nav-incentives\"");
		String plan = director.get(port, "/incentives/plans/" + reps.get("id").asLong() + "?lang=en").body();
		assertThat(plan).contains("id=\"plan-title\"").contains("Marginal (step) rates").contains("data-incentive-curve")
			.contains("incentive-curves-data");
		String preview = director.get(port, "/incentives/plans/" + reps.get("id").asLong() + "/preview?lang=es")
			.body();
		assertThat(preview).contains("id=\"preview-table\"").contains("Simulación").contains("€");

		HttpResponse<String> form = director.get(port, "/incentives/plans/new?lang=en");
		assertThat(form.statusCode()).isEqualTo(200);
		String csrf = WebSession.csrf(form.body());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("name", "Formulario " + unique("F"));
		fields.put("fiscalYear", reps.get("fiscalYear").asString());
		fields.put("prorationRule", "DAYS");
		fields.put("drawKind", "NONE");
		fields.put("clawbackPolicy", "FULL");
		fields.put("components[0].name", "Ventas");
		fields.put("components[0].metric", "REVENUE");
		fields.put("components[0].measuredOn", "PERSON");
		fields.put("components[0].cadence", "QUARTER");
		fields.put("components[0].basis", "VALUE");
		fields.put("components[0].kind", "MARGINAL");
		fields.put("components[0].boundary", "LOWER_INCLUSIVE");
		fields.put("components[0].tiers[0].from", "0");
		fields.put("components[0].tiers[0].to", "10,000");
		fields.put("components[0].tiers[0].pays", "1.5");
		HttpResponse<String> added = director.postForm(port,
				"/incentives/plans/form/components?change=ADD_TIER&component=0&lang=en", fields,
				Map.of("HX-Request", "true"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("components[0].tiers[1].from").doesNotContain("<html");
		fields.put("components[0].tiers[1].from", "20,000");
		fields.put("components[0].tiers[1].pays", "2");
		HttpResponse<String> refused = director.postForm(port, "/incentives/plans/new?lang=en", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("component Ventas, tier 2: must start where the tier before ends");
		fields.put("components[0].tiers[1].from", "10,000");
		HttpResponse<String> saved = director.postForm(port, "/incentives/plans/new?lang=en", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*/incentives/plans/(\\d+).*", "$1"));
		JsonNode created = api.get("/api/v1/incentive-plans/" + id, "director").json();
		assertThat(created.get("details").get("components").get(0).get("tiers").get(0).get("pays").decimalValue())
			.isEqualByComparingTo("1.5");
		assertThat(created.get("details").get("components").get(0).get("tiers").get(1).get("from").decimalValue())
			.isEqualByComparingTo("10000");
		String page = director.get(port, "/incentives/plans/" + id + "?lang=en").body();

		// Whom to assign is chosen by name among the people in reach, not typed as an id.
		java.util.regex.Matcher lucia = java.util.regex.Pattern
			.compile("<option value=\"(\\d+)\">García Martín, Lucía · [^<]+</option>").matcher(page);
		assertThat(lucia.find()).as("Lucía among the people to assign").isTrue();
		assertThat(page).contains("<select id=\"staffId\" name=\"staffId\"");
		HttpResponse<String> assigned = director.postForm(port, "/incentives/plans/" + id + "/assignments",
				Map.of("_csrf", WebSession.csrf(page), "staffId", lucia.group(1), "from",
						reps.get("fiscalYear").asString() + "-01-01"));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/incentive-plans/" + id + "/assignments", "director").json().valueStream()
			.map(a -> a.get("staffId").asString())).contains(lucia.group(1));
		created = api.get("/api/v1/incentive-plans/" + id, "director").json();
		page = director.get(port, "/incentives/plans/" + id + "?lang=en").body();

		HttpResponse<String> approved = director.postForm(port, "/incentives/plans/" + id + "/approve",
				Map.of("_csrf", WebSession.csrf(page), "version", created.get("version").asString()));
		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/incentive-plans/" + id, "director").json().get("state").asString())
			.isEqualTo("APPROVED");

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/incentives/plans/new?lang=en").statusCode()).isEqualTo(403);
	}
}
