package io.rumbo.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attainment pages in headless Chromium, on a published quota version of a past fiscal year of the test's own
 * (so the period is over and every figure is final): a salesperson's "My targets" with its card, chart and the
 * orders behind it, also at 390 px; the manager's team with the mismatch; the director's company view and the
 * leaderboard; no WCAG A/AA violation on any of them, in English and Spanish.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttainmentBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	AttainmentFixture quotas;

	@BeforeAll
	void publishQuotas() {
		quotas = new AttainmentFixture(jdbc, calendar.currentYear() - 2);
	}

	@AfterAll
	void removeQuotas() {
		quotas.remove();
	}

	@Test
	void aSalespersonSeesTheirProgressAndTheOrdersBehindIt() {
		signIn("rep");
		open("/targets?period=" + quotas.fy() + "&lang=en");
		WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-revenue")));
		assertThat(card.getText()).contains("Net revenue").contains("Projection").contains("Expected to date");
		assertThat(browser.findElement(By.id("quota-status")).getText()).contains("waiting for your acknowledgement");
		// The chart is drawn, and its figures are there for screen readers.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
		assertThat(browser.findElements(By.cssSelector("#chart-0-figures tbody tr"))).hasSize(12);
		screenshot("attainment-my-targets");
		size(390, 844);
		open("/targets?period=" + quotas.fy());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
		assertThat((Long) script("return document.documentElement.scrollWidth"))
			.as("page width at 390 px; too wide: %s", script("""
					return Array.from(document.querySelectorAll('main *')).filter(function (e) {
					  return e.getBoundingClientRect().right > window.innerWidth + 1; })
					  .slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');"""))
			.isLessThanOrEqualTo(390L);
		screenshot("attainment-my-targets-390");
		size(1440, 900);

		// This year's demo quotas, with the demo's booked orders against them (the facts rebuilt from the records first).
		io.rumbo.support.Api api = new io.rumbo.support.Api(port);
		// Two new accounts of hers buy today: her "new customers" (a quota of one or two) is then beyond its quota,
		// whatever other tests of the run booked for her.
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long product = api.get("/api/v1/products?size=1&active=true", "rep").json().get("content").get(0).get("id")
			.asLong();
		for (int i = 0; i < 3; i++) {
			java.util.Map<String, Object> account = new java.util.LinkedHashMap<>();
			account.put("legalName", "Cliente nuevo " + i + " " + System.nanoTime());
			account.put("segment", "SMALL_BUSINESS");
			account.put("companySize", "SMALL");
			account.put("status", "ACTIVE");
			account.put("potentialClass", "C");
			account.put("annualPotential", "1000");
			account.put("region", "Comunidad de Madrid");
			account.put("ownerStaffId", lucia);
			io.rumbo.support.Api.Response created = api.post("/api/v1/customers", "director", account);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			io.rumbo.support.Api.Response order = api.post("/api/v1/orders", "rep", java.util.Map.of("customerId",
					created.json().get("id").asLong(), "orderDate", java.time.LocalDate.now().toString(), "lines",
					java.util.List.of(java.util.Map.of("productId", product, "quantity", "1"))));
			assertThat(order.status()).as(order.body()).isEqualTo(201);
		}
		assertThat(api.post("/api/v1/metrics/rebuild", "admin", java.util.Map.of()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/attainment/me?measures=revenue", "rep").json().get("measures").get(0).get("pace")
			.get("actual").decimalValue()).isPositive();
		open("/targets?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
		assertThat(browser.findElement(By.id("measure-cards")).getText()).contains("Projection")
			.as("a measure beyond its quota says by how much, not a negative amount still to reach")
			.contains("Ahead of the quota by");
		screenshot("attainment-my-targets-this-year");
		open("/targets?period=" + quotas.fy());
		WebElement drill = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drill-revenue")));
		assertThat(drill.getAttribute("href")).contains("/metrics/records?measure=revenue&period=" + quotas.fy());
		// One click (here: the keyboard) from the card to the records behind it, with the share credited.
		drill.sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/metrics/records?measure=revenue"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records-table")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
	}

	@Test
	void aManagerSeesTheTeamAtRiskFirstWithTheMismatch() {
		signIn("manager");
		open("/targets/team?period=" + quotas.fy() + "&lang=en");
		WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-table")));
		List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#mismatch-table tbody tr"))).isNotEmpty();
		// Sorting by name is a link: reachable and followed with the keyboard.
		WebElement byName = browser.findElement(By.cssSelector("#team-table thead th:first-child a"));
		byName.sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#team-table thead th:first-child"), "aria-sort",
				"ascending"));
		screenshot("attainment-team");
		open("/targets/team?period=" + quotas.fy() + "&lang=es");
		assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mismatch-title"))).getText())
			.isEqualTo("Descuadre del reparto");
		screenshot("attainment-team-es");
		open("/targets/people/" + jdbc.sql("SELECT s.id FROM org_staff s JOIN identity_user u ON u.id = s.user_id"
				+ " WHERE u.username = 'rep'").query(Long.class).single() + "?period=" + quotas.fy() + "&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-revenue")));
	}

	@Test
	void aDirectorSeesTheCompanyByUnitAndTheLeaderboard() {
		signIn("director");
		open("/targets/company?period=" + quotas.fy() + "&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("company-table")));
		assertThat(browser.findElements(By.cssSelector("#company-table tbody tr"))).hasSize(quotas.parentOf.size());
		screenshot("attainment-company");
		open("/targets/leaderboard?period=" + quotas.fy() + "&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leaderboard-table")));
		assertThat(browser.findElements(By.cssSelector("#leaderboard-table tbody tr"))).hasSize(quotas.unitOf.size());
		screenshot("attainment-leaderboard");
	}

	@Test
	void thePagesHaveNoWcagViolationsInEitherLanguage() throws IOException {
		String axe;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> found = new ArrayList<>();
		signIn("director");
		for (String lang : List.of("en", "es")) {
			for (String path : List.of("/targets/team", "/targets/company", "/targets/leaderboard")) {
				open(path + "?period=" + quotas.fy() + "&lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				found.addAll(violations(axe, path + " " + lang));
			}
			long someone = quotas.unitOf.keySet().iterator().next();
			open("/targets/people/" + someone + "?period=" + quotas.fy() + "&lang=" + lang);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
			found.addAll(violations(axe, "targets " + lang));
		}
		// The language is remembered per user: leave the shared demo director in English for the tests after this one.
		open("/targets?lang=en");
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
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
				      return v.id + ': ' + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join('; ');
				    }));
				  })
				  .catch(function (e) { done(['axe failed: ' + e]); });""");
		List<String> found = new ArrayList<>();
		((List<Object>) answer).forEach(v -> found.add(page + ": " + v));
		return found;
	}
}
