package io.rumbo.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Product lines and a product's cost history (many effective-dated costs in one file) through the imports. */
@RumboIntegrationTest
class CatalogImportScenarioTests extends ApiTestSupport {

	static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() throws IOException {
		api = new Api(port);
		ensureExtraRoleUsers(api);
		// The cost sample names the products of the products sample.
		assertThat(upload("products", Files.readAllBytes(Path.of("docs/import-samples/products.csv")), "admin", "")
			.status()).isEqualTo(200);
	}

	@Test
	void theSamplesImportCleanlyAndAgainWithoutChange() throws IOException {
		for (String kind : List.of("product-lines", "product-costs")) {
			byte[] sample = Files.readAllBytes(Path.of("docs/import-samples", kind + ".csv"));
			Api.Response first = upload(kind, sample, "finance", "");
			assertThat(first.status()).as(kind + ": " + first.body()).isEqualTo(200);
			long records = first.json().get("created").asLong() + first.json().get("updated").asLong()
					+ first.json().get("unchanged").asLong();
			assertThat(records).as(kind).isEqualTo(sample.length == 0 ? 0 : lines(sample));
			JsonNode again = upload(kind, sample, "finance", "").json();
			assertThat(again.get("created").asLong() + again.get("updated").asLong()).as(kind + " again").isZero();
			assertThat(again.get("unchanged").asLong()).as(kind + " again").isEqualTo(records);
		}
		assertThat(line("REG").get("active").asBoolean()).isFalse();
		assertThat(line("SEG").get("nameEn").asString()).isEqualTo("Workplace safety");
		assertThat(costs("PAP-AGENDA")).containsSubsequence("2024-01-01 4.60", "2025-01-01 4.85", "2026-01-01 5.10");
		assertThat(costs("CAF-TAZAS")).containsSubsequence("2024-06-01 6.40", "2025-06-01 6.90");
	}

	@Test
	void aCostHistoryCorrectsAPeriodAndAddsTheOthersInOneFile() {
		String sku = unique("HIST");
		String products = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from\n" + sku
				+ ",Histórico,History,PAP,UNIT,10.00,4.00,2025-01-01\n";
		assertThat(upload("products", products.getBytes(StandardCharsets.UTF_8), "admin", "").status()).isEqualTo(200);
		String history = "sku,valid_from,standard_cost\n" + sku + ",2023-01-01,3.00\n" + sku + ",2024-01-01,3.50\n"
				+ sku + ",2025-01-01,4.20\n";
		JsonNode answer = upload("product-costs", history.getBytes(StandardCharsets.UTF_8), "admin", "").json();
		assertThat(answer.get("created").asLong()).isEqualTo(2);
		assertThat(answer.get("updated").asLong()).as("2025-01-01 corrected from 4.00").isEqualTo(1);
		assertThat(costs(sku)).containsExactly("2023-01-01 3.00", "2024-01-01 3.50", "2025-01-01 4.20");
	}

	@Test
	void aDryRunWritesNothingAndABadRowWritesNothing() {
		String code = unique("DRY");
		String file = "code,name_es,name_en\n" + code + ",Prueba,Test\n";
		JsonNode dry = upload("product-lines", file.getBytes(StandardCharsets.UTF_8), "admin", "?dryRun=true").json();
		assertThat(dry.get("created").asLong()).isEqualTo(1);
		assertThat(findLine(code)).as("after a dry run").isNull();

		String costsBefore = String.join("|", costs("PAP-AGENDA"));
		String history = "sku,valid_from,standard_cost\nPAP-AGENDA,2020-01-01,4.00\nPAP-AGENDA,2021-01-01,-1\n"
				+ "NO-SUCH-SKU,2021-01-01,1\nPAP-AGENDA,0021-01-01,1\nPAP-AGENDA,2020-01-01,4.10\n";
		Api.Response bad = api.upload("/api/v1/imports/product-costs", "admin",
				history.getBytes(StandardCharsets.UTF_8), CSV, Map.of("Accept-Language", "en"));
		assertThat(bad.status()).isEqualTo(422);
		List<String> errors = new ArrayList<>();
		bad.json().get("errors").forEach(e -> errors.add(e.get("row").asLong() + " " + e.get("column").asString("")));
		assertThat(errors).contains("3 standard_cost", "4 sku", "5 valid_from", "6 valid_from");
		assertThat(String.join("|", costs("PAP-AGENDA"))).isEqualTo(costsBefore);

		JsonNode dryCosts = upload("product-costs", "sku,valid_from,standard_cost\nPAP-AGENDA,2019-01-01,4.00\n"
			.getBytes(StandardCharsets.UTF_8), "admin", "?dryRun=true").json();
		assertThat(dryCosts.get("created").asLong()).isEqualTo(1);
		assertThat(String.join("|", costs("PAP-AGENDA"))).isEqualTo(costsBefore);
	}

	@Test
	void onlyTheRolesThatEditTheCatalogImportIt() {
		byte[] file = "code,name_es,name_en\nXX,Prueba,Test\n".getBytes(StandardCharsets.UTF_8);
		assertThat(upload("product-lines", file, "rep", "").status()).isEqualTo(403);
		assertThat(upload("product-costs", "sku,valid_from,standard_cost\nPAP-AGENDA,2020-01-01,1\n"
			.getBytes(StandardCharsets.UTF_8), "manager", "").status()).isEqualTo(403);
	}

	private Api.Response upload(String kind, byte[] file, String user, String query) {
		return api.upload("/api/v1/imports/" + kind + query, user, file, CSV, Map.of());
	}

	private static long lines(byte[] file) {
		return new String(file, StandardCharsets.UTF_8).strip().lines().count() - 1;
	}

	private JsonNode line(String code) {
		JsonNode line = findLine(code);
		assertThat(line).as("line " + code).isNotNull();
		return line;
	}

	private JsonNode findLine(String code) {
		for (JsonNode line : api.get("/api/v1/product-lines?archived=true", "admin").json()) {
			if (line.get("code").asString().equalsIgnoreCase(code)) {
				return line;
			}
		}
		return null;
	}

	/** The product's cost periods as "validFrom cost", oldest first. */
	private List<String> costs(String sku) {
		long id = api.get("/api/v1/products?q=" + sku, "admin").json().get("content").get(0).get("id").asLong();
		List<String> periods = new ArrayList<>();
		for (JsonNode period : api.get("/api/v1/products/" + id + "/costs", "admin").json()) {
			periods.add(period.get("validFrom").asString() + " "
					+ period.get("standardCost").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP));
		}
		periods.sort(null);
		return periods;
	}
}
