package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Product lines and products over real HTTP: who changes the catalog, cost history, archiving, exports. */
@RumboIntegrationTest
class CatalogApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void theDemoCatalogHasFortyProductsInFiveLinesWithCosts() {
		JsonNode page = api.get("/api/v1/products?size=100", "rep").json();
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(40);
		assertThat(api.get("/api/v1/product-lines", "rep").json().size()).isGreaterThanOrEqualTo(5);
		assertThat(page.get("content")).allSatisfy(p -> assertThat(p.get("standardCost").isNull()).isFalse());
	}

	@ParameterizedTest
	@CsvSource({ "admin, 201", "director, 201", "finance, 201", "manager, 403", "rep, 403", "viewer, 403", "people, 403" })
	void onlyAdministratorsDirectorsAndFinanceChangeTheCatalog(String user, int status) {
		assertThat(api.post("/api/v1/products", user, product(unique("SKU"))).status()).isEqualTo(status);
	}

	@Test
	void theCostInForceFollowsItsEffectiveDateAndCorrectionsReplaceAPeriod() {
		Map<String, Object> body = product(unique("COST"));
		body.put("standardCost", "6.5");
		body.put("costValidFrom", "2024-01-01");
		JsonNode created = api.post("/api/v1/products", "finance", body).json();
		long id = created.get("id").asLong();
		assertThat(created.get("standardCost").decimalValue()).isEqualByComparingTo("6.5");

		String tomorrow = LocalDate.now().plusDays(1).toString();
		api.post("/api/v1/products/" + id + "/costs", "finance", Map.of("standardCost", "7.25", "validFrom", "2025-06-01"));
		api.post("/api/v1/products/" + id + "/costs", "finance", Map.of("standardCost", "99", "validFrom", tomorrow));
		assertThat(api.get("/api/v1/products/" + id, "rep").json().get("standardCost").decimalValue())
			.as("a future cost is not in force yet").isEqualByComparingTo("7.25");

		JsonNode corrected = api.post("/api/v1/products/" + id + "/costs", "finance",
				Map.of("standardCost", "7.40", "validFrom", "2025-06-01")).json();
		assertThat(corrected).hasSize(3);
		assertThat(corrected.get(1).get("standardCost").decimalValue()).isEqualByComparingTo("7.40");
		assertThat(corrected.get(1).get("validTo").asString()).isEqualTo(tomorrow);
		assertThat(api.post("/api/v1/products/" + id + "/costs", "manager",
				Map.of("standardCost", "1", "validFrom", "2025-01-01")).status()).isEqualTo(403);
	}

	@Test
	void badPricesSkusAndLinesAreNamed() {
		Map<String, Object> body = product("bad sku!");
		body.put("listPrice", "-1");
		body.put("lineId", 999_999);
		Api.Response answer = api.post("/api/v1/products", "admin", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors")).extracting(e -> e.get("field").asString()).contains("listPrice");
		body.put("listPrice", "1.23456");
		Api.Response domain = api.post("/api/v1/products", "admin", body);
		assertThat(domain.json().get("errors")).extracting(e -> e.get("field").asString())
			.contains("sku", "lineId", "listPrice");
		Map<String, Object> duplicate = product("PAP-A4-500");
		assertThat(api.post("/api/v1/products", "admin", duplicate).json().get("errors").get(0).get("field").asString())
			.isEqualTo("sku");
	}

	@Test
	void productsAreArchivedNotDeletedAndKeepVersions() {
		JsonNode created = api.post("/api/v1/products", "director", product(unique("ARC"))).json();
		long id = created.get("id").asLong();
		Map<String, Object> update = Api.mapper().convertValue(created, Map.class);
		update.put("listPrice", "15.5");
		assertThat(api.put("/api/v1/products/" + id, "director", update).status()).isEqualTo(200);
		Api.Response stale = api.put("/api/v1/products/" + id, "director", update);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("current").get("listPrice").decimalValue()).isEqualByComparingTo("15.5");
		assertThat(api.delete("/api/v1/products/" + id, "director").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/products/" + id, "rep").json().get("active").asBoolean()).isFalse();
		Api.Response again = api.delete("/api/v1/products/" + id, "director");
		assertThat(again.status()).as("a product is archived once").isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("The product is already archived.");
		assertThat(AuditEntries.count(jdbc, "PRODUCT", id, "ARCHIVE")).isEqualTo(1);
		assertThat(api.get("/api/v1/products?active=true&size=500", "rep").json().get("content"))
			.noneMatch(p -> p.get("id").asLong() == id);
	}

	@Test
	void theProductListFiltersSortsAndExports() {
		long line = api.get("/api/v1/product-lines", "rep").json().valueStream()
			.filter(l -> l.get("code").asString().equals("INF"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		JsonNode page = api.get("/api/v1/products?lineId=" + line + "&sort=listPrice,desc", "rep").json();
		// Other classes add products to this line (imports of their own SKUs), so the order is checked on the demo's.
		List<String> demoSkus = page.get("content").valueStream().map(p -> p.get("sku").asString())
			.filter(sku -> sku.startsWith("INF-")).toList();
		assertThat(demoSkus.get(0)).isEqualTo("INF-PORTATIL");
		List<java.math.BigDecimal> prices = page.get("content").valueStream()
			.map(p -> p.get("listPrice").decimalValue()).toList();
		assertThat(prices).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		Api.Response csv = api.get("/api/v1/products?lineId=" + line, "rep", Map.of("Accept", "text/csv"));
		assertThat(csv.body()).contains("INF-PORTATIL").doesNotContain("PAP-A4-500");
		assertThat(api.get("/api/v1/products?sort=cost", "rep").status()).isEqualTo(400);
	}

	private Map<String, Object> product(String sku) {
		long line = api.get("/api/v1/product-lines", "admin").json().get(0).get("id").asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sku", sku);
		body.put("nameEs", "Producto " + sku);
		body.put("nameEn", "Product " + sku);
		body.put("lineId", line);
		body.put("unitOfMeasure", "UNIT");
		body.put("listPrice", "12.90");
		return body;
	}
}
