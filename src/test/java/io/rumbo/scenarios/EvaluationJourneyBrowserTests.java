package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation journey in headless Chromium, on a cycle of last quarter for Región Centro: the manager freezes the
 * figures, reviews the rep's scorecard (ratings, two points to improve, an outcome), calibrates and closes the cycle;
 * the rep reads the feedback and acknowledges it with an answer; the manager opens an improvement plan from the
 * scorecard (its goals are the two points), gives the first a measure, starts it and records a check-in. The other
 * scorecards of the cycle are reviewed through the API. Then axe-core on the evaluation and improvement pages in both
 * languages, and screenshots at 1440 and 390 px.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class EvaluationJourneyBrowserTests extends BrowserTestSupport {

	@Test
	void theManagerClosesAndReviewsTheRepAcknowledgesAndTheManagerOpensAPlan() {
		Api api = new Api(port);
		long cycle = CalibratedCycleFixture.open(api, "Journey " + System.nanoTime() % 1_000_000);
		signIn("manager");
		open("/evaluation/cycles/" + cycle + "?lang=en");
		click(By.id("move"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cycle-summary"), "In review"));

		long rep = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long card = api.get("/api/v1/evaluation/scorecards?cycleId=" + cycle + "&staffId=" + rep, "manager").json()
			.get("content").get(0).get("id").asLong();
		open("/evaluation/scorecards/" + card);
		new Select(browser.findElement(By.id("rating-6"))).selectByValue("3");
		new Select(browser.findElement(By.id("rating-7"))).selectByValue("4");
		browser.findElement(By.id("strengths")).sendKeys("Closes renewals well");
		browser.findElement(By.id("improvements")).sendKeys("- More visits to A accounts\n- Follow up open offers");
		browser.findElement(By.id("text")).sendKeys("A quarter to build on");
		new Select(browser.findElement(By.id("outcome"))).selectByValue("IMPROVEMENT_PLAN");
		click(By.id("save-review"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback")));
		reviewTheOthers(api, cycle, card);

		open("/evaluation/cycles/" + cycle);
		click(By.id("move"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cycle-summary"), "Calibrated"));
		click(By.id("move"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cycle-summary"), "Closed"));
		assertThat(browser.findElement(By.id("export-xlsx")).getAttribute("href")).contains("format=xlsx");
		screenshot("evaluation-journey-cycle");

		browser.manage().deleteAllCookies();
		signIn("rep");
		open("/evaluation/scorecards/" + card + "?lang=en");
		assertThat(browser.findElement(By.id("feedback")).getText()).contains("More visits to A accounts");
		assertThat(browser.findElements(By.id("open-plan"))).as("the rep does not open plans").isEmpty();
		browser.findElement(By.id("answer-text")).sendKeys("Agreed, I will plan the visits");
		click(By.id("acknowledge"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledged")));

		browser.manage().deleteAllCookies();
		signIn("manager");
		open("/evaluation/scorecards/" + card + "?lang=en");
		assertThat(browser.findElement(By.id("answer")).getText()).contains("Agreed, I will plan the visits");
		screenshot("evaluation-journey-scorecard");
		click(By.id("open-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("from-scorecard")));
		assertThat(browser.findElement(By.id("goal-name-0")).getAttribute("value")).isEqualTo("More visits to A accounts");
		assertThat(browser.findElement(By.id("goal-name-1")).getAttribute("value")).isEqualTo("Follow up open offers");
		new Select(browser.findElement(By.id("goal-measure-0"))).selectByValue("visits");
		new Select(browser.findElement(By.id("goal-comparison-0"))).selectByValue("AT_LEAST");
		browser.findElement(By.id("goal-target-0")).sendKeys("2");
		new Select(browser.findElement(By.id("goal-grain-0"))).selectByValue("WEEK");
		new Select(browser.findElement(By.id("support-kind-0"))).selectByValue("COACHING");
		browser.findElement(By.id("support-description-0")).sendKeys("A visit together every two weeks");
		screenshot("evaluation-journey-plan-form");
		click(By.id("save-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activate")));
		assertThat(browser.findElement(By.cssSelector("#plan-source a")).getAttribute("href"))
			.endsWith("/evaluation/scorecards/" + card);
		click(By.id("activate"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-form")));
		browser.findElement(By.id("notes")).sendKeys("Visits planned with the team leader");
		WebElement checkInForm = browser.findElement(By.id("check-in-form"));
		click(By.id("record-check-in"));
		// The check-in answers the page again: wait for it before reading the list (else a node of the old page).
		waitGone(checkInForm);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-ins"),
				"Visits planned with the team leader"));
		String plan = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");

		List<String> found = new ArrayList<>();
		for (String lang : List.of("es", "en")) {
			for (Map.Entry<String, String> page : Map.of("cycle", "/evaluation/cycles/" + cycle, "scorecard",
					"/evaluation/scorecards/" + card, "plan form", "/improvement/new?scorecard=" + card, "plan", plan,
					"plans", "/improvement", "evaluation", "/evaluation").entrySet()) {
				open(page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				found.addAll(axeViolations(page.getKey() + " " + lang));
			}
			for (int width : new int[] { 1440, 390 }) {
				size(width, 900);
				open("/evaluation/scorecards/" + card + "?lang=" + lang);
				screenshot("evaluation-scorecard-" + lang + "-" + width);
				open("/improvement/new?scorecard=" + card + "&lang=" + lang);
				screenshot("improvement-plan-form-" + lang + "-" + width);
			}
			size(1440, 900);
		}
		// The language is remembered per user: leave the demo manager in English for the tests after this one.
		open("/evaluation?lang=en");
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}

	private static void reviewTheOthers(Api api, long cycle, long reviewed) {
		for (JsonNode other : api.get("/api/v1/evaluation/scorecards?size=500&cycleId=" + cycle, "manager").json()
			.get("content")) {
			long id = other.get("id").asLong();
			if (id != reviewed) {
				long version = api.get("/api/v1/evaluation/scorecards/" + id, "manager").json().get("version").asLong();
				assertThat(api.post("/api/v1/evaluation/scorecards/" + id + "/review", "manager", Map.of("version",
						version, "outcome", "MEETS_EXPECTATIONS", "ratings", List.of(Map.of("position", 6, "level", 3),
								Map.of("position", 7, "level", 3)))).status()).isEqualTo(200);
			}
		}
	}
}
