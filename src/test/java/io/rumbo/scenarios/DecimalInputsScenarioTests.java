package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimal numbers in page forms are typed and shown as the reader's language writes them, and text that is no such
 * number is refused with the field and an example, never read as another number.
 */
@RumboIntegrationTest
class DecimalInputsScenarioTests {

	@LocalServerPort
	int port;

	@Test
	void aSpanishReaderTypesAPriceWithADecimalCommaAndSeesItAsTheLanguageWritesIt() {
		WebSession admin = signedIn("es");
		String id = createProduct(admin, "1.234,56", "1.000,5");
		assertThat(admin.get(port, "/catalog/products/" + id + "?lang=es").body()).contains("1.234,56");
		String edit = admin.get(port, "/catalog/products/" + id + "/edit?lang=es").body();
		assertThat(edit).contains("value=\"1.234,56\"").contains("inputmode=\"decimal\"");
		String english = admin.get(port, "/catalog/products/" + id + "/edit?lang=en").body();
		assertThat(english).contains("value=\"1,234.56\"");
	}

	@Test
	void anEnglishReaderWhoTypesASpanishNumberIsToldHowToWriteIt() {
		WebSession admin = signedIn("en");
		String page = admin.get(port, "/catalog/products/new?lang=en").body();
		HttpResponse<String> refused = admin.postForm(port, "/catalog/products/new", product(page, "1.234,56", ""));
		assertThat(refused.statusCode()).as("the form comes back").isEqualTo(200);
		assertThat(refused.body()).contains("is not a number as it is written here: type it like 12,000.50")
			.contains("value=\"1.234,56\"")
			.doesNotContain("Unexpected error");
	}

	@Test
	void aCostThatIsNoNumberGoesBackToTheProductPageWithTheReason() {
		WebSession admin = signedIn("es");
		String id = createProduct(admin, "10", "");
		String page = admin.get(port, "/catalog/products/" + id + "?lang=es").body();
		HttpResponse<String> refused = admin.postForm(port, "/catalog/products/" + id + "/costs",
				Map.of("standardCost", "doce", "validFrom", "2025-01-01", "_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(302);
		String back = admin.get(port, refused.headers().firstValue("Location").orElseThrow()
			.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(back).contains("«doce» no es un número escrito como aquí: escríbalo como 12.000,50")
			.contains("alert-danger");
		HttpResponse<String> added = admin.postForm(port, "/catalog/products/" + id + "/costs",
				Map.of("standardCost", "7,25", "validFrom", "2025-01-01", "_csrf", WebSession.csrf(back)));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(admin.get(port, "/catalog/products/" + id + "?lang=es").body()).contains("7,25");
	}

	private WebSession signedIn(String lang) {
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		admin.get(port, "/catalog/products?lang=" + lang);
		return admin;
	}

	private String createProduct(WebSession admin, String listPrice, String standardCost) {
		String page = admin.get(port, "/catalog/products/new").body();
		HttpResponse<String> created = admin.postForm(port, "/catalog/products/new", product(page, listPrice, standardCost));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/catalog/products/(\\d+).*", "$1");
	}

	private static Map<String, String> product(String formPage, String listPrice, String standardCost) {
		String line = formPage.replaceAll("(?s).*<select id=\"lineId\".*?<option value=\"(\\d+)\".*", "$1");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("sku", "DEC-" + System.nanoTime());
		form.put("nameEs", "Producto decimal");
		form.put("nameEn", "Decimal product");
		form.put("lineId", line);
		form.put("unitOfMeasure", "UNIT");
		form.put("listPrice", listPrice);
		form.put("standardCost", standardCost);
		form.put("costValidFrom", "2025-01-01");
		form.put("active", "true");
		form.put("version", "0");
		form.put("_csrf", WebSession.csrf(formPage));
		return form;
	}
}
