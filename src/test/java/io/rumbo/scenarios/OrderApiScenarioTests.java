package io.rumbo.scenarios;

import java.time.LocalDate;
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

/** Orders over real HTTP: pricing and margin at the cost of the order date, splits, returns, scope, versions. */
@RumboIntegrationTest
class OrderApiScenarioTests extends ApiTestSupport {

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
	void theDemoCompanyHasTwoYearsOfOrders() {
		long lines = jdbc.sql("SELECT COUNT(*) FROM sales_order_line").query(Long.class).single();
		assertThat(lines).isBetween(12_000L, 40_000L);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_order WHERE net_amount < 0").query(Long.class).single())
			.as("returns").isPositive();
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT order_id) FROM sales_order_credit WHERE share_percent < 100")
			.query(Long.class).single()).as("splits").isPositive();
	}

	@Test
	void anOrderIsPricedFromTheCatalogWithTheCostInForceOnItsDate() {
		long product = productId("PAP-TONER");
		api.post("/api/v1/products/" + product + "/costs", "finance",
				Map.of("standardCost", "40", "validFrom", "2026-02-01"));
		api.post("/api/v1/products/" + product + "/costs", "finance",
				Map.of("standardCost", "50", "validFrom", "2026-03-01"));
		long customer = repCustomer();
		Map<String, Object> body = order(customer, "2026-02-15", List.of(line(product, "2", null, "10")), List.of());
		JsonNode order = api.post("/api/v1/orders", "rep", body).json();
		// 2 x 79.00 list price, 10 % off = 142.20; cost 2 x 40 (February's cost) = 80
		assertThat(order.get("netAmount").decimalValue()).isEqualByComparingTo("142.20");
		assertThat(order.get("costAmount").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(order.get("marginAmount").decimalValue()).isEqualByComparingTo("62.20");
		assertThat(order.get("orderNumber").asString()).matches("PED-2026-\\d{6}");
		assertThat(order.get("credits").get(0).get("sharePercent").decimalValue()).isEqualByComparingTo("100");

		Map<String, Object> march = order(customer, "2026-03-02", List.of(line(product, "2", null, "10")), List.of());
		assertThat(api.post("/api/v1/orders", "rep", march).json().get("costAmount").decimalValue())
			.isEqualByComparingTo("100.00");
	}

	@Test
	void splitsMustSumToHundredAndAPartnerSeesTheOrder() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long ane = staffByName(api, "Ane Goñi").get("id").asLong();
		long customer = repCustomer();
		long product = productId("PAP-A4-500");
		Api.Response wrong = api.post("/api/v1/orders", "rep", order(customer, LocalDate.now().toString(),
				List.of(line(product, "10", null, null)), List.of(credit(lucia, "50"), credit(ane, "49"))));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors")).extracting(e -> e.get("field").asString()).contains("credits");

		JsonNode split = api.post("/api/v1/orders", "rep", order(customer, LocalDate.now().toString(),
				List.of(line(product, "10", null, null)), List.of(credit(lucia, "50"), credit(ane, "50")))).json();
		long id = split.get("id").asLong();
		assertThat(api.get("/api/v1/orders/" + id, "ane.goni").status()).as("a credited partner sees the order")
			.isEqualTo(200);
		assertThat(api.get("/api/v1/orders/" + id, "manager").status()).as("Lucía is in the manager's region")
			.isEqualTo(200);
		assertThat(api.get("/api/v1/orders/" + id, "pablo.romero").status()).as("a teammate who is not credited")
			.isEqualTo(404);
	}

	@Test
	void aReturnReducesTheCreditedResults() {
		long customer = repCustomer();
		long product = productId("CAF-GRANO-1K");
		String day = "2026-05-20";
		String from = "?from=" + day + "&to=" + day + "&customerId=" + customer;
		api.post("/api/v1/orders", "rep", order(customer, day, List.of(line(product, "10", "17.90", null)), List.of()));
		BigDecimalAssert before = new BigDecimalAssert(api.get("/api/v1/orders/totals" + from, "rep").json());
		api.post("/api/v1/orders", "rep", order(customer, day, List.of(line(product, "-3", "17.90", null)), List.of()));
		JsonNode after = api.get("/api/v1/orders/totals" + from, "rep").json();
		assertThat(after.get("net").decimalValue()).isEqualByComparingTo(before.net().subtract(new java.math.BigDecimal("53.70")));
		assertThat(after.get("units").decimalValue()).isEqualByComparingTo(before.units().subtract(new java.math.BigDecimal("3")));
	}

	private record BigDecimalAssert(JsonNode totals) {
		java.math.BigDecimal net() {
			return totals.get("net").decimalValue();
		}

		java.math.BigDecimal units() {
			return totals.get("units").decimalValue();
		}
	}

	@Test
	void aSalespersonCannotBookForSomeoneElsesCustomerOrWithoutThemselves() {
		long other = api.get("/api/v1/customers?size=1&q=Bilbao", "director").json().get("content").get(0).get("id").asLong();
		long product = productId("PAP-A4-500");
		Api.Response foreign = api.post("/api/v1/orders", "rep",
				order(other, LocalDate.now().toString(), List.of(line(product, "1", null, null)), List.of()));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
		long ane = staffByName(api, "Ane Goñi").get("id").asLong();
		Api.Response notSelf = api.post("/api/v1/orders", "rep", order(repCustomer(), LocalDate.now().toString(),
				List.of(line(product, "1", null, null)), List.of(credit(ane, "100"))));
		assertThat(notSelf.json().get("errors")).extracting(e -> e.get("field").asString()).contains("credits");
		assertThat(api.post("/api/v1/orders", "viewer", order(repCustomer(), LocalDate.now().toString(),
				List.of(line(product, "1", null, null)), List.of())).status()).isEqualTo(403);
	}

	@Test
	void ordersKeepVersionsAndAreCancelledNotDeleted() {
		long product = productId("INF-TECLADO");
		JsonNode created = api.post("/api/v1/orders", "manager", order(repCustomer(), LocalDate.now().toString(),
				List.of(line(product, "4", null, null)), List.of())).json();
		long id = created.get("id").asLong();
		Map<String, Object> update = order(created.get("customerId").asLong(), created.get("orderDate").asString(),
				List.of(line(product, "5", null, null)), List.of());
		update.put("version", created.get("version").asLong());
		assertThat(api.put("/api/v1/orders/" + id, "manager", update).json().get("units").decimalValue())
			.isEqualByComparingTo("5");
		Api.Response stale = api.put("/api/v1/orders/" + id, "manager", update);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.delete("/api/v1/orders/" + id, "rep").status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/orders/" + id, "manager").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/orders/" + id, "manager").json().get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void cancellingACancelledOrderIsRefusedAndWritesNoSecondAuditEntry() {
		long id = api.post("/api/v1/orders", "manager", order(repCustomer(), LocalDate.now().toString(),
				List.of(line(productId("INF-TECLADO"), "1", null, null)), List.of())).json().get("id").asLong();
		assertThat(api.delete("/api/v1/orders/" + id, "manager").status()).isEqualTo(204);
		Api.Response again = api.send("DELETE", "/api/v1/orders/" + id, api.token("manager"), null,
				Map.of("Accept-Language", "en"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asString()).isEqualTo("This order is already cancelled.");
		assertThat(auditEntries(id, "CANCEL")).isEqualTo(1);
	}

	@Test
	void editingACancelledOrderIsRefusedAndWritesNoAuditEntry() {
		long product = productId("INF-TECLADO");
		JsonNode created = api.post("/api/v1/orders", "manager", order(repCustomer(), LocalDate.now().toString(),
				List.of(line(product, "1", null, null)), List.of())).json();
		long id = created.get("id").asLong();
		api.delete("/api/v1/orders/" + id, "manager");
		Map<String, Object> update = order(created.get("customerId").asLong(), created.get("orderDate").asString(),
				List.of(line(product, "7", null, null)), List.of());
		update.put("version", api.get("/api/v1/orders/" + id, "manager").json().get("version").asLong());
		Api.Response refused = api.send("PUT", "/api/v1/orders/" + id, api.token("manager"), update,
				Map.of("Accept-Language", "es"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).isEqualTo("Este pedido está anulado y ya no puede cambiar.");
		assertThat(auditEntries(id, "UPDATE")).isZero();
		assertThat(api.get("/api/v1/orders/" + id, "manager").json().get("units").decimalValue())
			.isEqualByComparingTo("1");
	}

	@Test
	void theTotalsEndpointDocumentsExactlyWhatItAnswers() {
		JsonNode docs = api.get("/v3/api-docs", "admin").json();
		JsonNode content = docs.get("paths").get("/api/v1/orders/totals").get("get").get("responses").get("200")
			.get("content");
		String ref = content.properties().iterator().next().getValue().get("schema").get("$ref").asString();
		JsonNode schema = docs.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
		List<String> documented = new java.util.ArrayList<>(schema.get("properties").propertyNames());
		List<String> answered = new java.util.ArrayList<>(
				api.get("/api/v1/orders/totals?from=2025-01-01", "manager").json().propertyNames());
		assertThat(documented).containsExactlyInAnyOrderElementsOf(answered).contains("orders", "net", "margin", "units");
	}

	private long auditEntries(long orderId, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'ORDER' AND entity_id = :id"
				+ " AND action = :action").param("id", Long.toString(orderId)).param("action", action)
			.query(Long.class).single();
	}

	@Test
	void theListFiltersBySalespersonUnitAndDatesAndExports() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode page = api.get("/api/v1/orders?staffId=" + lucia + "&from=2025-01-01&to=2025-12-31&sort=netAmount,desc",
				"manager").json();
		assertThat(page.get("content")).isNotEmpty().allSatisfy(o -> {
			assertThat(o.get("orderDate").asString()).startsWith("2025-");
			assertThat(o.get("creditedTo").asString()).contains("Lucía García Martín");
		});
		long unit = unitId(api, "R-NORTE");
		assertThat(api.get("/api/v1/orders?unitId=" + unit, "manager").json().get("page").get("totalElements").asLong())
			.as("another region's orders are out of the manager's scope").isZero();
		assertThat(api.get("/api/v1/orders?unitId=" + unit, "director").json().get("page").get("totalElements").asLong())
			.isPositive();
		Api.Response csv = api.get("/api/v1/orders?staffId=" + lucia + "&from=2025-01-01&to=2025-03-31", "rep",
				Map.of("Accept", "text/csv"));
		assertThat(csv.body()).startsWith("\uFEFForder,order_date,customer,sku,quantity,unit_price").contains(",2025-0");
	}

	@Test
	void customerFactsComeFromBookedOrders() {
		long customer = api.post("/api/v1/customers", "rep", Map.of("legalName", unique("Facts"), "segment",
				"SMALL_BUSINESS", "companySize", "SMALL", "potentialClass", "C", "status", "ACTIVE")).json().get("id").asLong();
		long product = productId("PAP-A4-500");
		api.post("/api/v1/orders", "rep", order(customer, "2024-05-10", List.of(line(product, "10", "5", null)), List.of()));
		api.post("/api/v1/orders", "rep", order(customer, "2025-02-01", List.of(line(product, "4", "5", null)), List.of()));
		api.post("/api/v1/orders", "rep", order(customer, "2025-09-30", List.of(line(product, "2", "5", null)), List.of()));
		JsonNode facts = api.get("/api/v1/customers/" + customer + "/sales", "rep").json();
		assertThat(facts.get("firstPurchase").asString()).isEqualTo("2024-05-10");
		assertThat(facts.get("lastPurchase").asString()).isEqualTo("2025-09-30");
		assertThat(facts.get("orders").asLong()).isEqualTo(3);
		assertThat(facts.get("net").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(facts.get("years").get(0).get("boughtNextYear").asBoolean()).as("2024 -> 2025").isTrue();
		assertThat(facts.get("years").get(1).get("boughtNextYear").asBoolean()).as("2025 -> 2026").isFalse();
		assertThat(facts.get("years").get(1).get("orders").asLong()).isEqualTo(2);
		assertThat(api.get("/api/v1/customers/" + customer + "/sales", "ane.goni").status()).isEqualTo(404);
	}

	private long repCustomer() {
		return api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id").asLong();
	}

	private long productId(String sku) {
		return api.get("/api/v1/products?q=" + sku, "rep").json().get("content").get(0).get("id").asLong();
	}

	private static Map<String, Object> order(long customer, String date, List<Map<String, Object>> lines,
			List<Map<String, Object>> credits) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("orderDate", date);
		body.put("lines", lines);
		body.put("credits", credits);
		return body;
	}

	private static Map<String, Object> line(long product, String quantity, String price, String discount) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("productId", product);
		line.put("quantity", quantity);
		line.put("unitPrice", price);
		line.put("discountPercent", discount);
		return line;
	}

	private static Map<String, Object> credit(long staff, String share) {
		return Map.of("staffId", staff, "sharePercent", share);
	}
}
