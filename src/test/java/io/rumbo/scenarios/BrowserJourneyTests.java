package io.rumbo.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The main journeys in headless Chromium; screenshots land in target/screenshots. */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class BrowserJourneyTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void managerOpensTheOrgChartAndEditsASalesperson() {
		signIn("manager");
		open("/organization/chart");
		WebElement chart = browser.findElement(By.id("org-chart"));
		assertThat(chart.getText()).contains("Región Centro").contains("Equipo Madrid Sur").doesNotContain("Región Norte");
		screenshot("org-chart-manager");
		chart.findElement(By.linkText("Equipo Madrid Sur")).click();
		wait.until(ExpectedConditions.textToBe(By.id("unit-name"), "Equipo Madrid Sur"));
		browser.findElement(By.id("unit-people")).findElement(By.partialLinkText("Hugo Serrano")).click();
		wait.until(ExpectedConditions.textToBe(By.id("person-name"), "Hugo Serrano Calvo"));
		browser.findElement(By.id("edit-person")).click();
		WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
		phone.clear();
		phone.sendKeys("+34 699 123 456");
		screenshot("staff-edit");
		browser.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.textToBe(By.id("person-phone"), "+34 699 123 456"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("saved");
		screenshot("staff-profile-after-edit");
	}

	@Test
	void inlineValidationNamesTheField() {
		signIn("manager");
		long hugo = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'Serrano Calvo'").query(Long.class).single();
		open("/organization/staff/" + hugo + "/edit");
		WebElement first = browser.findElement(By.id("firstName"));
		first.clear();
		browser.findElement(By.id("save")).click();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("firstName-error")));
		assertThat(error.getText()).isEqualTo("must not be blank");
		screenshot("staff-edit-invalid");
	}

	@Test
	void repCannotReachAPersonInAnotherRegion() {
		signIn("rep");
		long ane = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'Goñi Olazabal'").query(Long.class).single();
		open("/organization/staff/" + ane);
		assertThat(browser.getPageSource()).contains("Not found").doesNotContain("Goñi");
		open("/organization/staff");
		assertThat(browser.findElement(By.id("staff-table")).getText()).contains("García Martín")
			.doesNotContain("Goñi").doesNotContain("Romero Castillo");
		screenshot("staff-list-rep");
	}

	@Test
	void switchingTheLanguageTranslatesTheInterface() {
		signIn("director");
		open("/organization/staff");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff");
		browser.findElement(By.id("lang-es")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Plantilla"));
		assertThat(browser.findElement(By.id("staff-table")).getText()).contains("Fecha de alta");
		screenshot("staff-list-es");
		open("/organization/chart");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organigrama");
		screenshot("org-chart-es");
		browser.findElement(By.id("lang-en")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Org chart"));
	}

	@Test
	void searchingTheStaffListUpdatesTheResultsInPlace() {
		signIn("admin");
		open("/organization/staff");
		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys("Etxeberria");
		wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 result"));
		assertThat(browser.findElement(By.id("staff-table")).getText()).contains("Etxeberria Goikoetxea");
		assertThat(browser.getCurrentUrl()).contains("q=Etxeberria");
		screenshot("staff-search");
	}

	@Test
	void repBooksAnOrderForTheirCustomerWithAnExtraLine() {
		signIn("rep");
		long customer = jdbc.sql("""
				SELECT MIN(c.id) FROM customer_account c JOIN org_staff s ON s.id = c.owner_staff_id
				WHERE s.last_name = 'García Martín' AND c.archived = FALSE""").query(Long.class).single();
		long product = jdbc.sql("SELECT id FROM catalog_product WHERE sku = 'PAP-A4-500'").query(Long.class).single();
		open("/customers/" + customer);
		click(By.id("new-order"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-form")));
		browser.findElement(By.name("lines[0].quantity")).sendKeys("2");
		click(By.id("add-line"));
		int row = 5;
		wait.until(ExpectedConditions.presenceOfElementLocated(By.name("lines[" + row + "].productId")));
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("lines[" + row + "].productId")))
			.selectByValue(String.valueOf(product));
		browser.findElement(By.name("lines[" + row + "].quantity")).sendKeys("10");
		screenshot("order-form");
		click(By.id("save"));
		// Line 1 has a quantity but no product: the order is refused and the row is named.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-errors")));
		assertThat(browser.findElement(By.id("order-errors")).getText()).contains("Line 1 › Product")
			.doesNotContain("lines[0]");
		// The form comes back with the blank rows dropped: the half-filled line first, the product line second.
		browser.findElement(By.name("lines[0].quantity")).clear();
		assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("lines[1].productId")))
			.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(product));
		click(By.id("save"));
		// 10 x 4.95 list price = 49.50
		wait.until(ExpectedConditions.textToBe(By.id("order-net"), "€49.50"));
		assertThat(browser.findElement(By.id("credit-list")).getText()).contains("Lucía García Martín").contains("100");
		screenshot("order-booked");
	}

	@Test
	void repLogsAVisitOnTheAgenda() {
		signIn("rep");
		open("/agenda");
		// The customer picker: type part of a name, move to the first account found with the arrow key, Enter.
		String typed = jdbc.sql("""
				SELECT MIN(c.legal_name) FROM customer_account c JOIN org_staff s ON s.id = c.owner_staff_id
				WHERE s.last_name = 'García Martín' AND c.archived = FALSE""").query(String.class).single();
		WebElement customer = browser.findElement(By.id("customerId"));
		customer.sendKeys(typed.substring(0, Math.min(6, typed.length())));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customerId-option-0")));
		// The list may be redrawn by a later answer while the keys arrive; choose again until a choice holds.
		wait.until(driver -> {
			if (driver.findElement(By.name("customerId")).getAttribute("value").isBlank()) {
				customer.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
				customer.sendKeys(org.openqa.selenium.Keys.ENTER);
			}
			return !driver.findElement(By.name("customerId")).getAttribute("value").isBlank();
		});
		String chosen = browser.findElement(By.name("customerId")).getAttribute("value");
		String customerName = jdbc.sql("SELECT legal_name FROM customer_account WHERE id = ?")
			.param(Long.parseLong(chosen)).query(String.class).single();
		assertThat(customer.getAttribute("value")).startsWith(customerName);
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("type"))).selectByValue("VISIT");
		browser.findElement(By.id("outcome")).sendKeys("Quiere renovar las sillas");
		click(By.id("log-button"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-days"), "Quiere renovar las sillas"));
		assertThat(browser.findElement(By.id("agenda-days")).getText()).contains(customerName);
		screenshot("agenda");
	}

	@Test
	void repDragsAnOpportunityToWonAndBooksItsOrder() {
		signIn("rep");
		long opportunity = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				WHERE s.last_name = 'García Martín' AND o.order_id IS NULL
				  AND o.stage_code IN ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')
				  AND EXISTS (SELECT 1 FROM sales_opportunity_product p WHERE p.opportunity_id = o.id)
				  AND (SELECT COUNT(*) FROM sales_opportunity b WHERE b.owner_staff_id = o.owner_staff_id
				       AND b.stage_code = o.stage_code AND (b.expected_close < o.expected_close
				         OR (b.expected_close = o.expected_close AND b.id < o.id))) < 10""")
			.query(Long.class)
			.single();
		// A card among the first of its column (the board opens with 10 cards a column, more on demand).
		open("/opportunities");
		By card = By.cssSelector(".pipeline-card[data-id='" + opportunity + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(card));
		// Chromium's native drag cannot be driven headless; dispatch the same HTML5 drag events the mouse would.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				var card = document.querySelector(arguments[0]);
				var column = document.querySelector(".pipeline-column[data-stage='WON']");
				var data = new DataTransfer();
				card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
				column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
				column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));""",
				".pipeline-card[data-id='" + opportunity + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".pipeline-column[data-stage='WON'] .pipeline-card[data-id='" + opportunity + "']")));
		assertThat(jdbc.sql("SELECT stage_code FROM sales_opportunity WHERE id = ?").param(opportunity)
			.query(String.class).single()).isEqualTo("WON");
		screenshot("pipeline-after-drag");
		open("/opportunities/" + opportunity);
		click(By.id("book-order"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-net")));
		assertThat(browser.getCurrentUrl()).contains("/orders/");
		assertThat(jdbc.sql("SELECT order_id FROM sales_opportunity WHERE id = ?").param(opportunity)
			.query(Long.class).single()).isNotNull();
		screenshot("order-from-won-opportunity");
	}

	@Test
	void managerImportsAFileWithAnErrorAndSeesTheRowAndColumnNamed() throws IOException {
		signIn("manager");
		Path file = Files.createTempFile("visits", ".csv");
		Files.writeString(file, """
				external_id,customer,type,salesperson,planned_on,done_on,outcome
				WEB-VIS-1,CLI-00115,VISIT,E0019,2026-11-02,2026-11-02,Pide presupuesto
				WEB-VIS-2,CLI-00115,CALL,E0019,2026-02-30,,
				""");
		open("/imports?kind=visits");
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		click(By.id("import-submit"));
		WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error-table")));
		assertThat(errors.getText()).contains("3").contains("planned_on").contains("2026-02-30");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_activity WHERE external_id LIKE 'WEB-VIS-%'").query(Long.class)
			.single()).as("nothing written").isZero();
		screenshot("import-errors");
		Files.writeString(file, Files.readString(file).replace("2026-02-30", "2026-02-27"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		click(By.id("import-submit"));
		WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
		assertThat(done.getText()).contains("2 created");
		screenshot("import-done");
	}

	@Test
	void directorBuildsAPlanFromTheBaselineEditsACellSubmitsApprovesAndSeesItLocked() {
		// Two years ahead (the page offers last year to two ahead): last year holds the demo's reviewed plan (decision
		// 0031), next year PlanApiScenarioTests' plan.
		int year = java.time.LocalDate.now().getYear() + 2;
		signIn("director");
		open("/plans");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fiscalYear"))).selectByValue(String.valueOf(year));
		browser.findElement(By.id("name")).sendKeys("Plan de prueba " + year);
		WebElement growth = browser.findElement(By.id("growthPercent"));
		growth.clear();
		growth.sendKeys("10");
		click(By.id("create-plan"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-grid")));
		assertThat(browser.findElement(By.id("version-state")).getText()).isEqualTo("draft");
		long madridNorte = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single();
		long centro = jdbc.sql("SELECT id FROM org_unit WHERE code = 'R-CENTRO'").query(Long.class).single();
		By teamJanuary = By.cssSelector("tr[data-unit='" + madridNorte + "'] input[data-period='M1']");
		By regionJanuary = By.cssSelector("tr[data-unit='" + centro + "'] input[data-period='M1']");
		java.math.BigDecimal teamBefore = amount(browser.findElement(teamJanuary).getAttribute("value"));
		java.math.BigDecimal regionBefore = amount(browser.findElement(regionJanuary).getAttribute("value"));
		WebElement cell = browser.findElement(teamJanuary);
		// Select and overwrite: clear() fires a change of its own, whose refusal now redraws the grid under the keys.
		cell.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
				teamBefore.add(new java.math.BigDecimal("1000")).toPlainString(), org.openqa.selenium.Keys.TAB);
		java.math.BigDecimal expected = regionBefore.add(new java.math.BigDecimal("1000"));
		// The grid is redrawn after the edit: an element read during the swap is stale, read it again.
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> amount(d.findElement(regionJanuary).getAttribute("value")).compareTo(expected) == 0);
		screenshot("plan-grid-edited");
		click(By.id("submit-version"));
		wait.until(ExpectedConditions.textToBe(By.id("version-state"), "submitted"));
		click(By.id("approve-version"));
		wait.until(ExpectedConditions.textToBe(By.id("version-state"), "approved"));
		assertThat(browser.findElements(By.cssSelector("#plan-grid input"))).as("an approved version is read-only").isEmpty();
		assertThat(browser.findElement(By.id("read-only-note")).getText()).contains("approved");
		screenshot("plan-approved");
	}

	/** A grid cell as the English pages write it ({@code 12,000.50}). */
	private static java.math.BigDecimal amount(String text) {
		return new java.math.BigDecimal(text.replace(",", ""));
	}

}
