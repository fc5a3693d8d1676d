package io.rumbo.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales lists on the list scaffold: filters from the query string kept by the sort, page and export links, the
 * order list's figures above its results, htmx answers with only the results, and refused page forms shown as a
 * message on the list.
 */
@RumboIntegrationTest
class SalesListPagesScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOrderListShowsItsFiguresAboveTheResultsAndItsFilterFormReloadsThePage() {
		WebSession manager = signedIn("manager", "en");
		String page = manager.get(port, "/orders?status=BOOKED&from=2025-01-01").body();
		assertThat(page).contains("id=\"order-totals\"").contains("id=\"monthly-chart\"").contains("id=\"order-table\"");
		assertThat(page.indexOf("id=\"order-totals\"")).isLessThan(page.indexOf("id=\"order-table\""));
		assertThat(page.indexOf("id=\"monthly-chart\"")).isLessThan(page.indexOf("id=\"order-table\""));
		assertThat(filterForm(page, "/orders")).as("the figures follow the filters, so the form reloads the page")
			.doesNotContain("hx-get").doesNotContain("hx-trigger");
		assertThat(page).contains("<option value=\"BOOKED\" selected=\"selected\">")
			.contains("value=\"2025-01-01\"")
			.containsPattern("id=\"export-csv\" href=\"/orders\\?from=2025-01-01&amp;status=BOOKED&amp;sort=orderDate,desc&amp;format=csv\"");
	}

	@Test
	void thePagerKeepsThePageSize() {
		WebSession manager = signedIn("manager", "en");
		String page = manager.get(port, "/orders?size=5").body();
		assertThat(page).contains("size=5&amp;page=1");
		assertThat(manager.get(port, "/orders?size=5&page=1").body()).contains("size=5&amp;page=2")
			.contains("size=5&amp;page=0");
	}

	@Test
	void sortingOrdersWithHtmxAnswersOnlyTheResults() {
		WebSession manager = signedIn("manager", "en");
		HttpResponse<String> results = htmx(manager, "/orders?status=BOOKED&sort=netAmount,desc");
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).contains("id=\"results\"").contains("id=\"order-table\"")
			.contains("aria-sort=\"descending\"").doesNotContain("<html").doesNotContain("order-totals");
	}

	@Test
	void theOrderExportKeepsTheFilters() {
		WebSession manager = signedIn("manager", "en");
		List<String> rows = rows(manager.get(port, "/orders?format=csv&from=2025-03-01&to=2025-03-31&status=BOOKED").body());
		assertThat(rows).isNotEmpty().allSatisfy(row -> {
			LocalDate date = LocalDate.parse(row.split(",")[3]);
			assertThat(date).isBetween(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
			assertThat(row).contains(",Booked,");
		});
		assertThat(rows.size()).isLessThan(rows(manager.get(port, "/orders?format=csv").body()).size());
	}

	@Test
	void theActivityAndOpportunityExportsKeepTheFilters() {
		WebSession manager = signedIn("manager", "en");
		assertThat(rows(manager.get(port, "/activities?format=csv&type=CALL&done=true").body()))
			.isNotEmpty().allSatisfy(row -> assertThat(row.split(",")[1]).isEqualTo("Call"));
		assertThat(rows(manager.get(port, "/opportunities/list?format=csv&stage=PROPOSAL").body()))
			.isNotEmpty().allSatisfy(row -> assertThat(row).contains(",PROPOSAL,"));
		String list = manager.get(port, "/opportunities/list?stage=PROPOSAL&open=true").body();
		assertThat(list).contains("<option value=\"PROPOSAL\" selected=\"selected\">")
			.contains("href=\"/opportunities/list?stage=PROPOSAL&amp;open=true&amp;sort=expectedClose,asc&amp;format=xlsx\"");
	}

	@Test
	void theTaskListSwapsItsResultsAsTheUserPicksAndNamesItsStatesInTheUsersLanguage() {
		WebSession manager = signedIn("manager", "en");
		String page = manager.get(port, "/tasks?open=false").body();
		assertThat(filterForm(page, "/tasks")).contains("hx-get=\"/tasks\"").contains("hx-target=\"#results\"");
		assertThat(page).contains("id=\"task-form\"")
			.contains("<option value=\"false\" selected=\"selected\">Done</option>")
			.contains("<option value=\"true\">Open</option>");
		assertThat(page.indexOf("id=\"task-form\"")).as("the new task form stands above the filters")
			.isLessThan(page.indexOf("hx-get=\"/tasks\""));
		HttpResponse<String> results = htmx(manager, "/tasks?open=true&overdue=true");
		assertThat(results.body()).contains("id=\"task-table\"").doesNotContain("<html").doesNotContain("task-form")
			.contains("href=\"/tasks?open=true&amp;overdue=true&amp;sort=dueOn,desc\"");
	}

	@Test
	void completingATaskTwiceIsRefusedWithAMessageOnTheTaskList() {
		WebSession manager = signedIn("manager", "en");
		String csrf = WebSession.csrf(manager.get(port, "/tasks").body());
		String title = "Call back about the quote " + System.nanoTime();
		HttpResponse<String> given = manager.postForm(port, "/tasks", Map.of("title", title, "dueOn",
				LocalDate.now().plusDays(3).toString(), "_csrf", csrf));
		assertThat(given.statusCode()).isEqualTo(302);
		assertThat(manager.get(port, "/tasks").body()).contains("The task has been given.");
		long task = jdbc.sql("SELECT id FROM sales_task WHERE title = :title").param("title", title).query(Long.class)
			.single();
		Map<String, String> done = Map.of("done", "true", "_csrf", csrf);
		assertThat(manager.postForm(port, "/tasks/" + task + "/complete", done).statusCode()).isEqualTo(302);
		assertThat(manager.get(port, "/tasks").body()).contains("The task is done.");
		HttpResponse<String> again = manager.postForm(port, "/tasks/" + task + "/complete", done);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/tasks");
		assertThat(manager.get(port, "/tasks").body()).contains("alert-warning").contains("This task is already done.");
	}

	@Test
	void aTaskWithoutATitleIsRefusedWithAMessageOnTheTaskList() {
		WebSession manager = signedIn("manager", "es");
		String csrf = WebSession.csrf(manager.get(port, "/tasks").body());
		HttpResponse<String> refused = manager.postForm(port, "/tasks", Map.of("title", " ", "dueOn",
				LocalDate.now().plusDays(3).toString(), "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(302);
		String back = manager.get(port, refused.headers().firstValue("Location").orElseThrow()
			.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(back).contains("alert-danger").contains("id=\"task-table\"").doesNotContain("Error inesperado");
	}

	@Test
	void aSecondPlanForAYearIsRefusedWithAMessageOnThePlans() {
		WebSession director = signedIn("director", "en");
		int year = LocalDate.now().getYear();
		String csrf = WebSession.csrf(director.get(port, "/plans").body());
		HttpResponse<String> refused = director.postForm(port, "/plans", Map.of("fiscalYear", String.valueOf(year),
				"name", "Second plan", "growthPercent", "5", "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/plans");
		assertThat(director.get(port, "/plans").body()).contains("alert-warning").contains("There is already a plan for ");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_plan WHERE name = 'Second plan'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anObjectiveWithoutATitleIsRefusedWithAMessageOnTheStrategyPage() {
		WebSession director = signedIn("director", "en");
		long plan = jdbc.sql("SELECT id FROM planning_plan WHERE fiscal_year = :y").param("y", LocalDate.now().getYear())
			.query(Long.class).single();
		String strategyPage = "/plans/" + plan + "/strategy";
		String csrf = WebSession.csrf(director.get(port, strategyPage).body());
		HttpResponse<String> refused = postFrom(director, strategyPage, "/plans/" + plan + "/objectives",
				"kind=REVENUE&title=+&targetValue=1000&_csrf="
						+ java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith(strategyPage);
		assertThat(director.get(port, strategyPage).body()).contains("alert-danger")
			.contains("Say what the objective is.");
	}

	private WebSession signedIn(String user, String language) {
		WebSession session = new WebSession();
		session.signIn(port, user, "demo");
		session.get(port, "/organization/chart?lang=" + language);
		return session;
	}

	/** The list's filter form, the GET form that posts back to the list. */
	private static String filterForm(String page, String action) {
		int start = page.indexOf("<form class=\"row g-2 align-items-end mb-3\" method=\"get\" action=\"" + action + "\"");
		assertThat(start).as("filter form of " + action).isNotNegative();
		return page.substring(start, page.indexOf('>', start));
	}

	/** A GET as htmx sends it when a sort link, a pager link or the filter form swaps the results. */
	private HttpResponse<String> htmx(WebSession session, String path) {
		return send(session, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("HX-Request", "true")
			.GET());
	}

	/** A form posted by the browser from a page, which names that page in its Referer header. */
	private HttpResponse<String> postFrom(WebSession session, String page, String path, String form) {
		return send(session, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Referer", "http://localhost:" + port + page)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private static HttpResponse<String> send(WebSession session, HttpRequest.Builder request) {
		request.header("Cookie", String.join("; ", session.cookies.entrySet().stream()
			.map(e -> e.getKey() + "=" + e.getValue()).toList()));
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The data rows of a CSV export (its header left out). */
	private static List<String> rows(String csv) {
		List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
		return lines.subList(1, lines.size());
	}
}
