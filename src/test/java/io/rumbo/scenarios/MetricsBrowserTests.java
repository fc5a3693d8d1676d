package io.rumbo.scenarios;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Metrics page in a browser: a manager picks measures, grouping and period, reads the table and its chart, and
 * opens a figure to the orders behind it; an administrator rebuilds the facts from the page.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class MetricsBrowserTests extends BrowserTestSupport {

	@Autowired
	FiscalCalendar calendar;

	@Test
	void aManagerReadsTheTeamsFiguresAndOpensOneToItsOrders() {
		String year = "FY" + calendar.years().yearOf(LocalDate.now());
		signIn("manager");
		open("/metrics?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metrics-form")));
		browser.findElement(By.id("m-margin_pct")).click();
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("by"))).selectByValue("person");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("period"))).selectByValue(year);
		browser.findElement(By.cssSelector("#metrics-form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("margin_pct"));
		assertThat(browser.findElements(By.cssSelector("#metrics-table tbody tr")).size()).isGreaterThan(1);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#metrics-chart canvas")));
		assertThat(browser.findElements(By.id("metrics-rebuild"))).as("only administrators rebuild").isEmpty();
		screenshot("metrics-by-person");

		// The first person's net revenue that is not zero opens to the orders credited to them.
		WebElement figure = browser.findElements(By.cssSelector("#metrics-table tbody tr td:nth-of-type(1) a")).stream()
			.filter(a -> a.getText().matches(".*[1-9].*"))
			.findFirst()
			.orElseThrow();
		// The table scrolls inside its card: bring the figure into view before clicking it.
		click(figure);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records-table")));
		assertThat(browser.findElements(By.cssSelector("#records-table tbody tr td a")).size())
			.as("orders, each a link").isPositive();
		assertThat(browser.findElement(By.cssSelector("#records-table tbody")).getText()).contains("Order");
		screenshot("metrics-records");

		// A figure of a product line opens to the order lines of that line, with the credited share of each.
		open("/metrics?measures=revenue&by=line&period=" + year + "&lang=en");
		click(By.cssSelector("#metrics-table tbody tr td a"));
		wait.until(ExpectedConditions.urlContains("line="));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("records-table")));
		assertThat(browser.findElement(By.cssSelector("#records-table tbody")).getText()).contains("Order line");
		screenshot("metrics-records-by-line");
	}

	@Test
	void anAdministratorRebuildsTheFacts() {
		signIn("admin");
		open("/metrics?by=unit&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metrics-rebuild"))).click();
		// A rebuild of the demo company takes seconds on a busy machine.
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(120))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
		screenshot("metrics-rebuilt");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("rebuilt");
	}
}
