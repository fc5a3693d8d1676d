package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.rumbo.reporting.HomeKind;
import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The home pages in headless Chromium: a salesperson signs in on a phone (390 px) and sees their day (targets,
 * agenda, tasks) without the page scrolling sideways; the manager's and director's pages draw their charts as their
 * panels arrive; every panel finishes loading; no WCAG A/AA violation in English or Spanish. Screenshots of the three
 * pages at 1440 and 390 px go to target/screenshots.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class HomeBrowserTests extends BrowserTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aSalespersonSignsInOnAPhoneAndSeesTheirDay() {
		size(390, 844);
		open("/login?lang=en");
		signIn("rep");
		assertThat(browser.getCurrentUrl()).as("signing in lands on the home page").matches("http://localhost:\\d+/(\\?lang=en)?");
		allPanelsLoaded(HomeKind.SALESPERSON);
		screenshot("home-rep-390-first");
		assertThat(browser.findElement(By.id("panel-targets")).getAttribute("innerHTML")).as("the targets panel")
			.contains("id=\"home-targets\"");
		assertThat(browser.findElement(By.id("home-targets")).getText()).contains("Net revenue").contains("%");
		assertThat(browser.findElement(By.id("panel-agenda")).getText()).containsIgnoringCase("Today");
		assertThat(browser.findElement(By.id("panel-tasks")).getText()).containsPattern("overdue|No task");
		assertThat(browser.findElement(By.id("panel-tasks-all")).getAttribute("href")).contains("/tasks?open=true");
		noSidewaysScroll();
		screenshot("home-rep-390");
		size(1440, 900);
		open("/");
		allPanelsLoaded(HomeKind.SALESPERSON);
		screenshot("home-rep-1440");
	}

	@Test
	void theManagerAndTheDirectorSeeTheirChartsAtBothSizes() {
		signIn("manager");
		open("/?lang=en");
		allPanelsLoaded(HomeKind.MANAGER);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#team-chart canvas")));
		assertThat(browser.findElement(By.id("home-team")).getText()).contains("García Martín");
		tablesFit();
		screenshot("home-manager-1440");
		size(390, 844);
		for (String lang : List.of("es", "en")) {
			open("/?lang=" + lang);
			allPanelsLoaded(HomeKind.MANAGER);
			noSidewaysScroll();
			tablesFit();
			screenshot("home-manager-390-" + lang);
		}

		browser.manage().deleteAllCookies();
		size(1440, 900);
		signIn("director");
		open("/?lang=en");
		allPanelsLoaded(HomeKind.DIRECTOR);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-regions-chart canvas")));
		assertThat(browser.findElements(By.cssSelector("#home-plan-regions tbody tr"))).isNotEmpty();
		tablesFit();
		screenshot("home-director-1440");
		size(390, 844);
		for (String lang : List.of("es", "en")) {
			open("/?lang=" + lang);
			allPanelsLoaded(HomeKind.DIRECTOR);
			noSidewaysScroll();
			tablesFit();
			screenshot("home-director-390-" + lang);
		}
		// The plan's page says where each forecast figure comes from (decision 0033), at both sizes.
		String performance = browser.findElement(By.cssSelector("#panel-plan a[href*='/performance']"))
			.getAttribute("href");
		browser.get(performance + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("performance-table")));
		assertThat(browser.findElement(By.id("forecast-sources-total")).getText()).isNotBlank();
		noSidewaysScroll();
		screenshot("plan-performance-390");
		size(1440, 900);
		browser.get(performance + "?lang=en");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("performance-table")));
		screenshot("plan-performance-1440");
		size(1440, 900);
	}

	@Test
	void theHomePagesHaveNoWcagViolationsInEitherLanguage() {
		List<String> found = new ArrayList<>();
		for (String user : List.of("rep", "manager", "director")) {
			browser.manage().deleteAllCookies();
			signIn(user);
			HomeKind kind = HomeKind.valueOf(switch (user) {
				case "rep" -> "SALESPERSON";
				case "manager" -> "MANAGER";
				default -> "DIRECTOR";
			});
			for (String lang : List.of("es", "en")) {
				open("/?lang=" + lang);
				allPanelsLoaded(kind);
				found.addAll(axeViolations("home " + user + " " + lang));
			}
		}
		assertThat(found).as("axe-core WCAG A/AA violations").isEmpty();
	}

	/**
	 * A panel whose source fails (the objectives' table is renamed away for the moment) shows its own error, in the
	 * reader's language, in its card; every other panel of the page still loads.
	 */
	@Test
	void aPanelWhoseSourceFailsShowsItsOwnErrorWhileTheOthersLoad() {
		signIn("director");
		jdbc.sql("ALTER TABLE planning_objective RENAME TO planning_objective_away").update();
		try {
			for (String lang : List.of("en", "es")) {
				open("/?lang=" + lang);
				for (String panel : HomeKind.DIRECTOR.panels()) {
					wait.until(d -> d.findElements(By.cssSelector("#panel-" + panel + " [aria-busy]")).isEmpty());
					if (!panel.equals("objectives")) {
						assertThat(browser.findElement(By.id("panel-" + panel)).getText()).as(panel)
							.doesNotContain("could not be loaded").doesNotContain("No se pudo cargar")
							.doesNotContain("Unexpected error").doesNotContain("Error inesperado");
					}
				}
				String failed = wait.until(d -> d.findElement(By.cssSelector("#panel-objectives [role=alert]"))).getText();
				assertThat(failed).as("the objectives panel's own error in " + lang)
					.containsAnyOf(lang.equals("en") ? new String[] { "Unexpected error", "Temporarily unavailable" }
							: new String[] { "Error inesperado", "No disponible en este momento" });
				assertThat(browser.findElement(By.id("panel-objectives-title")).getText()).isNotBlank();
				assertThat(browser.findElements(By.cssSelector("#problem [role=alert], #problem .alert")))
					.as("the error stays in its panel, not in the page's message area").isEmpty();
				screenshot("home-director-failing-panel-" + lang);
			}
		}
		finally {
			jdbc.sql("ALTER TABLE planning_objective_away RENAME TO planning_objective").update();
		}
		open("/?lang=en");
		allPanelsLoaded(HomeKind.DIRECTOR);
	}

	/**
	 * Every table of a panel fits its card (none cuts its last column behind a scroll bar) and sits in a labelled
	 * region the keyboard reaches.
	 */
	private void tablesFit() {
		assertThat(script("""
				return Array.from(document.querySelectorAll('.home-panel .table-responsive'))
				  .filter(function (e) { return e.scrollWidth > e.clientWidth + 1; })
				  .map(function (e) { return e.closest('.home-panel').id; }).join(', ');"""))
			.as("panels whose table is wider than the card at " + script("return window.innerWidth") + " px")
			.isEqualTo("");
		assertThat(script("""
				return Array.from(document.querySelectorAll('.home-panel .table-responsive'))
				  .filter(function (e) { return e.getAttribute('tabindex') !== '0' || !e.getAttribute('aria-label')
				    || e.getAttribute('role') !== 'region'; }).length;""")).isEqualTo(0L);
	}

	private void noSidewaysScroll() {
		assertThat((Long) script("return document.documentElement.scrollWidth"))
			.as("page width at 390 px; too wide: %s", script("""
					return Array.from(document.querySelectorAll('main *')).filter(function (e) {
					  return e.getBoundingClientRect().right > window.innerWidth + 1; })
					  .slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');"""))
			.isLessThanOrEqualTo(390L);
	}

	/** Every panel of the page has answered: its spinner is gone and nothing says it failed. */
	private void allPanelsLoaded(HomeKind kind) {
		for (String panel : kind.panels()) {
			wait.until(d -> d.findElements(By.cssSelector("#panel-" + panel + " [aria-busy]")).isEmpty());
			assertThat(browser.findElement(By.id("panel-" + panel)).getText()).as(panel)
				.doesNotContain("could not be loaded").doesNotContain("No se pudo cargar");
		}
	}
}
