package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/**
 * Customer accounts over real HTTP: a salesperson sees and edits their own accounts, a manager those of their
 * subtree; ownership changes keep history; contacts keep one primary.
 */
@RumboIntegrationTest
class CustomerApiScenarioTests extends ApiTestSupport {

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
	void theDemoCompanyHasAboutFourHundredAccountsWithContacts() {
		JsonNode page = api.get("/api/v1/customers?size=1", "director").json();
		// Other tests add accounts of their own: the demo's are those it numbered CLI-nnnnn.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE external_id LIKE 'CLI-%'").query(Long.class)
			.single()).isBetween(380L, 450L);
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(380L);
		long first = jdbc.sql("SELECT MIN(id) FROM customer_account WHERE external_id LIKE 'CLI-%'").query(Long.class)
			.single();
		assertThat(api.get("/api/v1/customers/" + first + "/contacts", "director").json().size()).isPositive();
	}

	@Test
	void aSalespersonSeesOnlyTheirOwnAccounts() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode mine = api.get("/api/v1/customers?size=500", "rep").json();
		assertThat(mine.get("page").get("totalElements").asLong()).isPositive();
		assertThat(mine.get("content")).allSatisfy(c -> assertThat(c.get("ownerStaffId").asLong()).isEqualTo(lucia));
		long someoneElses = api.get("/api/v1/customers?size=500", "director").json().get("content").valueStream()
			.filter(c -> c.get("ownerStaffId").asLong() != lucia)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		assertThat(api.get("/api/v1/customers/" + someoneElses, "rep").status()).isEqualTo(404);
	}

	@Test
	void aManagerSeesTheAccountsOfTheirRegionOnly() {
		JsonNode page = api.get("/api/v1/customers?size=500", "manager").json();
		// The region's units as they stand: the demo's, and the teams or channels other classes add under them.
		long centro = unitId(api, "R-CENTRO");
		java.util.Set<Long> region = new java.util.HashSet<>(java.util.List.of(centro));
		api.get("/api/v1/org-units?under=" + centro + "&size=500", "admin").json().get("content")
			.forEach(u -> region.add(u.get("id").asLong()));
		assertThat(region).as("Región Centro and its branches and teams").hasSizeGreaterThanOrEqualTo(6)
			.doesNotContain(unitId(api, "R-NORTE"));
		assertThat(page.get("content")).isNotEmpty().allSatisfy(c -> assertThat(c.get("unitId").asLong())
			.isIn(region));
		long north = api.get("/api/v1/customers?size=500&q=Bilbao", "director").json().get("content").get(0).get("id")
			.asLong();
		assertThat(api.get("/api/v1/customers/" + north, "manager").status()).isEqualTo(404);
	}

	@Test
	void aSalespersonsNewAccountIsTheirsWhateverTheRequestSays() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long other = staffByName(api, "Ane Goñi").get("id").asLong();
		Map<String, Object> body = customer(unique("Rep Account"));
		body.put("ownerStaffId", other);
		Api.Response created = api.post("/api/v1/customers", "rep", body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("ownerStaffId").asLong()).isEqualTo(lucia);
		assertThat(created.json().get("unitName").asString()).isEqualTo("Equipo Madrid Norte");
	}

	@ParameterizedTest
	@CsvSource({ "viewer, 403", "finance, 403", "people, 403" })
	void readersDoNotCreateAccounts(String user, int status) {
		assertThat(api.post("/api/v1/customers", user, customer(unique("X"))).status()).isEqualTo(status);
	}

	@Test
	void aManagerHandsAnAccountToSomeoneInTheirRegionAndTheHistoryKeepsTheFormerOwner() {
		long hugo = staffByName(api, "Hugo Serrano").get("id").asLong();
		long sara = staffByName(api, "Sara Delgado").get("id").asLong();
		long ane = staffByName(api, "Ane Goñi").get("id").asLong();
		Map<String, Object> body = customer(unique("Handover"));
		body.put("ownerStaffId", hugo);
		body.put("effectiveDate", "2025-01-01");
		JsonNode created = api.post("/api/v1/customers", "manager", body).json();
		long id = created.get("id").asLong();

		Map<String, Object> outside = Api.mapper().convertValue(created, Map.class);
		outside.put("ownerStaffId", ane);
		Api.Response refused = api.put("/api/v1/customers/" + id, "manager", outside);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("ownerStaffId");

		Map<String, Object> handover = Api.mapper().convertValue(created, Map.class);
		handover.put("ownerStaffId", sara);
		handover.put("unitId", null);
		handover.put("effectiveDate", "2026-03-01");
		assertThat(api.put("/api/v1/customers/" + id, "manager", handover).status()).isEqualTo(200);
		JsonNode history = api.get("/api/v1/customers/" + id + "/ownership", "manager").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("ownerStaffId").asLong()).isEqualTo(sara);
		assertThat(history.get(1).get("ownerStaffId").asLong()).isEqualTo(hugo);
		assertThat(history.get(1).get("validTo").asString()).isEqualTo("2026-03-01");
		assertThat(api.put("/api/v1/customers/" + id, "manager", handover).status()).as("stale").isEqualTo(409);
	}

	@Test
	void contactsKeepOnePrimaryAndAccountsAreArchivedNotDeleted() {
		long id = api.post("/api/v1/customers", "rep", customer(unique("Contacts"))).json().get("id").asLong();
		api.post("/api/v1/customers/" + id + "/contacts", "rep",
				Map.of("fullName", "Ana Uno", "role", "BUYER", "primary", true));
		api.post("/api/v1/customers/" + id + "/contacts", "rep",
				Map.of("fullName", "Bea Dos", "role", "FINANCE", "primary", true));
		JsonNode contacts = api.get("/api/v1/customers/" + id + "/contacts", "rep").json();
		assertThat(contacts).hasSize(2);
		assertThat(contacts.valueStream().filter(c -> c.get("primary").asBoolean()).toList()).hasSize(1)
			.first()
			.satisfies(c -> assertThat(c.get("fullName").asString()).isEqualTo("Bea Dos"));
		assertThat(api.delete("/api/v1/customers/" + id, "viewer").status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/customers/" + id, "rep").status()).isEqualTo(204);
		assertThat(api.get("/api/v1/customers/" + id, "rep").json().get("archived").asBoolean()).isTrue();
		Api.Response again = api.delete("/api/v1/customers/" + id, "rep");
		assertThat(again.status()).as("an account is archived once").isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(AuditEntries.count(jdbc, "CUSTOMER", id, "ARCHIVE")).isEqualTo(1);
		long contact = contacts.get(0).get("id").asLong();
		assertThat(api.delete("/api/v1/customers/" + id + "/contacts/" + contact, "rep").status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/customers/" + id + "/contacts/" + contact, "rep").status()).isEqualTo(409);
		assertThat(AuditEntries.count(jdbc, "CONTACT", contact, "ARCHIVE")).isEqualTo(1);
	}

	@Test
	void duplicateTaxIdsAndBadValuesAreNamed() {
		Map<String, Object> body = customer(unique("Tax"));
		body.put("taxId", "B10000037");
		Api.Response duplicate = api.post("/api/v1/customers", "director", body);
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().get("errors")).extracting(e -> e.get("field").asString())
			.as("every problem at once: the tax id and the missing owner or unit").contains("taxId", "unitId");
		body.put("taxId", null);
		body.put("segment", "HUGE");
		assertThat(api.post("/api/v1/customers", "director", body).status()).isEqualTo(400);
	}

	@Test
	void theCustomerListExportsWithItsFilters() {
		Api.Response csv = api.get("/api/v1/customers?potentialClass=A", "manager", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFexternal_id,legal_name,tax_id").contains(",A,").doesNotContain(",B,");
	}

	private Map<String, Object> customer(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", name);
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("potentialClass", "B");
		body.put("annualPotential", "25000");
		body.put("city", "Madrid");
		body.put("region", "Centro");
		body.put("status", "PROSPECT");
		body.put("effectiveDate", LocalDate.now().toString());
		return body;
	}
}
