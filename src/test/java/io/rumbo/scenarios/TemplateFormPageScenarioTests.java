package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Writing a template on its page, in Spanish, over HTTP with a real session: rows added and redrawn through htmx, the
 * weights' live total read in the reader's number format, the rules' refusals shown at their fields, a valid draft
 * saved (a fixed target typed as 12.000,5), edited, published and given a new version; a salesperson may not write.
 */
@RumboIntegrationTest
class TemplateFormPageScenarioTests extends ApiTestSupport {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort
	int port;

	@Test
	void aDirectorWritesPublishesAndVersionsATemplateOnThePage() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> blank = director.get(port, "/evaluation/templates/new?lang=es");
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"c0-weight\"").contains("id=\"add-criterion\"").doesNotContain("id=\"c1-name\"");
		String csrf = WebSession.csrf(blank.body());

		Map<String, String> fields = new HashMap<>(Map.of("_csrf", csrf, "name", "Plantilla " + unique("P"),
				"cadence", "QUARTERLY", "populationRole", "SALESPERSON", "scaleMax", "10", "criteria[0].name", "Ventas",
				"criteria[0].kind", "QUANTITATIVE", "criteria[0].weight", "70,5", "criteria[0].measure", "revenue",
				"criteria[0].target", "FIXED"));
		fields.put("criteria[0].targetValue", "12.000,5");
		fields.put("criteria[0].method", "LINEAR");
		fields.put("criteria[0].capPercent", "150");
		HttpResponse<String> added = director.postForm(port,
				"/evaluation/templates/form/criteria?change=ADD_CRITERION", fields, HTMX);
		assertThat(added.body()).contains("id=\"criteria\"").contains("id=\"c1-name\"").doesNotContain("<html")
			.contains("value=\"12.000,5\"").contains("Suma de los pesos: 70,5");

		fields.putAll(Map.of("criteria[1].name", "Relación", "criteria[1].kind", "QUALITATIVE", "criteria[1].weight",
				"20"));
		HttpResponse<String> qualitative = director.postForm(port, "/evaluation/templates/form/criteria?change=REFRESH",
				fields, HTMX);
		assertThat(qualitative.body()).contains("id=\"c1-level-0\"").contains("id=\"c1-level-1\"")
			.doesNotContain("id=\"c1-measure\"");
		assertThat(director.postForm(port, "/evaluation/templates/form/total", fields, HTMX).body())
			.contains("id=\"weight-total\"").contains("90,5 %").contains("debe ser 100");

		HttpResponse<String> refused = director.postForm(port, "/evaluation/templates/new", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"template-errors\"").contains("los pesos suman 90,5")
			.contains("id=\"c1-level-0\"").contains("id=\"criteria-error\"")
			.contains("value=\"Relaci&oacute;n\"");

		fields.putAll(Map.of("criteria[0].weight", "80", "criteria[1].levels[0].description", "Poco",
				"criteria[1].levels[1].description", "Mucho"));
		HttpResponse<String> saved = director.postForm(port, "/evaluation/templates/new", fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		long id = Long.parseLong(saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		Api api = new Api(port);
		JsonNode template = api.get("/api/v1/evaluation/templates/" + id, "director").json();
		assertThat(template.get("criteria").get(0).get("targetValue").decimalValue()).isEqualByComparingTo("12000.5");
		assertThat(template.get("criteria").get(1).get("levels")).hasSize(2);

		HttpResponse<String> page = director.get(port, "/evaluation/templates/" + id);
		assertThat(page.body()).contains("id=\"edit-template\"").contains("id=\"publish-form\"");
		HttpResponse<String> edit = director.get(port, "/evaluation/templates/" + id + "/edit");
		assertThat(edit.body()).contains("value=\"12.000,5\"").contains("Suma de los pesos: 100 %");

		HttpResponse<String> published = director.postForm(port, "/evaluation/templates/" + id + "/publish",
				Map.of("_csrf", WebSession.csrf(page.body()), "version", template.get("version").asString(), "validFrom",
						LocalDate.now().plusDays(40).toString()));
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/evaluation/templates/" + id, "director").json().get("state").asString())
			.isEqualTo("PUBLISHED");
		HttpResponse<String> version = director.postForm(port, "/evaluation/templates/" + id + "/versions",
				Map.of("_csrf", WebSession.csrf(page.body())));
		assertThat(version.headers().firstValue("Location").orElseThrow()).matches(".*/evaluation/templates/\\d+/edit");
		director.get(port, "/evaluation?lang=en");

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/evaluation/templates/new").statusCode()).isEqualTo(403);
	}
}
