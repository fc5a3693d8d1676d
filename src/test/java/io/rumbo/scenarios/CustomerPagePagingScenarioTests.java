package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the customer page held every contact and (through the sales facts) every open opportunity of the account,
 * so a migrated customer with 645 contacts and 651 activities took 23 s to open. Each list now shows one page with
 * the size of the whole list and a pager that redraws only that list.
 */
@RumboIntegrationTest
class CustomerPagePagingScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void aCustomerWithSevenHundredContactsAndActivitiesOpensOnTheFirstPageOfEach() {
		long customer = bigCustomer(700, 651);
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");

		String page = director.get(port, "/customers/" + customer + "?lang=en").body();
		String contacts = between(page, "id=\"contact-list\"", "</table>");
		assertThat(count(contacts, "<tr>") - 1).as("contact rows, without the header").isEqualTo(25);
		assertThat(between(page, "id=\"contact-list\"", "<footer")).contains("1–25 of 700")
			.contains("href=\"/customers/" + customer + "/contacts?page=1\"");
		String activities = between(page, "id=\"customer-activities\"", "id=\"customer-opportunities\"");
		assertThat(count(activities, "class=\"list-group-item d-flex")).isEqualTo(10);
		assertThat(activities).contains("1–10 of 651").contains("hx-get=\"/customers/" + customer + "/activities?page=1\"");

		Map<String, String> htmx = Map.of("HX-Request", "true");
		HttpResponse<String> second = director.get(port, "/customers/" + customer + "/contacts?page=1", htmx);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).doesNotContain("<html").contains("26–50 of 700")
			.contains("hx-get=\"/customers/" + customer + "/contacts?page=0\"");
		assertThat(count(between(second.body(), "<tbody>", "</tbody>"), "<tr>")).isEqualTo(25);

		String last = director.get(port, "/customers/" + customer + "/contacts?page=27", htmx).body();
		assertThat(last).contains("676–700 of 700").doesNotContain("list-next");
		String lastActivities = director.get(port, "/customers/" + customer + "/activities?page=65", htmx).body();
		assertThat(lastActivities).contains("651–651 of 651");
		assertThat(count(lastActivities, "class=\"list-group-item d-flex")).isEqualTo(1);

		HttpResponse<String> withoutScripts = director.get(port, "/customers/" + customer + "/contacts?page=3");
		assertThat(withoutScripts.statusCode()).as("a plain link opens the page at that page").isEqualTo(302);
		assertThat(withoutScripts.headers().firstValue("Location").orElseThrow())
			.endsWith("/customers/" + customer + "?contactPage=3#contacts");
		assertThat(director.get(port, "/customers/" + customer + "?contactPage=3").body()).contains("76–100 of 700");
	}

	@Test
	void aCustomerOutOfScopeIsNotFoundOnItsListsEither() {
		long customer = bigCustomer(30, 0);
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/customers/" + customer + "/contacts?page=1", Map.of("HX-Request", "true"))
			.statusCode()).isEqualTo(404);
	}

	/** A customer of Hugo Serrano's (not the rep's) with the given numbers of contacts and activities, inserted in batches. */
	private long bigCustomer(int contacts, int activities) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("legalName", unique("Migrada"));
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("potentialClass", "B");
		body.put("annualPotential", "25000");
		body.put("city", "Bilbao");
		body.put("region", "Norte");
		body.put("status", "ACTIVE");
		body.put("effectiveDate", LocalDate.now().toString());
		body.put("ownerStaffId", jdbc.queryForObject("SELECT id FROM org_staff WHERE last_name = 'Serrano Calvo'",
				Long.class));
		Api.Response created = api.post("/api/v1/customers", "director", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long customer = created.json().get("id").asLong();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= contacts; i++) {
			rows.add(new Object[] { customer, "Contacto %04d".formatted(i), "OTHER", i == 1 });
		}
		jdbc.batchUpdate("""
				INSERT INTO customer_contact (customer_id, full_name, contact_role, is_primary, archived, version)
				VALUES (?, ?, ?, ?, FALSE, 0)""", rows);
		Map<String, Object> owner = jdbc.queryForMap(
				"SELECT id, unit_id FROM org_staff WHERE last_name = 'García Martín'");
		rows.clear();
		for (int i = 0; i < activities; i++) {
			rows.add(new Object[] { customer, owner.get("id"), owner.get("unit_id"),
					java.sql.Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i)), "Visita " + i });
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO sales_activity (customer_id, activity_type, owner_staff_id, owner_unit_id, planned_on,
					  outcome, version) VALUES (?, 'VISIT', ?, ?, ?, ?, 0)""", rows);
		}
		return customer;
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		assertThat(start).as(from).isPositive();
		int end = text.indexOf(to, start);
		return text.substring(start, end < 0 ? text.length() : end);
	}

	private static int count(String text, String what) {
		Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}
}
