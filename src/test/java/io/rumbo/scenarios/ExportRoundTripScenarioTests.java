package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Export, edit, import again: the API export of every kind the import reads ({@code GET /api/v1/imports}) uses the
 * import's columns and raw values, so the exported file imports back with every row unchanged. A kind added to the
 * imports without an export that reads back fails here.
 */
@RumboIntegrationTest
class ExportRoundTripScenarioTests {

	private static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	@Autowired
	FiscalCalendar calendar;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private JsonNode importFile(String kind, String content) {
		Api.Response answer = api.upload("/api/v1/imports/" + kind, "admin", content.getBytes(StandardCharsets.UTF_8),
				CSV, Map.of());
		assertThat(answer.status()).as(kind + ": " + answer.body()).isEqualTo(200);
		return answer.json();
	}

	@Test
	void everyImportableKindExportsThroughTheApiAndImportsBackUnchanged() {
		// An account of this test with records of every kind, carrying the keys an import names them by; text that a
		// spreadsheet would take for a formula (a phone starting with +, notes starting with -) must read back as is.
		importFile("customers", """
				external_id,legal_name,tax_id,segment,industry,company_size,region,address,postal_code,city,potential_class,annual_potential,status,owner,unit
				RT-CLI-0001,Ida y Vuelta S.L.,B99777001,SMALL_BUSINESS,Comercio,SMALL,Comunidad de Madrid,"Calle Mayor 1, 2º",28108,Alcobendas,B,45000.5,ACTIVE,E0019,E-MAD-NOR
				""");
		long customer = api.get("/api/v1/customers?q=Ida%20y%20Vuelta", "admin").json().get("content").get(0).get("id")
			.asLong();
		importFile("contacts", """
				external_id,customer,full_name,job_title,role,email,phone,primary
				RT-CON-0001,RT-CLI-0001,Eva Ruiz Gil,Gerente,DECISION_MAKER,eva@idayvuelta.example,+34 600 777 001,true
				RT-CON-0002,RT-CLI-0001,Luis Mora Paz,Compras,BUYER,,,false
				""");
		importFile("orders", """
				order,order_date,customer,sku,quantity,unit_price,discount_percent,credits,notes
				RT-PED-0001,2026-11-02,RT-CLI-0001,PAP-TONER,4,,5,E0019,- urgente
				RT-PED-0001,2026-11-02,RT-CLI-0001,INF-DOCK,2,179.5,0,E0019,- urgente
				RT-PED-0002,2026-11-09,RT-CLI-0001,MOB-CAJON,-1,,12.5,E0019:60;E0022:40,
				""");
		importFile("visits", """
				external_id,customer,type,salesperson,planned_on,done_on,duration_minutes,outcome,notes,next_step
				RT-VIS-0001,RT-CLI-0001,VISIT,E0019,2026-11-03,2026-11-03,60,"Interesado, con dudas",=no es fórmula,Enviar oferta
				RT-VIS-0002,RT-CLI-0001,CALL,E0019,2026-12-01,,,,,
				""");
		importFile("service-cases", """
				external_id,customer,order,subject,category,priority,opened_on,resolved_on,resolution
				RT-CAS-0001,RT-CLI-0001,,Tóner defectuoso,QUALITY,HIGH,2026-11-05,2026-11-07,Sustituido
				RT-CAS-0002,RT-CLI-0001,,Factura,BILLING,MEDIUM,2026-11-12,,
				""");

		// The demo's published quotas of this fiscal year, every person, month and measure.
		long quotaVersion = api.get("/api/v1/quotas/" + calendar.currentYear(), "admin").json().get("published")
			.get("id").asLong();
		Map<String, String> exports = Map.ofEntries(Map.entry("product-lines", "/api/v1/product-lines"),
				Map.entry("product-costs", "/api/v1/product-costs"), Map.entry("products", "/api/v1/products"),
				Map.entry("customers", "/api/v1/customers"),
				Map.entry("contacts", "/api/v1/customers/" + customer + "/contacts"),
				Map.entry("orders", "/api/v1/orders?customerId=" + customer),
				Map.entry("visits", "/api/v1/activities?customerId=" + customer),
				Map.entry("service-cases", "/api/v1/service-cases?customerId=" + customer),
				// The whole organisation: every unit and every person of the demo, with their accounts.
				Map.entry("org-units", "/api/v1/org-units"), Map.entry("staff", "/api/v1/staff"),
				Map.entry("quotas", "/api/v1/quotas/versions/" + quotaVersion + "/person-months"),
				// The demo's budget and actual costs of this fiscal year, every region's month and cost type.
				Map.entry("budgets", "/api/v1/sizing/costs?kind=BUDGET"),
				Map.entry("actual-costs", "/api/v1/sizing/costs?kind=ACTUAL"));
		List<String> kinds = new ArrayList<>();
		api.get("/api/v1/imports", "admin").json().forEach(kind -> kinds.add(kind.get("kind").asString()));
		assertThat(kinds).isNotEmpty();
		for (String kind : kinds) {
			assertThat(exports).as("an API export that imports back for " + kind).containsKey(kind);
			Api.Response file = api.get(exports.get(kind), "admin", Map.of("Accept", CSV));
			assertThat(file.status()).as(kind).isEqualTo(200);
			assertThat(file.body().lines().count()).as(kind + ": a header and rows").isGreaterThan(1);
			JsonNode again = importFile(kind, file.body());
			assertThat(again.get("errors")).as(kind + ": " + again).isEmpty();
			assertThat(again.get("created").asLong()).as(kind + ": " + again).isZero();
			assertThat(again.get("updated").asLong()).as(kind + ": " + again).isZero();
			assertThat(again.get("unchanged").asLong()).as(kind).isPositive();
		}
	}
}
