package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

/**
 * The lesson pages render for every role in both languages on the demo (a dozen lessons, three success cases shared
 * with Región Centro): the library with its filters, a success case, the form, the suggestion fragments of an
 * opportunity and an improvement plan, and the CSV export; the threshold page is the directors' and admins' only.
 */
@RumboIntegrationTest
class LessonsPageScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "admin", "director", "manager", "rep" })
	void theLessonPagesRenderForEveryRole(String user) {
		long shared = jdbc.sql("SELECT MIN(id) FROM lessons_lesson WHERE status = 'SHARED'").query(Long.class).single();
		long opportunity = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		List<String> pages = List.of("/lessons", "/lessons?cases=true&outcome=WORKED&q=visita&sort=usefulCount,desc",
				"/lessons?segment=ENTERPRISE&from=2020-01-01&to=2040-12-31&status=DRAFT&tag=visits", "/lessons/new",
				"/lessons/" + shared, "/lessons/suggestions?opportunity=" + opportunity);
		for (String lang : List.of("en", "es")) {
			WebSession browser = new WebSession();
			browser.signIn(port, user, "demo");
			browser.get(port, "/organization/chart?lang=" + lang);
			for (String page : pages) {
				HttpResponse<String> answer = browser.get(port, page);
				assertThat(answer.statusCode()).as(user + " " + lang + " " + page).isEqualTo(200);
				assertThat(answer.body()).as(page).doesNotContain("Unexpected error").doesNotContain("Error inesperado")
					.doesNotContain("??");
			}
		}
	}

	@Test
	void theDemoSharesThreeCasesWithItsRegionAndTheLibraryExportsThem() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lessons_lesson WHERE status = 'SHARED' AND shared_by = 'manager'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String home = rep.get(port, "/lessons?cases=true&lang=en").body();
		assertThat(home).contains("Región Centro");
		HttpResponse<String> csv = rep.get(port, "/lessons?cases=true&format=csv&lang=en");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines().findFirst().orElse("")).contains("Id,Title,Outcome").contains("Useful");
		assertThat(csv.body().lines().count()).as("three shared cases and the header").isGreaterThanOrEqualTo(4);

		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		long plan = jdbc.sql("SELECT MIN(id) FROM improvement_plan").query(Long.class).single();
		String suggestions = manager.get(port, "/lessons/suggestions?plan=" + plan + "&lang=en").body();
		assertThat(suggestions).contains("id=\"lesson-suggestions\"");
		assertThat(manager.get(port, "/lessons/settings").statusCode()).as("a manager").isEqualTo(403);
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		assertThat(director.get(port, "/lessons/settings?lang=en").body()).contains("id=\"threshold\"");
		// A lesson linked to a deal names the deal, not its number.
		long deal = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		String form = rep.get(port, "/lessons/new?lang=en").body();
		String title = "Leccion con oportunidad " + System.nanoTime();
		assertThat(rep.postForm(port, "/lessons/new", java.util.Map.of("title", title, "outcome", "WORKED",
				"whatHappened", "Lo que paso", "why", "Porque si", "opportunityId", String.valueOf(deal), "_csrf",
				WebSession.csrf(form))).statusCode()).isEqualTo(302);
		long linked = jdbc.sql("SELECT id FROM lessons_lesson WHERE title = :t").param("t", title).query(Long.class)
			.single();
		assertThat(rep.get(port, "/lessons/" + linked + "?lang=en").body())
			.contains("href=\"/opportunities/" + deal + "\"").doesNotContain("Opportunity " + deal);
	}

	/** The customer and opportunity pages offer to write a lesson about them; the form opens linked to the record. */
	@Test
	void aLessonIsWrittenFromTheRecordItIsAbout() {
		long deal = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		long customer = jdbc.sql("SELECT customer_id FROM sales_opportunity WHERE id = :id").param("id", deal)
			.query(Long.class).single();
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/customers/" + customer + "?lang=en").body()).contains("id=\"write-lesson\"")
			.contains("href=\"/lessons/new?customer=" + customer + "\"").contains("Write a lesson about this");
		assertThat(rep.get(port, "/opportunities/" + deal + "?lang=es").body())
			.contains("href=\"/lessons/new?opportunity=" + deal + "\"").contains("Escribir una lección sobre esto");
		String form = rep.get(port, "/lessons/new?customer=" + customer + "&lang=en").body();
		assertThat(form).containsPattern("name=\"customerId\"[^>]*value=\"" + customer + "\"");
	}

	@Test
	void aRefusedLessonFormKeepsWhatWasTypedAndNamesTheField() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String form = rep.get(port, "/lessons/new?lang=en").body();
		String title = "Leccion rechazada " + System.nanoTime();
		long before = jdbc.sql("SELECT COUNT(*) FROM lessons_lesson").query(Long.class).single();
		HttpResponse<String> refused = rep.postForm(port, "/lessons/new?lang=en", java.util.Map.of("title", title,
				"outcome", "WORKED", "whatHappened", "Lo que paso, escrito con cuidado", "why", "Porque sí",
				"language", "x".repeat(36), "_csrf", WebSession.csrf(form)));
		assertThat(refused.statusCode()).as("the form again, not a redirect").isEqualTo(200);
		assertThat(refused.body()).contains("value=\"" + title + "\"").contains("Lo que paso, escrito con cuidado")
			.contains("is-invalid").contains("At most 35 characters.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lessons_lesson").query(Long.class).single()).as("nothing saved")
			.isEqualTo(before);

		// Saved, then edited from a page someone else's save made stale: the typed text stays and the page says so.
		HttpResponse<String> written = rep.postForm(port, "/lessons/new", java.util.Map.of("title", title, "outcome",
				"WORKED", "whatHappened", "Lo que pasó", "why", "Porque sí", "_csrf", WebSession.csrf(form)));
		assertThat(written.statusCode()).isEqualTo(302);
		long id = jdbc.sql("SELECT id FROM lessons_lesson WHERE title = :t").param("t", title).query(Long.class).single();
		String edit = rep.get(port, "/lessons/" + id + "/edit?lang=en").body();
		HttpResponse<String> stale = rep.postForm(port, "/lessons/" + id + "/edit?lang=en", java.util.Map.of("version",
				"-1", "title", title + " otra", "outcome", "WORKED", "whatHappened", "Texto nuevo", "why", "Porque sí",
				"_csrf", WebSession.csrf(edit)));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("Someone else changed this record").contains("Texto nuevo");
		long current = jdbc.sql("SELECT version FROM lessons_lesson WHERE id = :id").param("id", id).query(Long.class)
			.single();
		assertThat(stale.body()).as("the form now carries the current version")
			.contains("name=\"version\" value=\"" + current + "\"");
	}
}
