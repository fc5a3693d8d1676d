package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The improvement plan journey in headless Chromium: the demo manager opens a plan for the demo rep with a goal
 * measured by the metrics engine (visits, at least 2 a week) and a goal checked by hand, starts it and records a
 * check-in with the progress of the goal by hand; the rep finds the plan in her list, opens it and reads the check-in,
 * the progress against the pace and the chart with its figures. Pages in English.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class ImprovementJourneyBrowserTests extends BrowserTestSupport {

	@Test
	void theManagerOpensAPlanAndRecordsACheckInAndTheRepSeesIt() {
		String title = "Journey plan " + System.nanoTime() % 1_000_000;
		signIn("manager");
		open("/improvement?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alerts")));
		click(By.id("new-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
		new Select(browser.findElement(By.id("staffId"))).selectByVisibleText("García Martín, Lucía");
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("reason")).sendKeys("Few visits last quarter");
		browser.findElement(By.id("goal-name-0")).sendKeys("Customer visits");
		new Select(browser.findElement(By.id("goal-measure-0"))).selectByValue("visits");
		new Select(browser.findElement(By.id("goal-comparison-0"))).selectByValue("AT_LEAST");
		browser.findElement(By.id("goal-target-0")).sendKeys("2");
		new Select(browser.findElement(By.id("goal-grain-0"))).selectByValue("WEEK");
		click(By.id("add-goal"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goal-name-1")));
		assertThat(browser.findElement(By.id("goal-name-0")).getAttribute("value")).as("htmx keeps what was typed")
			.isEqualTo("Customer visits");
		browser.findElement(By.id("goal-name-1")).sendKeys("Prepare each visit");
		new Select(browser.findElement(By.id("support-kind-0"))).selectByValue("COACHING");
		browser.findElement(By.id("support-description-0")).sendKeys("Every two weeks with the team leader");
		screenshot("improvement-journey-form");
		click(By.id("save-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activate")));
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("Draft");
		click(By.id("activate"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-form")));
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("Active");
		WebElement progress = browser.findElement(By.cssSelector("#check-in-form .manual-progress"));
		progress.clear();
		progress.sendKeys("30");
		browser.findElement(By.id("notes")).sendKeys("Good start, agenda planned");
		click(By.id("record-check-in"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-ins"), "Good start, agenda planned"));
		screenshot("improvement-journey-manager");

		browser.manage().deleteAllCookies();
		signIn("rep");
		open("/improvement?lang=en");
		click(By.linkText(title));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goals")));
		assertThat(browser.findElement(By.id("check-ins")).getText()).contains("Good start, agenda planned")
			.contains("30");
		assertThat(browser.findElement(By.id("goal-0")).getText()).contains("Customer visits")
			.contains("Visits").doesNotContain("{");
		assertThat(browser.findElement(By.id("goal-1")).getText()).contains("Prepare each visit").contains("30");
		assertThat(browser.findElements(By.id("check-in-form"))).as("the rep reads, the manager runs it").isEmpty();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
		assertThat(browser.findElement(By.id("chart-1-figures")).getAttribute("textContent")).contains("30");
		screenshot("improvement-journey-rep");
	}
}
