package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The people module's page forms over HTTP with a real session (PEOPLE): a refused qualification, programme or session
 * comes back 422 with what was typed and each reason next to its field (announced in an alert); a qualification and
 * a session are edited on their own page, not in a table cell; a person's page carries its evidence section without
 * script, and names who withdrew a qualification by their display name. Everything it asserts on it creates.
 */
@RumboIntegrationTest
class PeopleFormPagesScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	WebSession people;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
		people = new WebSession();
		people.signIn(port, "people", "demo-password");
	}

	@Test
	void aQualificationIsEditedOnItsOwnPageAndFewerLevelsAreRefusedAtTheField() {
		String code = code("Q");
		long qualification = qualification(code, 3);
		HttpResponse<String> catalogue = people.get(port, "/people/qualifications?lang=en&q=" + code);
		assertThat(catalogue.body()).as("the row links to the edit page instead of holding the form")
			.contains("/people/qualifications/" + qualification + "/edit\"")
			.doesNotContain("id=\"qualification-form-" + qualification + "\"");
		HttpResponse<String> page = people.get(port, "/people/qualifications/" + qualification + "/edit?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"eq-code\"").contains("id=\"archive-qualification\"");
		long pablo = api.get("/api/v1/staff?q=Pablo%20Romero", "admin").json().get("content").get(0).get("id")
			.asLong();
		assertThat(api.post("/api/v1/people/staff-qualifications", "people", Map.of("staffId", pablo,
				"qualificationId", qualification, "level", 3, "obtainedOn", "2020-01-15")).status()).isEqualTo(201);

		Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", WebSession.csrf(page.body()), "version", "0",
				"code", code, "name", "Typed name " + code, "kind", "SKILL", "maxLevel", "1", "levels", ""));
		HttpResponse<String> refused = people.postForm(port, "/people/qualifications/" + qualification
				+ "/edit?lang=en", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("role=\"alert\"").contains("is-invalid")
			.contains("id=\"eq-levels-count-error\"").contains("cannot go down to 1: 1 holdings")
			.contains("value=\"Typed name " + code + "\"");
		assertThat(api.get("/api/v1/people/qualifications/" + qualification, "people").json().get("maxLevel").asInt())
			.isEqualTo(3);

		form.put("maxLevel", "4");
		HttpResponse<String> saved = people.postForm(port, "/people/qualifications/" + qualification + "/edit", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/people/qualifications/" + qualification, "people").json().get("name").asString())
			.isEqualTo("Typed name " + code);

		HttpResponse<String> blank = people.postForm(port, "/people/qualifications?lang=es", Map.of("_csrf",
				WebSession.csrf(page.body()), "code", "", "name", "Nueva " + code, "kind", "SKILL", "maxLevel", "1"));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("id=\"nq-code-error\"").contains("value=\"Nueva " + code + "\"");
	}

	@Test
	void aRefusedProgrammeOrSessionComesBackAtItsFieldsWithWhatWasTyped() {
		String code = code("P");
		String csrf = WebSession.csrf(people.get(port, "/people/training?lang=en").body());
		HttpResponse<String> programme = people.postForm(port, "/people/training?lang=en", Map.of("_csrf", csrf,
				"code", code, "name", "Programa " + code, "kind", "SALES_METHOD", "passScore", "120"));
		assertThat(programme.statusCode()).isEqualTo(422);
		assertThat(programme.body()).contains("id=\"np-pass-error\"").contains("role=\"alert\"")
			.contains("value=\"Programa " + code + "\"").contains("value=\"120\"").contains("<details")
			.containsPattern("<details[^>]*open");

		HttpResponse<String> created = people.postForm(port, "/people/training", Map.of("_csrf", csrf, "code", code,
				"name", "Programa " + code, "kind", "SALES_METHOD"));
		assertThat(created.statusCode()).isEqualTo(302);
		String path = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

		HttpResponse<String> session = people.postForm(port, "/people/training/" + id + "/sessions?lang=en",
				Map.of("_csrf", csrf, "title", "Session " + code, "startsOn", "2099-03-05", "endsOn", "2099-03-02",
						"trainer", "Formadora", "capacity", "5"));
		assertThat(session.statusCode()).isEqualTo(422);
		assertThat(session.body()).contains("id=\"ns-end-error\"").contains("value=\"Session " + code + "\"")
			.contains("value=\"2099-03-05\"");

		Map<String, Object> body = new HashMap<>(Map.of("title", "Sesión " + code, "startsOn", "2099-03-02",
				"endsOn", "2099-03-03", "trainer", "Formadora", "capacity", 5));
		long sessionId = api.post("/api/v1/people/programmes/" + id + "/sessions", "people", body).json().get("id")
			.asLong();
		HttpResponse<String> programmePage = people.get(port, "/people/training/" + id + "?lang=en");
		assertThat(programmePage.body()).contains("/people/training/sessions/" + sessionId + "/edit\"")
			.doesNotContain("id=\"session-form-" + sessionId + "\"");
		HttpResponse<String> edit = people.get(port, "/people/training/sessions/" + sessionId + "/edit?lang=en");
		assertThat(edit.statusCode()).isEqualTo(200);
		HttpResponse<String> refused = people.postForm(port, "/people/training/sessions/" + sessionId
				+ "/edit?lang=en", Map.of("_csrf", csrf, "version", "0", "title", "Otra " + code, "startsOn",
						"2099-03-02", "endsOn", "2099-03-03", "trainer", "Formadora", "capacity", "0"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"es-capacity-error\"").contains("value=\"Otra " + code + "\"");
		assertThat(people.get(port, "/people/training/sessions/" + sessionId + "/edit", Map.of()).statusCode())
			.isEqualTo(200);
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		assertThat(manager.get(port, "/people/training/sessions/" + sessionId + "/edit").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aPersonsPageCarriesItsEvidenceAndNamesWhoWithdrewByDisplayName() {
		String code = code("W");
		long qualification = qualification(code, 2);
		long pablo = api.get("/api/v1/staff?q=Pablo%20Romero", "admin").json().get("content").get(0).get("id")
			.asLong();
		long holding = api.post("/api/v1/people/staff-qualifications", "people", Map.of("staffId", pablo,
				"qualificationId", qualification, "level", 1, "obtainedOn", "2020-01-15")).json().get("id").asLong();
		assertThat(api.post("/api/v1/people/staff-qualifications/" + holding + "/withdrawal", "people",
				Map.of("version", 0, "reason", "Motivo " + code)).status()).isEqualTo(200);
		HttpResponse<String> page = people.get(port, "/people/staff/" + pablo + "?lang=en");
		assertThat(page.body()).as("the evidence section is in the page, not loaded by script")
			.contains("id=\"evidence-files\"").doesNotContain("hx-get=\"/people/staff/" + pablo + "/evidence\"");
		assertThat(page.body()).contains("by Test PEOPLE: Motivo " + code);
	}

	private long qualification(String code, int levels) {
		Api.Response created = api.post("/api/v1/people/qualifications", "people", Map.of("code", code, "name",
				"Cualificación " + code, "kind", "SKILL", "maxLevel", levels));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static String code(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	}
}
