package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


import io.rumbo.planning.FiscalCalendar;



import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The quota workflow in headless Chromium, as the issue tells it: the director starts a fiscal year's quotas from
 * its sales plan and publishes the company level; the manager of Región Centro releases the region's and the
 * branch's levels, splits Equipo Madrid Norte evenly with 5 % over-assignment and makes it binding; the demo rep
 * acknowledges her quota with a comment (at 390 px, as on a phone) and sees her progress on My targets. On fiscal year
 * two years back, whose sales plan this test writes (Madrid Norte asked 30,000.00 a month) and whose last months have
 * the demo's orders; its quota tables are emptied before and after, so the attainment tests' own version of that year
 * finds the year free. Every page is opened in English and the users are left in English.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	org.springframework.context.ApplicationContext context;

	int year;

	@BeforeAll
	void salesPlan() {
		year = calendar.currentYear() - 2;
		removeQuotas();
		QuotaYearFixture.activePlan(context, year, new BigDecimal("30000.00"),
				"E-MAD-NOR");
	}

	@AfterAll
	void removeQuotas() {
		List<Long> versions = jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :y").param("y", year)
			.query(Long.class).list();
		for (String table : List.of("quotas_acknowledgement", "quotas_person_figure", "quotas_person_month",
				"quotas_unit_month", "quotas_release", "quotas_manual", "quotas_level")) {
			versions.forEach(v -> jdbc.sql("DELETE FROM " + table + " WHERE version_id = :v").param("v", v).update());
		}
		jdbc.sql("UPDATE quotas_version SET based_on_id = NULL WHERE fiscal_year = :y").param("y", year).update();
		jdbc.sql("DELETE FROM quotas_version WHERE fiscal_year = :y").param("y", year).update();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private void openLevel(String code) {
		open("/quotas/" + year + "?unit=" + unit(code) + "&measure=revenue&lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("allocation")));
	}

	private void release(String code) {
		openLevel(code);
		click(By.id("release"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#level .badge"), "Binding"));
	}

	@Test
	void theDirectorPublishesAManagerAllocatesTheTeamAndTheRepAcknowledgesAndSeesHerProgress() {
		signIn("director");
		open("/quotas?lang=en");
		WebElement fiscalYear = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fiscalYear")));
		fiscalYear.clear();
		fiscalYear.sendKeys(String.valueOf(year));
		click(By.cssSelector("#new-quotas button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish-form")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(calendar.years().label(year));
		screenshot("quota-journey-draft");
		click(By.id("publish"));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("publish-form")));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Published");

		browser.manage().deleteAllCookies();
		signIn("manager");
		release("R-CENTRO");
		release("S-MAD");
		openLevel("E-MAD-NOR");
		new Select(browser.findElement(By.id("method"))).selectByValue("EVEN");
		WebElement over = browser.findElement(By.id("overAssignment"));
		over.clear();
		over.sendKeys("5");
		WebElement form = browser.findElement(By.id("method"));
		click(By.id("allocate"));
		// The allocation answers the page again: wait for the old form to go before reading the new one.
		waitGone(form);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("allocation")));
		assertThat(new Select(browser.findElement(By.id("method"))).getFirstSelectedOption().getText())
			.isEqualTo("Evenly");
		// Over-assigned 5 %: the team hands out more than its figure, and the mismatch says by how much.
		assertThat(browser.findElement(By.id("mismatch")).getText()).startsWith("-");
		screenshot("quota-journey-team-split");
		click(By.id("release"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#level .badge"), "Binding"));

		browser.manage().deleteAllCookies();
		size(390, 844);
		signIn("rep");
		open("/quotas/" + year + "/mine?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge-form")));
		assertThat(browser.findElement(By.id("my-quota-table")).getText()).contains("Net revenue");
		assertThat((Long) script("return document.documentElement.scrollWidth")).as("no sideways scroll at 390 px")
			.isLessThanOrEqualTo(390L);
		browser.findElement(By.id("comment")).sendKeys("De acuerdo con el reparto");
		screenshot("quota-journey-acknowledge-390");
		click(By.id("acknowledge"));
		WebElement acknowledged = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledged")));
		assertThat(acknowledged.getText()).contains("Acknowledged on").contains("De acuerdo con el reparto");
		assertThat(browser.findElements(By.id("acknowledge-form"))).isEmpty();
		screenshot("quota-journey-acknowledged-390");

		size(1440, 900);
		open("/targets?period=FY" + year + "&lang=en");
		WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-revenue")));
		assertThat(card.getText()).contains("Net revenue").contains("Projection");
		assertThat(browser.findElement(By.id("quota-status")).getText()).contains("acknowledged");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-0 canvas")));
		screenshot("quota-journey-my-targets");

		// What she sees is what the manager's split gave her: the team's level, evenly with 5 % over, binding.
		io.rumbo.support.Api api = new io.rumbo.support.Api(port);
		long version = api.get("/api/v1/quotas/" + year, "director").json().get("published").get("id").asLong();
		var level = api.get("/api/v1/quotas/versions/" + version + "/levels/" + unit("E-MAD-NOR") + "?measure=revenue",
				"manager").json();
		assertThat(level.get("method").asString()).isEqualTo("EVEN");
		assertThat(level.get("released").asBoolean()).isTrue();
		assertThat(level.get("pool").decimalValue())
			.isEqualByComparingTo(level.get("unitTotal").decimalValue().multiply(new BigDecimal("1.05")));
		long lucia = jdbc.sql("SELECT s.id FROM org_staff s JOIN identity_user u ON u.id = s.user_id"
				+ " WHERE u.username = 'rep'").query(Long.class).single();
		BigDecimal hers = level.get("rows").valueStream().filter(r -> r.get("id").asLong() == lucia).findFirst()
			.orElseThrow().get("total").decimalValue();
		assertThat(api.get("/api/v1/attainment/me?period=FY" + year + "&measures=revenue", "rep").json()
			.get("measures").get(0).get("pace").get("quota").decimalValue()).isEqualByComparingTo(hers);
		assertThat(jdbc.sql("""
				SELECT a.comment FROM quotas_acknowledgement a JOIN quotas_version v ON v.id = a.version_id
				WHERE v.fiscal_year = :y""").param("y", year).query(String.class).list())
			.containsExactly("De acuerdo con el reparto");
	}
}
