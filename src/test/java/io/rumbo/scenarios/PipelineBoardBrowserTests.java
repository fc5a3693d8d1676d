package io.rumbo.scenarios;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The director's pipeline board in headless Chromium, in both languages, on a wide screen and a phone: every stage's
 * column with its figures from the kept sums, and the demo's won and lost deals of the last quarter on the days they
 * closed (not all on the day the demo loaded). Screenshots land in target/screenshots.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PipelineBoardBrowserTests extends BrowserTestSupport {

	@Test
	void theDirectorsBoardShowsEveryColumnWithItsFiguresInBothLanguages() {
		signIn("director");
		for (String lang : List.of("en", "es")) {
			for (int width : new int[] { 1440, 390 }) {
				size(width, 900);
				open("/opportunities?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pipeline-totals")));
				List<WebElement> columns = browser.findElements(By.cssSelector(".pipeline-column"));
				assertThat(columns).hasSize(6);
				for (WebElement column : columns) {
					assertThat(column.findElement(By.cssSelector(".column-figures")).getText())
						.as(column.getAttribute("data-stage")).matches("[\\d.,]+ · .+");
				}
				screenshot("board-director-" + lang + "-" + width);
			}
		}
		// The closed columns show the demo's deals of the last quarter on the days they closed.
		List<String> closedDays = browser.findElements(By.cssSelector(
				".pipeline-column[data-outcome='WON'] .pipeline-card .d-flex > span.text-muted, "
						+ ".pipeline-column[data-outcome='LOST'] .pipeline-card .d-flex > span.text-muted"))
			.stream()
			.map(day -> day.getAttribute("textContent").trim())
			.toList();
		assertThat(closedDays).hasSizeGreaterThan(3);
		assertThat(closedDays.stream().distinct().count()).as("days the closed deals on the board closed")
			.isGreaterThan(2);
		// The language chosen by ?lang= stays with the user: leave the demo director in English for the next tests.
		open("/opportunities?lang=en");
	}
}
