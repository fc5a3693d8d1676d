package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.rumbo.support.Api;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The incentive pages in headless Chromium: the director opens the demo's salespeople plan from the list
 * (tier tables and a payout curve drawn per component) and its preview; the form's add-tier button adds a row
 * through htmx; no WCAG A/AA violation on the plan page, the preview or the form, in English and Spanish.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class IncentiveBrowserTests extends BrowserTestSupport {

	@Test
	void theDirectorReadsAPlanItsCurvesAndItsPreview() {
		JsonNode reps = new Api(port).get("/api/v1/incentive-plans?q=Comerciales&state=APPROVED", "director").json()
			.get("content").get(0);
		signIn("director");
		open("/incentives/plans?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incentive-plan-table")));
		open("/incentives/plans/" + reps.get("id").asLong() + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#component-1 [data-incentive-curve] canvas")));
		assertThat(browser.findElements(By.cssSelector("#component-1 table.tiers tbody tr"))).hasSize(3);
		screenshot("incentives-plan");
		List<String> violations = new ArrayList<>(axeViolations("plan en"));
		click(By.id("open-preview"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		screenshot("incentives-preview");
		violations.addAll(axeViolations("preview en"));
		open("/incentives/plans/new?lang=es");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
		int before = browser.findElements(By.cssSelector(".tier-rows tbody tr")).size();
		click(By.cssSelector(".add-tier"));
		wait.until(d -> d.findElements(By.cssSelector(".tier-rows tbody tr")).size() == before + 1);
		screenshot("incentives-form-es");
		violations.addAll(axeViolations("form es"));
		open("/incentives/plans/" + reps.get("id").asLong() + "?lang=en");
		assertThat(violations).isEmpty();
	}
}
