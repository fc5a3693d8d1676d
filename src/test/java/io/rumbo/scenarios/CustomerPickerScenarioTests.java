package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.List;

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
 * Pages that let the user pick a customer never load the customer list: they carry a search-as-you-type picker that
 * asks for a few matching accounts in the user's scope, as an HTML fragment for pages and as a list for the API.
 */
@RumboIntegrationTest
class CustomerPickerScenarioTests extends ApiTestSupport {

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
	void pagesWithACustomerFieldCarryThePickerAndNoCustomerList() {
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		// An account (no account of that name) with no opportunity or activity: no page below names it but a list.
		String quiet = jdbc.sql("""
				SELECT c.legal_name FROM customer_account c WHERE c.archived = FALSE
				  AND NOT EXISTS (SELECT 1 FROM customer_account s JOIN sales_opportunity o ON o.customer_id = s.id
				    WHERE s.legal_name = c.legal_name)
				  AND NOT EXISTS (SELECT 1 FROM customer_account s JOIN sales_activity a ON a.customer_id = s.id
				    WHERE s.legal_name = c.legal_name)
				ORDER BY c.legal_name FETCH FIRST 1 ROWS ONLY""").query(String.class).single();
		for (String page : List.of("/opportunities", "/agenda", "/orders/new")) {
			HttpResponse<String> answer = admin.get(port, page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
			assertThat(answer.body()).as(page)
				.contains("data-customer-picker")
				.contains("role=\"combobox\"")
				.contains("<label for=\"customerId\"")
				.doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(quiet));
		}
		long customer = jdbc.sql("SELECT MIN(id) FROM customer_account WHERE archived = FALSE").query(Long.class).single();
		String name = jdbc.sql("SELECT legal_name FROM customer_account WHERE id = ?").param(customer)
			.query(String.class).single();
		// A form shown for one account names that one, with its id in the hidden field.
		String prefilled = admin.get(port, "/orders/new?customerId=" + customer).body();
		assertThat(prefilled).contains(org.springframework.web.util.HtmlUtils.htmlEscape(name))
			.contains("name=\"customerId\" value=\"" + customer + "\"");
	}

	@Test
	void theOptionsFragmentOffersAFewAccountsInScopeMatchingWhatWasTyped() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		long repStaff = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		List<String> own = jdbc.sql("SELECT legal_name FROM customer_account WHERE owner_staff_id = ? AND archived = FALSE"
				+ " ORDER BY legal_name").param(repStaff).query(String.class).list();
		String foreign = jdbc.sql("SELECT legal_name FROM customer_account WHERE owner_staff_id <> ?"
				+ " AND unit_id NOT IN (SELECT unit_id FROM org_staff WHERE id = ?) AND archived = FALSE"
				+ " ORDER BY legal_name FETCH FIRST 1 ROWS ONLY").param(repStaff).param(repStaff).query(String.class).single();

		String mine = rep.get(port, "/customers/options?picker=customerId&q=" + encode(own.get(0))).body();
		assertThat(mine).contains("role=\"option\"").contains("id=\"customerId-option-0\"")
			.contains(org.springframework.web.util.HtmlUtils.htmlEscape(own.get(0)));
		String other = rep.get(port, "/customers/options?q=" + encode(foreign)).body();
		assertThat(other).doesNotContain("role=\"option\"").contains("No customer matches");

		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		String everyone = admin.get(port, "/customers/options?q=").body();
		assertThat(everyone.split("role=\"option\"", -1)).hasSize(11);
		assertThat(everyone).contains("keep typing");
	}

	@Test
	void theOptionsApiAnswersTheListShapeInScope() {
		JsonNode admin = api.get("/api/v1/customers/options?size=5", "admin").json();
		assertThat(admin.get("content")).hasSize(5);
		assertThat(admin.get("page").get("totalElements").asLong()).isEqualTo(jdbc.sql(
				"SELECT COUNT(*) FROM customer_account WHERE archived = FALSE").query(Long.class).single());
		JsonNode first = admin.get("content").get(0);
		assertThat(first.has("id")).isTrue();
		assertThat(first.has("legalName")).isTrue();
		assertThat(first.has("city")).isTrue();

		long repStaff = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		JsonNode rep = api.get("/api/v1/customers/options?size=200", "rep").json();
		long own = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE owner_staff_id = ? AND archived = FALSE")
			.param(repStaff).query(Long.class).single();
		assertThat(rep.get("page").get("totalElements").asLong()).isEqualTo(own);
		String name = rep.get("content").get(0).get("legalName").asString();
		JsonNode narrowed = api.get("/api/v1/customers/options?q=" + encode(name), "rep").json();
		assertThat(narrowed.get("content")).isNotEmpty();
		assertThat(narrowed.get("content").get(0).get("legalName").asString()).isEqualTo(name);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}
}
