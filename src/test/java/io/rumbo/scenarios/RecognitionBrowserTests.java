package io.rumbo.scenarios;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The recognition pages in headless Chromium, in English and Spanish, wide (1440 px) and narrow (390 px): the
 * director's feed with the demo's awards, opened to an award and its figures, the leaderboard of a measure, the award
 * kinds, the proposals, and the rep's profile with her recognition. Screenshots land in target/screenshots
 * (recognition-*). The director is left in English.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class RecognitionBrowserTests extends BrowserTestSupport {

	@Test
	void theRecognitionPagesReadWellWideAndNarrowInBothLanguages() {
		signIn("director");
		for (String lang : new String[] { "es", "en" }) {
			for (int width : new int[] { 1440, 390 }) {
				size(width, 900);
				String suffix = "-" + lang + "-" + width;
				open("/recognition?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-table")));
				assertThat(browser.findElements(By.cssSelector("#feed-table tr.feed-award"))).isNotEmpty();
				screenshot("recognition-feed" + suffix);
				click(By.cssSelector("#feed-table tr.feed-award a[href^='/recognition/awards/']"));
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("award-citation")));
				screenshot("recognition-award" + suffix);
				open("/recognition/leaderboard?measure=revenue&lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("measure-board")));
				screenshot("recognition-leaderboard" + suffix);
				open("/recognition/kinds?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kind-table")));
				screenshot("recognition-kinds" + suffix);
				Object kindsWidth = script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
				List<?> kindsFigures = (List<?>) kindsWidth;
				assertThat(((Number) kindsFigures.get(0)).doubleValue())
					.as("the kinds page does not scroll sideways (page width, window: %s)", kindsWidth)
					.isLessThanOrEqualTo(((Number) kindsFigures.get(1)).doubleValue());
				open("/recognition/kinds/new?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-kind")));
				// Refused through htmx: the form comes back with the errors at their fields.
				click(By.id("save-kind"));
				wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nameEn.is-invalid")));
				screenshot("recognition-kind-form" + suffix);
				open("/recognition/proposals?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-table")));
				screenshot("recognition-proposals" + suffix);
				open("/recognition/awards/new?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grant")));
				screenshot("recognition-grant" + suffix);
			}
		}
		size(1440, 900);
		open("/organization/staff?lang=en");
		open("/recognition?type=badge&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-table")));
		click(By.cssSelector("#feed-table tbody tr td a[href^='/organization/staff/']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-recognition")));
		screenshot("recognition-profile-en-1440");
		size(390, 900);
		screenshot("recognition-profile-en-390");
	}
}
