package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast pages render for every role in both languages, with the demo's calls and snapshots, and keep scope. */
@RumboIntegrationTest
class ForecastPageScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "admin", "director", "manager", "rep" })
	void theForecastPagesRenderForEveryRole(String user) {
		long lucia = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		boolean leads = !user.equals("rep");
		WebSession browser = new WebSession();
		browser.signIn(port, user, "demo");
		for (String lang : List.of("es", "en")) {
			browser.get(port, "/forecast/accuracy?lang=" + lang);
			List<String> pages = leads
					? List.of("/forecast/team", "/forecast?staffId=" + lucia, "/forecast?staffId=" + lucia + "&category=COMMIT",
							"/forecast/movement", "/forecast/accuracy")
					: List.of("/forecast", "/forecast?category=MOST_LIKELY", "/forecast?category=CLOSED",
							"/forecast/movement", "/forecast/accuracy");
			for (String page : pages) {
				HttpResponse<String> answer = browser.get(port, page);
				assertThat(answer.statusCode()).as(user + " " + lang + " " + page).isEqualTo(200);
				assertThat(answer.body()).as(page).doesNotContain("Unexpected error").doesNotContain("Error inesperado")
					.doesNotContain("??");
			}
		}
		if (leads) {
			assertThat(browser.get(port, "/forecast/team").body()).contains("id=\"rollup\"").contains("id=\"team-call-form\"");
		}
		else {
			assertThat(browser.get(port, "/forecast/team").statusCode()).isEqualTo(403);
			long someoneElse = jdbc.sql("SELECT MIN(id) FROM org_staff WHERE id <> :me").param("me", lucia)
				.query(Long.class).single();
			assertThat(browser.get(port, "/forecast?staffId=" + someoneElse).statusCode()).isEqualTo(404);
		}
		// The demo's two weekly snapshots give the movement view something to show.
		assertThat(browser.get(port, "/forecast/movement").body()).contains("id=\"movement-deals\"");
	}

	@Test
	void aCallThatIsNotCumulativeIsRefusedWithTheReason() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String page = rep.get(port, "/forecast?lang=en").body();
		HttpResponse<String> refused = rep.postForm(port, "/forecast/calls", Map.of("period", "FY2031-M02", "commit",
				"500", "mostLikely", "400", "bestCase", "900", "_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isIn(302, 400);
		String shown = refused.statusCode() == 302
				? rep.get(port, java.net.URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath() + "?lang=en")
					.body() : refused.body();
		assertThat(shown).contains("at least the commit figure");
	}
}
