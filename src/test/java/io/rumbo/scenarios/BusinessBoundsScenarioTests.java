package io.rumbo.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values outside the documented bounds (docs/api.md, {@code shared.domain.Bounds}) are refused with a 400 that names
 * the field, in JSON bodies, query parameters and import cells, and nothing is stored: before, year 0001 was stored
 * (shifted by the database's calendar), a growth of -1000 % planned negative sales, and a quantity of 10^12 failed in
 * the database.
 */
@RumboIntegrationTest
class BusinessBoundsScenarioTests extends ApiTestSupport {

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
	void orderDatesOutsideTheBusinessRangeAreRefusedNamingTheField() {
		long before = orders();
		long customer = customer();
		long product = product();
		for (String date : List.of("0001-01-01", "1899-12-31", "2201-01-01", "+20260-03-01")) {
			Api.Response answer = api.send("POST", "/api/v1/orders", api.token("admin"),
					order(customer, date, product, "2", "10.00", "0"), Map.of("Accept-Language", "en"));
			assertThat(answer.status()).as(date + " " + answer.body()).isEqualTo(400);
			assertThat(field(answer, "orderDate")).as(date).contains("1900-01-01").contains("2200-12-31");
		}
		Api.Response spanish = api.send("POST", "/api/v1/orders", api.token("admin"),
				order(customer, "0001-01-01", product, "2", "10.00", "0"), Map.of("Accept-Language", "es"));
		assertThat(field(spanish, "orderDate")).contains("entre");
		assertThat(orders()).isEqualTo(before);
		assertThat(api.post("/api/v1/orders", "admin", order(customer, "1900-01-01", product, "1", "1", "0")).status())
			.as("the first day of the range").isEqualTo(201);
	}

	@Test
	void queryDatesOutsideTheRangeAre400() {
		Api.Response answer = api.get("/api/v1/orders/totals?from=0001-01-01", "admin", Map.of("Accept-Language", "en"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(field(answer, "from")).contains("1900-01-01");
		assertThat(api.get("/api/v1/orders?to=2201-01-01", "admin").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/orders/totals?from=1900-01-01&to=2200-12-31", "admin").status()).isEqualTo(200);
	}

	@Test
	void quantitiesPricesAndDiscountsOutsideTheirBoundsAreRefused() {
		long before = orders();
		long customer = customer();
		long product = product();
		assertThat(field(api.post("/api/v1/orders", "admin", order(customer, "2026-03-02", product, "10000000", "1", "0")),
				"quantity")).contains("10,000,000");
		assertThat(field(api.post("/api/v1/orders", "admin", order(customer, "2026-03-02", product, "1", "100000000", "0")),
				"unitPrice")).contains("100,000,000");
		assertThat(field(api.post("/api/v1/orders", "admin", order(customer, "2026-03-02", product, "1", "10", "100.5")),
				"discountPercent")).isNotBlank();
		assertThat(orders()).isEqualTo(before);
		Map<String, Object> expensive = new LinkedHashMap<>();
		expensive.put("sku", unique("BIG"));
		expensive.put("nameEs", "Caro");
		expensive.put("nameEn", "Dear");
		expensive.put("lineId", api.get("/api/v1/product-lines", "admin").json().get(0).get("id").asLong());
		expensive.put("unitOfMeasure", "UNIT");
		expensive.put("listPrice", "1000000000000");
		assertThat(field(api.post("/api/v1/products", "admin", expensive), "listPrice")).contains("100,000,000");
		assertThat(field(api.post("/api/v1/products/" + product + "/costs", "finance",
				Map.of("standardCost", "-1", "validFrom", "2026-02-01")), "standardCost")).isNotBlank();
	}

	@Test
	void aGrowthOfMinusAThousandPercentIsRefused() {
		int year = api.get("/api/v1/plans", "admin").json().get("content").get(0).get("fiscalYear").asInt() + 5;
		long plans = jdbc.sql("SELECT COUNT(*) FROM planning_plan").query(Long.class).single();
		Api.Response answer = api.send("POST", "/api/v1/plans", api.token("admin"),
				Map.of("fiscalYear", year, "name", "Crecimiento imposible", "growthPercent", "-1000"),
				Map.of("Accept-Language", "en"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(field(answer, "growthPercent")).contains("-100").contains("1,000");
		Api.Response perLine = api.post("/api/v1/plans", "admin", Map.of("fiscalYear", year, "name", "Línea imposible",
				"lineGrowthPercent", Map.of("1", "5000")));
		assertThat(perLine.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_plan").query(Long.class).single()).isEqualTo(plans);
	}

	@Test
	void anImportedDateOutsideTheRangeIsAnErrorAtItsCellAndNothingIsWritten() {
		long before = orders();
		String customer = api.get("/api/v1/customers/" + customer(), "admin").json().get("externalId").asString();
		String sku = api.get("/api/v1/products/" + product(), "admin").json().get("sku").asString();
		String file = "order,order_date,customer,sku,quantity,unit_price\n"
				+ "RANGE-1," + "2026-03-02," + customer + "," + sku + ",1,10\n"
				+ "RANGE-2," + "0026-03-02," + customer + "," + sku + ",1,10\n";
		Api.Response answer = api.upload("/api/v1/imports/orders", "admin", file.getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of("Accept-Language", "en"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		JsonNode error = answer.json().get("errors").get(0);
		assertThat(error.get("row").asLong()).isEqualTo(3);
		assertThat(error.get("column").asString()).isEqualTo("order_date");
		assertThat(error.get("message").asString()).contains("0026-03-02").contains("1900-01-01");
		assertThat(orders()).isEqualTo(before);
	}

	@Test
	void aPageFormRefusesADateOutsideTheRange() {
		WebSession finance = new WebSession();
		finance.signIn(port, "admin", "demo");
		String page = finance.get(port, "/catalog/products?lang=en").body();
		long product = product();
		java.net.http.HttpResponse<String> refused = finance.postForm(port, "/catalog/products/" + product + "/costs",
				Map.of("standardCost", "12", "validFrom", "0001-01-01", "_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("1900-01-01").doesNotContain("Unexpected error");
		assertThat(api.get("/api/v1/products/" + product + "/costs", "admin").body()).doesNotContain("0001-01-01");
	}

	private long orders() {
		return jdbc.sql("SELECT COUNT(*) FROM sales_order").query(Long.class).single();
	}

	/** A demo account (other tests add accounts of their own, some without the external id an import names). */
	private long customer() {
		return jdbc.sql("SELECT MIN(id) FROM customer_account WHERE external_id LIKE 'CLI-%' AND status = 'ACTIVE'")
			.query(Long.class).single();
	}

	/** An active product (other tests archive some). */
	private long product() {
		return api.get("/api/v1/products?size=1&active=true", "admin").json().get("content").get(0).get("id").asLong();
	}

	private static Map<String, Object> order(long customer, String date, long product, String quantity, String price,
			String discount) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("productId", product);
		line.put("quantity", quantity);
		line.put("unitPrice", price);
		line.put("discountPercent", discount);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("orderDate", date);
		body.put("lines", List.of(line));
		return body;
	}

	/** The message of the error whose field ends with {@code name}; fails when the answer is not such a 400. */
	private static String field(Api.Response answer, String name) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		for (JsonNode error : answer.json().get("errors")) {
			if (error.get("field").asString().endsWith(name)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("no error for " + name + " in " + answer.body());
	}
}
