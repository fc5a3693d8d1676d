package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page renders for every kind of user, in both languages, and page exports answer files. */
@RumboIntegrationTest
class PageScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "admin", "director", "manager", "rep" })
	void everyPageRendersForEveryRole(String user) {
		long product = jdbc.sql("SELECT MIN(id) FROM catalog_product").query(Long.class).single();
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = 'E-MAD-NOR'").query(Long.class).single();
		long person = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		long customer = jdbc.sql("""
				SELECT MIN(c.id) FROM customer_account c JOIN org_staff s ON s.id = c.owner_staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		long order = jdbc.sql("""
				SELECT MIN(o.order_id) FROM sales_order_credit o JOIN org_staff s ON s.id = o.staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		long opportunity = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				  JOIN sales_stage st ON st.code = o.stage_code
				WHERE s.last_name = 'García Martín' AND st.outcome = 'OPEN' AND o.stage_code <> 'NEGOTIATION'""")
			.query(Long.class).single();
		long serviceCase = jdbc.sql("""
				SELECT MIN(sc.id) FROM customer_service_case sc JOIN org_staff s ON s.id = sc.staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		long plan = jdbc.sql("SELECT id FROM planning_plan WHERE fiscal_year = :y").param("y", java.time.LocalDate.now().getYear())
			.query(Long.class).single();
		List<String> pages = List.of("/plans", "/plans/" + plan, "/plans/" + plan + "?measure=UNITS",
				"/plans/" + plan + "?measure=NEW_CUSTOMERS", "/plans/" + plan + "/performance", "/plans/" + plan + "/strategy",
				"/plans/" + plan + "/performance?by=line&period=Q2", "/plans/" + plan + "/performance?by=month",
				"/opportunities/list", "/opportunities/list?open=true&stage=PROPOSAL&q=a", "/tasks", "/tasks?open=true&overdue=true", "/imports", "/imports?kind=orders",
				"/service-cases", "/service-cases?open=true&priority=HIGH",
				"/service-cases/" + serviceCase, "/service-cases/new?customerId=" + customer, "/organization/chart", "/organization/chart?asOf=2025-01-01", "/organization/units",
				"/organization/units/" + unit, "/organization/staff", "/organization/staff/" + person,
				"/organization/vacancies", "/account", "/catalog/products", "/catalog/products/" + product,
				"/catalog/lines", "/customers", "/customers/" + customer, "/orders", "/orders?from=2025-01-01",
				"/orders/" + order, "/opportunities", "/opportunities/" + opportunity, "/agenda", "/activities", "/activities?done=true",
				"/notifications", "/notifications?unread=true", "/notifications/preferences",
				"/search", "/search?q=ab", "/search?q=garcia", "/search?q=zzzqqq");
		for (String lang : List.of("en", "es")) {
			WebSession browser = new WebSession();
			browser.signIn(port, user, "demo");
			browser.get(port, "/organization/chart?lang=" + lang);
			for (String page : pages) {
				HttpResponse<String> answer = browser.get(port, page);
				assertThat(answer.statusCode()).as(user + " " + lang + " " + page).isEqualTo(200);
				assertThat(answer.body()).as(page).doesNotContain("Unexpected error").doesNotContain("Error inesperado")
					.doesNotContain("??");
			}
		}
	}

	@Test
	void formsRenderForThoseWhoMayUseThem() {
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		long product = jdbc.sql("SELECT MIN(id) FROM catalog_product").query(Long.class).single();
		long customer = jdbc.sql("SELECT MIN(id) FROM customer_account").query(Long.class).single();
		long user = jdbc.sql("SELECT id FROM identity_user WHERE username = 'rep'").query(Long.class).single();
		for (String page : List.of("/organization/units/new", "/organization/staff/new", "/catalog/products/new",
				"/catalog/products/" + product + "/edit", "/customers/new", "/customers/" + customer + "/edit",
				"/admin/users", "/admin/users/new", "/admin/users/" + user, "/admin/audit", "/orders/new",
				"/orders/new?customerId=" + customer)) {
			HttpResponse<String> answer = admin.get(port, page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
			assertThat(answer.body()).as(page).doesNotContain("Unexpected error").doesNotContain("??");
		}
	}

	@Test
	void theCustomerPageShowsServiceAndTakesARatingAndACaseFormOpensAndSaves() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		long customer = jdbc.sql("""
				SELECT MIN(c.id) FROM customer_account c JOIN org_staff s ON s.id = c.owner_staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		String page = rep.get(port, "/customers/" + customer).body();
		assertThat(page).contains("id=\"customer-service-summary\"").contains("id=\"customer-cases\"");
		String csrf = WebSession.csrf(page);
		HttpResponse<String> rated = rep.postForm(port, "/customers/" + customer + "/ratings",
				java.util.Map.of("csat", "5", "nps", "10", "comment", "Muy contentos", "_csrf", csrf));
		assertThat(rated.statusCode()).isEqualTo(302);
		assertThat(rep.get(port, "/customers/" + customer).body()).contains("Muy contentos");
		HttpResponse<String> opened = rep.postForm(port, "/service-cases/new", java.util.Map.of("customerId",
				String.valueOf(customer), "subject", "Caja dañada", "category", "DELIVERY", "priority", "HIGH",
				"openedOn", java.time.LocalDate.now().toString(), "_csrf", csrf));
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location").orElse("")).contains("/service-cases/");
		HttpResponse<String> invalid = rep.postForm(port, "/service-cases/new", java.util.Map.of("customerId",
				String.valueOf(customer), "subject", "", "category", "DELIVERY", "priority", "HIGH", "openedOn",
				java.time.LocalDate.now().toString(), "_csrf", csrf));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("subject-error");

		long order = jdbc.sql("""
				SELECT MIN(o.order_id) FROM sales_order_credit o JOIN org_staff s ON s.id = o.staff_id
				WHERE s.last_name = 'García Martín'""").query(Long.class).single();
		long strategy = jdbc.sql("SELECT MIN(id) FROM planning_strategy").query(Long.class).single();
		assertThat(rep.get(port, "/orders/" + order).body()).contains("id=\"strategy-tag\"");
		HttpResponse<String> tagged = rep.postForm(port, "/orders/" + order + "/strategy",
				java.util.Map.of("strategyId", String.valueOf(strategy), "_csrf", csrf));
		assertThat(tagged.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT strategy_id FROM sales_order WHERE id = :id").param("id", order).query(Long.class)
			.single()).isEqualTo(strategy);
	}

	@Test
	void droppingACardOnAStageMovesItAndRedrawsTheBoard() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		long opportunity = jdbc.sql("""
				SELECT MIN(o.id) FROM sales_opportunity o JOIN org_staff s ON s.id = o.owner_staff_id
				  JOIN sales_stage st ON st.code = o.stage_code
				WHERE s.last_name = 'García Martín' AND st.outcome = 'OPEN' AND o.stage_code <> 'NEGOTIATION'""")
			.query(Long.class).single();
		String csrf = WebSession.csrf(rep.get(port, "/opportunities").body());
		HttpResponse<String> board = rep.postForm(port, "/opportunities/" + opportunity + "/stage",
				java.util.Map.of("stage", "NEGOTIATION", "_csrf", csrf));
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("id=\"board\"").doesNotContain("<html");
		assertThat(jdbc.sql("SELECT stage_code FROM sales_opportunity WHERE id = :id").param("id", opportunity)
			.query(String.class).single()).isEqualTo("NEGOTIATION");
	}

	@Test
	void customerListsKeepTheirFiltersInTheirLinksAndTheCaseListItsFiguresAboveTheTable() {
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		String customers = manager.get(port, "/customers?status=ACTIVE&potentialClass=A&archived=true").body();
		assertThat(customers).contains("id=\"customer-table\"")
			.contains("href=\"/customers?status=ACTIVE&amp;potentialClass=A&amp;archived=true&amp;sort=legalName,asc&amp;format=csv\"")
			.containsPattern("<option value=\"A\" selected=\"selected\">A</option>")
			.containsPattern("id=\"archived\"[^>]*checked");
		String cases = manager.get(port, "/service-cases?open=true&priority=HIGH&from=2025-01-01").body();
		assertThat(cases.indexOf("id=\"service-summary\"")).as("the figures above the table")
			.isPositive()
			.isLessThan(cases.indexOf("id=\"case-table\""));
		assertThat(cases)
			.contains("href=\"/service-cases?open=true&amp;priority=HIGH&amp;from=2025-01-01&amp;sort=openedOn,desc&amp;format=xlsx\"")
			.contains("value=\"2025-01-01\"");
	}

	@Test
	void pageExportsAnswerCsvAndXlsxFiles() {
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		for (String list : List.of("/organization/staff", "/organization/units", "/organization/vacancies",
				"/catalog/products", "/customers", "/orders", "/activities", "/service-cases", "/tasks", "/opportunities/list", "/improvement", "/evaluation/nominations")) {
			HttpResponse<String> csv = manager.get(port, list + "?format=csv");
			assertThat(csv.statusCode()).as(list).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
			HttpResponse<String> xlsx = manager.get(port, list + "?format=xlsx");
			assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
				.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		}
		// Every column of a file for people has a heading in the reader's language.
		assertThat(manager.get(port, "/improvement?format=csv&lang=en").body().lines().findFirst().orElse(""))
			.contains("Next check-in").contains("Goals behind pace");
		assertThat(manager.get(port, "/organization/staff?format=pdf").statusCode()).isEqualTo(400);
		HttpResponse<String> sample = manager.get(port, "/imports/samples/orders.csv");
		assertThat(sample.statusCode()).isEqualTo(200);
		assertThat(sample.body()).startsWith("order,order_date,customer,sku");
		assertThat(manager.get(port, "/imports/samples/nonsense.csv").statusCode()).isEqualTo(404);
	}

	@Test
	void theImportPageOffersOrgUnitsAndStaffToThoseWhoShapeTheOrganisation() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		String page = director.get(port, "/imports").body();
		assertThat(page).contains("value=\"org-units\"").contains("value=\"staff\"").contains("id=\"import-org-order\"")
			.contains("/imports/samples/org-units.csv");
		assertThat(director.get(port, "/imports/samples/staff.csv").body()).startsWith("employee_number,first_name");
		// The people's unit export names the parent and the manager in its own query.
		assertThat(director.get(port, "/organization/units?format=csv&q=S-BIO").body()).contains("S-BIO")
			.contains("Región Norte").contains("Amaia Urrutia Larrañaga");
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		String theirs = manager.get(port, "/imports").body();
		assertThat(theirs).contains("value=\"staff\"").doesNotContain("value=\"org-units\"")
			.doesNotContain("id=\"import-org-order\"");
	}
}
