package io.rumbo.scenarios;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast journey in headless Chromium: the rep submits a call on a phone-sized screen (390 px), the manager sees
 * it in the roll-up on a wide screen (1440 px), adjusts it with a note and submits upwards; the rep's call stays as
 * it was. Screenshots land in target/screenshots.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class ForecastBrowserTests extends BrowserTestSupport {

	@Test
	void aRepSubmitsAForecastAndTheManagerAdjustsTheRollUp() {
		size(390, 844);
		signIn("rep");
		open("/forecast?lang=en");
		// Next quarter: a period no other test calls for.
		Select periods = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period"))));
		String period = periods.getOptions().get(5).getAttribute("value");
		open("/forecast?lang=en&period=" + period);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-form")));
		assertThat(browser.findElement(By.id("figure-COMMIT")).getText()).contains("Commit");
		assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scroll at 390 px")
			.isLessThanOrEqualTo(390);
		type("commit", "1000");
		type("mostLikely", "2500");
		type("bestCase", "4000");
		type("note", "Two proposals pending");
		click(By.id("submit-call"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-call")));
		assertThat(browser.findElement(By.id("current-call")).getText()).contains("2,500.00");
		assertThat(browser.findElement(By.id("call-history")).getText()).contains("Two proposals pending");
		screenshot("forecast-rep-390");

		browser.manage().deleteAllCookies();
		size(1440, 900);
		signIn("manager");
		open("/forecast/team?lang=en&period=" + period);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rollup")));
		WebElement lucia = browser.findElements(By.cssSelector("#rollup tbody tr"))
			.stream()
			.filter(row -> row.getText().contains("García Martín"))
			.findFirst()
			.orElseThrow();
		assertThat(lucia.getText()).contains("1,000.00").contains("2,500.00").contains("4,000.00");
		type("mostLikely", "2000");
		type("note", "Trimmed: budget not approved yet");
		click(By.id("submit-team-call"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-call")));
		assertThat(browser.findElement(By.id("team-call")).getText()).contains("2,000.00");
		assertThat(browser.findElement(By.id("team-history")).getText()).contains("Trimmed: budget not approved yet");
		WebElement after = browser.findElements(By.cssSelector("#rollup tbody tr"))
			.stream()
			.filter(row -> row.getText().contains("García Martín"))
			.findFirst()
			.orElseThrow();
		assertThat(after.getText()).as("the rep's call is not overwritten").contains("2,500.00");
		screenshot("forecast-manager-1440");
		open("/forecast/movement?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("movement-deals")));
		screenshot("forecast-movement-1440");

		// The accuracy history at 390 px: its table fits the screen, inside a labelled region the keyboard reaches.
		size(390, 844);
		open("/forecast/accuracy?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accuracy")));
		WebElement region = browser.findElement(By.cssSelector(".table-responsive:has(#accuracy)"));
		assertThat(region.getAttribute("tabindex")).isEqualTo("0");
		assertThat(region.getAttribute("aria-label")).isNotBlank();
		// Other tests' people and amounts (the database is shared) can make the table wider than the phone: it then
		// scrolls inside its region, and its last column (the accuracy) can be brought fully into view there.
		script("arguments[0].scrollLeft = arguments[0].scrollWidth", region);
		assertThat((Boolean) script("""
				const box = arguments[0].getBoundingClientRect();
				const last = arguments[0].querySelector('thead th:last-child').getBoundingClientRect();
				return last.left >= box.left - 1 && last.right <= box.right + 1;""", region))
			.as("the last column can be read").isTrue();
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		screenshot("forecast-accuracy-390");
		size(1440, 900);
		open("/forecast/accuracy?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accuracy")));
		screenshot("forecast-accuracy-1440");
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", field);
		field.clear();
		field.sendKeys(text);
	}
}
