package io.rumbo.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.BrowserAvailability;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in headless Chromium: a file over the upload limit (16 MB in tests) shows the refusal in the
 * progress panel, and a Windows-1252 CSV is refused naming the line, then imported right once its encoding is chosen.
 * Screenshots land in target/screenshots.
 */
@RumboIntegrationTest
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
class ImportPageBrowserTests extends BrowserTestSupport {

	private static final String PRODUCTS = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from,active\n";

	@Autowired
	JdbcClient jdbc;

	/** A large upload is read, counted and checked before the page answers. */
	@BeforeEach
	void waitLongerForUploads() {
		wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	@Test
	void aFileOverTheUploadLimitIsRefusedInTheProgressPanel() throws IOException {
		Path file = Files.createTempFile("rumbo-big-", ".csv");
		try {
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(PRODUCTS.getBytes(StandardCharsets.UTF_8));
				byte[] line = "BIG-1,Producto,Product,PAP,UNIT,1.00,0.50,2026-01-01,true\n".getBytes(StandardCharsets.UTF_8);
				for (long written = 0; written < 17L * 1024 * 1024; written += line.length) {
					out.write(line);
				}
			}
			signIn("admin");
			browser.get("http://localhost:" + port + "/imports?kind=products");
			browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.findElement(By.id("import-submit")).click();
			WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-refused")));
			assertThat(refused.getText()).isEqualTo("The file is larger than the upload limit of 16 MB.");
			assertThat(refused.getAttribute("role")).isEqualTo("alert");
			screenshot("import-too-large");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aWindows1252FileIsRefusedThenImportedOnceItsEncodingIsChosen() throws IOException {
		Path file = Files.createTempFile("rumbo-1252-", ".csv");
		try {
			Files.write(file, (PRODUCTS + "WIN-1,Tazas de cerámica,Mugs,CAF,PACK,2.00,1.00,2026-01-01,true\n")
				.getBytes(Charset.forName("windows-1252")));
			signIn("admin");
			browser.get("http://localhost:" + port + "/imports?kind=products");
			browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.findElement(By.id("import-submit")).click();
			WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error-table")));
			assertThat(errors.getText()).contains("The file is not valid UTF-8 text from line 2 on");
			screenshot("import-bad-encoding");

			browser.get("http://localhost:" + port + "/imports?kind=products");
			browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			new Select(browser.findElement(By.id("encoding"))).selectByValue("windows-1252");
			browser.findElement(By.id("import-submit")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
			assertThat(jdbc.sql("SELECT name_es FROM catalog_product WHERE sku = 'WIN-1'").query(String.class).single())
				.isEqualTo("Tazas de cerámica");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
