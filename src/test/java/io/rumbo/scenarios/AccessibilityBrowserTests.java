package io.rumbo.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) finds nothing on the main pages, in English and in Spanish; charts
 * carry a text alternative. A failure lists each rule with the elements it found.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class AccessibilityBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMainPagesHaveNoWcagViolationsInEitherLanguage() throws IOException {
		String axe = axeSource();
		Map<String, String> pages = mainPages();
		List<String> found = new ArrayList<>();
		for (String lang : List.of("en", "es")) {
			open("/login?lang=" + lang);
			found.addAll(violations(axe, "login " + lang));
			signIn("admin");
			for (Map.Entry<String, String> page : pages.entrySet()) {
				String path = page.getValue();
				open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				found.addAll(violations(axe, page.getKey() + " " + lang));
			}
			browser.manage().deleteAllCookies();
		}
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}

	@Test
	void aSalespersonsOwnQuotaHasNoWcagViolationsInEitherLanguage() throws IOException {
		String axe = axeSource();
		List<String> found = new ArrayList<>();
		signIn("rep");
		for (String lang : List.of("es", "en")) {
			open("/quotas/" + java.time.LocalDate.now().getYear() + "/mine?lang=" + lang);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-quota-table")));
			found.addAll(violations(axe, "my quota " + lang));
		}
		// The language is remembered per user: the demo rep is left in English, as the other tests expect.
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}

	@Test
	void chartsHaveATextAlternative() {
		signIn("admin");
		for (String path : List.of("/orders", "/plans/" + planId() + "/performance", "/customers/" + customerId(),
				"/organization/vacancies", "/plans/" + planId() + "/strategy", "/metrics")) {
			open(path);
			for (var chart : browser.findElements(By.cssSelector("[data-chart]"))) {
				assertThat(chart.getAttribute("role")).as(path).isEqualTo("img");
				assertThat(chart.getAttribute("aria-label")).as(path).isNotBlank();
			}
		}
	}

	private Map<String, String> mainPages() {
		long plan = planId();
		long version = jdbc.sql("SELECT MAX(id) FROM planning_plan_version WHERE plan_id = ?").param(plan)
			.query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("org chart", "/organization/chart");
		pages.put("staff", "/organization/staff");
		pages.put("customers", "/customers");
		pages.put("customer", "/customers/" + customerId());
		pages.put("products", "/catalog/products");
		pages.put("orders", "/orders");
		pages.put("order", "/orders/" + jdbc.sql("SELECT MIN(id) FROM sales_order").query(Long.class).single());
		pages.put("pipeline", "/opportunities");
		pages.put("agenda", "/agenda");
		pages.put("tasks", "/tasks");
		pages.put("service cases", "/service-cases");
		pages.put("plans", "/plans");
		pages.put("plan grid", "/plans/" + plan + "?version=" + version);
		pages.put("plan performance", "/plans/" + plan + "/performance");
		pages.put("metrics", "/metrics?by=unit");
		long seller = jdbc.sql("SELECT MIN(staff_id) FROM sales_order_credit").query(Long.class).single();
		pages.put("metric records", "/metrics/records?measure=revenue&period=FY" + java.time.LocalDate.now().getYear()
				+ "&person=" + seller);
		int year = java.time.LocalDate.now().getYear();
		pages.put("quotas", "/quotas");
		pages.put("quota plan", "/quotas/" + year);
		pages.put("quota level", "/quotas/" + year + "?measure=revenue&unit="
				+ jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single());
		pages.put("imports", "/imports");
		pages.put("quota import", "/imports?kind=quotas");
		pages.put("search", "/search?q=garcia");
		pages.put("inbox", "/notifications");
		pages.put("notification preferences", "/notifications/preferences");
		pages.put("forecast roll-up", "/forecast/team");
		pages.put("forecast movement", "/forecast/movement");
		pages.put("forecast accuracy", "/forecast/accuracy");
		pages.put("users", "/admin/users");
		pages.put("audit", "/admin/audit");
		pages.put("plan reviews", "/reviews");
		pages.put("plan review", "/reviews/" + jdbc.sql("SELECT MIN(id) FROM review_plan_review WHERE state = 'SHARED'")
			.query(Long.class).single());
		pages.put("plan review against last year", "/reviews/" + jdbc.sql(
				"SELECT MIN(id) FROM review_plan_review WHERE state = 'SHARED'").query(Long.class).single()
				+ "?basis=LAST_YEAR");
		pages.put("lessons", "/lessons");
		pages.put("lesson", "/lessons/" + jdbc.sql("SELECT MIN(id) FROM lessons_lesson WHERE status = 'SHARED'")
			.query(Long.class).single());
		pages.put("lesson form", "/lessons/new");
		pages.put("retrospective threshold", "/lessons/settings");
		return pages;
	}

	private long planId() {
		return jdbc.sql("SELECT id FROM planning_plan WHERE fiscal_year = ?").param(java.time.LocalDate.now().getYear())
			.query(Long.class).single();
	}

	private long customerId() {
		return jdbc.sql("SELECT MIN(id) FROM customer_account WHERE archived = FALSE").query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private List<String> violations(String axe, String page) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript(axe);
		Object answer = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
				    resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(function (n) {
				        return n.target.join(' ') + (n.any.length && n.any[0].message ? ' [' + n.any[0].message + ']' : '');
				      }).join('; ') + (v.nodes.length > 5 ? '; and ' + (v.nodes.length - 5) + ' more' : '');
				    }));
				  })
				  .catch(function (e) { done(['axe failed: ' + e]); });""");
		List<String> found = new ArrayList<>();
		((List<Object>) answer).forEach(v -> found.add(page + ": " + v));
		if (!found.isEmpty()) {
			screenshot("axe-" + page.replace(' ', '-'));
		}
		return found;
	}

	private static String axeSource() throws IOException {
		try (InputStream in = AccessibilityBrowserTests.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
