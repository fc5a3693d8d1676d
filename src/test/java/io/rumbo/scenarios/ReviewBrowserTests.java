package io.rumbo.scenarios;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's review in a browser: the waterfall is drawn, and on a 390 px phone neither the review nor the list
 * scrolls the page sideways (wide tables scroll inside their own box).
 */
@RumboIntegrationTest
class ReviewBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReviewDrawsItsWaterfallAndFitsAPhone() {
		long id = jdbc.sql("SELECT MIN(id) FROM review_plan_review WHERE state = 'SHARED'").query(Long.class).single();
		signIn("director");
		open("/reviews/" + id + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waterfall canvas")));
		screenshot("review-desktop");
		for (String path : new String[] { "/reviews/" + id + "?lang=en", "/reviews?lang=en" }) {
			size(390, 844);
			open(path);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
			long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
			assertThat(overflow).as(path + " scrolls sideways").isLessThanOrEqualTo(0);
		}
		screenshot("review-list-phone");
		open("/reviews/" + id + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waterfall canvas")));
		screenshot("review-phone");
	}
}
