package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pages: the demo's shared review of last year (read-only, its waterfall and tables, the verdict that did
 * not work), the list with its exports, and a draft started, explained and shared through the page's forms.
 */
@RumboIntegrationTest
class ReviewPageScenarioTests {

	private static final Pattern LOCATION = Pattern.compile("/reviews/(\\d+)$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	private long demoReview() {
		return jdbc.sql("SELECT MIN(id) FROM review_plan_review WHERE state = 'SHARED'").query(Long.class).single();
	}

	@Test
	void theDemoReviewOfLastYearIsSharedWithEveryone() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String list = rep.get(port, "/reviews?lang=en").body();
		assertThat(list).contains("id=\"review-table\"").contains("href=\"/reviews/" + demoReview() + "\"")
			.doesNotContain("id=\"new-review\"");
		String page = rep.get(port, "/reviews/" + demoReview() + "?lang=en").body();
		assertThat(page).contains("Variance against the plan").contains("id=\"waterfall\"")
			.contains("id=\"line-variance-total\"").contains("Did not work").contains("Worked")
			.contains("Figures as they were when it was shared").doesNotContain("id=\"review-form\"")
			.doesNotContain("id=\"share-review\"");
		String sharer = jdbc.sql("SELECT u.display_name FROM identity_user u JOIN review_plan_review r"
				+ " ON r.shared_by = u.username WHERE r.id = :id").param("id", demoReview()).query(String.class).single();
		assertThat(page).as("the sharer by name").contains("Shared by " + sharer);
		assertThat(page).as("coverage by month, named").contains(">January " + (calendar.currentYear() - 1) + "<");
		String objectives = page.substring(page.indexOf("id=\"objective-table\""));
		objectives = objectives.substring(0, objectives.indexOf("</table>"));
		assertThat(objectives).as("objectives by measure, amounts of money as money").contains(">Gross margin<")
			.containsPattern("<td class=\"text-end\">(€[^<]+|[^<]+ €)</td>");
		assertThat(page).as("a strategy's reach in words")
			.containsPattern("\\d+ visited · \\d+ bought of \\d+ target accounts");
		assertThat(rep.get(port, "/reviews/" + demoReview() + "?basis=LAST_YEAR&lang=en").body())
			.contains("Variance against last year");
		HttpResponse<String> pdf = rep.get(port, "/reviews/" + demoReview() + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		HttpResponse<String> csv = rep.get(port, "/reviews/" + demoReview() + "/variance?by=line&basis=LAST_YEAR");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body().lines().count()).as("a line per product line and the total").isGreaterThan(2);
		HttpResponse<String> listCsv = rep.get(port, "/reviews?format=csv");
		assertThat(listCsv.statusCode()).isEqualTo(200);
		assertThat(rep.get(port, "/reviews?format=xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void aDirectorStartsExplainsAndSharesAReviewFromThePages() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		String list = director.get(port, "/reviews?lang=en").body();
		assertThat(list).contains("id=\"new-review\"");
		long plan = jdbc.sql("SELECT id FROM planning_plan WHERE fiscal_year = :y")
			.param("y", calendar.currentYear() - 1).query(Long.class).single();
		long root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id FETCH FIRST 1 ROWS ONLY")
			.query(Long.class).single();
		HttpResponse<String> created = director.postForm(port, "/reviews", Map.of("planId", String.valueOf(plan),
				"period", "Q2", "unitId", String.valueOf(root), "title", "Revisión Q2 de prueba",
				"_csrf", WebSession.csrf(list)));
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher m = LOCATION.matcher(created.headers().firstValue("Location").orElse(""));
		assertThat(m.find()).isTrue();
		long id = Long.parseLong(m.group(1));
		String draft = director.get(port, "/reviews/" + id + "?lang=en").body();
		assertThat(draft).contains("id=\"review-form\"").contains("id=\"share-review\"")
			.contains("name=\"explanation-" + root + "\"");
		String version = jdbc.sql("SELECT version FROM review_plan_review WHERE id = :id").param("id", id)
			.query(Long.class).single().toString();
		// Tampered or incomplete forms: refused with the field's reason (the page forms' way: back to the page with
		// the message), nothing saved.
		long strategy = jdbc.sql("SELECT id FROM planning_strategy WHERE plan_id = :p ORDER BY id FETCH FIRST 1 ROWS ONLY")
			.param("p", plan).query(Long.class).single();
		for (Map.Entry<Map<String, String>, String> bad : Map.of(
				Map.of("explanation-x", "texto"), "The unit is not part of this review.",
				Map.of("verdict-abc", "WORKED"), "The strategy is not one of the plan",
				Map.of("verdict-" + strategy, "MAGIC"), "Choose one of the listed verdicts.",
				Map.of("verdict-" + strategy, "", "conclusion-" + strategy, "Sin veredicto"),
				"Choose a verdict for the strategy before writing its conclusion.")
			.entrySet()) {
			Map<String, String> form = new java.util.HashMap<>(bad.getKey());
			form.put("version", version);
			form.put("_csrf", WebSession.csrf(draft));
			HttpResponse<String> refused = director.postForm(port, "/reviews/" + id + "?lang=en", form);
			assertThat(refused.statusCode()).as(bad.getKey() + ": " + refused.body()).isEqualTo(302);
			assertThat(director.get(port, "/reviews/" + id + "?lang=en").body()).as(bad.getKey().toString())
				.contains(bad.getValue());
		}
		assertThat(jdbc.sql("SELECT version FROM review_plan_review WHERE id = :id").param("id", id)
			.query(Long.class).single().toString()).as("nothing saved").isEqualTo(version);
		HttpResponse<String> saved = director.postForm(port, "/reviews/" + id, Map.of("version", version, "title",
				"Revisión Q2 de prueba", "summary", "Resumen", "explanation-" + root, "El precio explica la diferencia",
				"_csrf", WebSession.csrf(draft)));
		assertThat(saved.statusCode()).isEqualTo(302);
		String again = director.get(port, "/reviews/" + id + "?lang=en").body();
		String next = jdbc.sql("SELECT version FROM review_plan_review WHERE id = :id").param("id", id)
			.query(Long.class).single().toString();
		assertThat(director.postForm(port, "/reviews/" + id + "/share", Map.of("version", next, "_csrf",
				WebSession.csrf(again))).statusCode()).isEqualTo(302);
		String shared = director.get(port, "/reviews/" + id + "?lang=en").body();
		assertThat(shared).doesNotContain("id=\"review-form\"").contains("El precio explica la diferencia")
			.contains("Shared by");
	}
}
