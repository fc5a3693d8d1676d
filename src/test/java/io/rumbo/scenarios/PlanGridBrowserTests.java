package io.rumbo.scenarios;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan grid in a browser: values in the reader's language, a refused value shown and announced at its cell,
 * the keyboard kept on its way through the cells, and the grid within a 1440 px screen.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class PlanGridBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBadValueIsShownAtItsCellAndAGoodOneInTheReadersFormatMovesOn() {
		long[] draft = jdbc.sql("""
				SELECT p.id, v.id FROM planning_plan p JOIN planning_plan_version v ON v.plan_id = p.id
				WHERE v.state = 'DRAFT' ORDER BY p.fiscal_year DESC""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list().get(0);
		long team = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single();
		String page = "/plans/" + draft[0] + "?version=" + draft[1];
		By january = By.id("cell-" + team + "-M1");
		By february = By.id("cell-" + team + "-M2");
		signIn("manager");
		open(page + "&lang=en");
		WebElement region = browser.findElement(By.cssSelector(".plan-grid-scroll"));
		assertThat(region.getAttribute("tabindex")).isEqualTo("0");
		assertThat(region.getAttribute("role")).isEqualTo("region");
		assertThat(region.getAttribute("aria-label")).contains("Revenue");
		String before = browser.findElement(january).getAttribute("value");
		assertThat(before).as("English money in the cell").matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
		screenshot("plan-grid-en-1440");
		assertThat(script("var s = arguments[0]; return s.scrollWidth + ' of ' + s.clientWidth + ' px'", region))
			.as("the grid fits a 1440 px screen")
			.isEqualTo(script("var s = arguments[0]; return s.clientWidth + ' of ' + s.clientWidth + ' px'", region));
		assertThat(script("return getComputedStyle(document.querySelector('#plan-grid tbody th')).position"))
			.isEqualTo("sticky");

		type(january, "12.000,50", Keys.TAB);
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cell-error")));
		assertThat(error.getAttribute("role")).isEqualTo("alert");
		assertThat(error.getText()).contains("Equipo Madrid Norte").contains("12,000.50").contains("nothing was saved");
		WebElement refused = browser.findElement(january);
		assertThat(refused.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(refused.getAttribute("aria-describedby")).isEqualTo("cell-error");
		assertThat(refused.getAttribute("value")).isEqualTo("12.000,50");
		assertThat(browser.findElements(By.id("spread-result"))).as("no banner of a save").isEmpty();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("cell-" + team + "-M1");
		screenshot("plan-grid-en-refused");

		type(january, "12,000.50", Keys.TAB);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cell-error")));
		wait.until(d -> "12,000.50".equals(d.findElement(january).getAttribute("value")));
		assertThat(browser.findElement(january).getAttribute("aria-invalid")).isNull();
		wait.until(d -> ("cell-" + team + "-M2").equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(browser.findElement(By.id("spread-result")).getText()).doesNotContain("left over");

		open(page + "&lang=es");
		assertThat(browser.findElement(january).getAttribute("value")).isEqualTo("12.000,50");
		WebElement typedIn = browser.findElement(january);
		type(january, "13.000,25", Keys.ENTER);
		// The save answers a new grid (htmx swaps it whole): wait for it, not for the typed text, which is there at once.
		waitGone(typedIn);
		wait.until(d -> "13.000,25".equals(d.findElement(january).getAttribute("value")));
		wait.until(d -> ("cell-" + team + "-M2").equals(d.switchTo().activeElement().getAttribute("id")));
		screenshot("plan-grid-es-1440");
		size(390, 844);
		screenshot("plan-grid-es-390");
		size(1440, 900);

		WebElement restored = browser.findElement(january);
		type(january, before.replace(",", "X").replace(".", ",").replace("X", "."), Keys.TAB);
		waitGone(restored);
		wait.until(d -> d.findElement(february).equals(d.switchTo().activeElement()));
		open(page + "&lang=en");
		assertThat(browser.findElement(january).getAttribute("value")).isEqualTo(before);
		size(390, 844);
		screenshot("plan-grid-en-390");
	}

	private void type(By cell, String text, Keys then) {
		WebElement input = browser.findElement(cell);
		script("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})", input);
		input.click();
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, then);
	}
}
