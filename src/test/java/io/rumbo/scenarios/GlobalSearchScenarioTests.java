package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.ContactRole;
import io.rumbo.customers.ContactView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.reporting.search.GlobalSearch;
import io.rumbo.reporting.search.GlobalSearch.Kind;
import io.rumbo.shared.search.SearchHit;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import io.rumbo.support.TwoTeamCompany;
import tools.jackson.databind.JsonNode;

/**
 * The global search (decision 0028) on H2 and PostgreSQL: accents, capitals and word order do not matter; each reader
 * finds only what their data scope shows (a salesperson their own accounts, a team leader their team's), every hit
 * opens; the API answers per role and the page renders in both languages. A company of the test's own, with codes
 * unique to the run, so other tests' records never count.
 */
@RumboIntegrationTest
class GlobalSearchScenarioTests {

	static final String PASSWORD = "Un-secreto-muy-largo-2026!";

	@LocalServerPort
	int port;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	CustomerManagement customers;

	@Autowired
	GlobalSearch search;

	@Autowired
	JdbcClient jdbc;

	TwoTeamCompany company;

	CurrentUser leader;

	CurrentUser rep1;

	CurrentUser rep2;

	StaffView rep1Person;

	StaffView rep2Person;

	CustomerView malaga1;

	CustomerView malaga2;

	ContactView jose;

	@BeforeEach
	void company() {
		company = new TwoTeamCompany(units, staff, users, "S");
		leader = company.account("Jefa", Role.MANAGER);
		company.lead(company.team1, company.person("J", company.team1, JobRole.TEAM_LEADER, leader));
		rep1 = company.account("Uno", Role.REP);
		rep1Person = company.person("U", company.team1, JobRole.SALESPERSON, rep1);
		rep2 = company.account("Dos", Role.REP);
		rep2Person = company.person("D", company.team2, JobRole.SALESPERSON, rep2);
		for (CurrentUser user : List.of(leader, rep1, rep2)) {
			Api.password(user.username(), PASSWORD);
		}
		malaga1 = customer("Óptica Málaga " + company.code, rep1Person);
		malaga2 = customer("TALLERES MÁLAGA " + company.code, rep2Person);
		jose = customers.addContact(TwoTeamCompany.ADMIN, malaga1.id(), new CustomerManagement.ContactDetails(null,
				"José García", null, ContactRole.BUYER, "jg@" + company.code.toLowerCase() + ".example", null, true));
	}

	private CustomerView customer(String name, StaffView owner) {
		return customers.create(TwoTeamCompany.ADMIN, new CustomerManagement.CustomerDetails(null, name, null,
				Segment.SMALL_BUSINESS, null, CompanySize.SMALL, null, null, null, "Málaga", PotentialClass.B,
				BigDecimal.ZERO, CustomerStatus.ACTIVE, owner.id(), owner.unitId(), null));
	}

	private List<Long> ids(CurrentUser user, String query, Kind kind) {
		return search.search(user, query, Set.of(kind), 20, "en")
			.groups()
			.stream()
			.flatMap(group -> group.hits().hits().stream())
			.map(SearchHit::id)
			.toList();
	}

	@Test
	void accentsCapitalsAndWordOrderDoNotMatter() {
		CurrentUser admin = TwoTeamCompany.ADMIN;
		for (String query : List.of("malaga " + company.code, "MÁLAGA " + company.code, company.code + " Malaga",
				"málaga " + company.code.toLowerCase())) {
			assertThat(ids(admin, query, Kind.CUSTOMERS)).as(query).containsExactlyInAnyOrder(malaga1.id(), malaga2.id());
		}
		assertThat(ids(admin, "optica " + company.code, Kind.CUSTOMERS)).containsExactly(malaga1.id());
		assertThat(ids(admin, "garcia jose " + company.code, Kind.CONTACTS)).containsExactly(jose.id());
		assertThat(ids(admin, "GARCÍA " + company.code + " JOSÉ", Kind.CONTACTS)).containsExactly(jose.id());
		// Every word must match: a word no record of the company has leaves nothing.
		assertThat(ids(admin, "malaga zaragoza " + company.code, Kind.CUSTOMERS)).isEmpty();
		// The user's wildcards match literally.
		assertThat(ids(admin, "m%a " + company.code, Kind.CUSTOMERS)).isEmpty();
	}

	@Test
	void eachReaderFindsOnlyWhatTheirScopeShows() {
		String query = "malaga " + company.code;
		assertThat(ids(rep1, query, Kind.CUSTOMERS)).containsExactly(malaga1.id());
		assertThat(ids(rep2, query, Kind.CUSTOMERS)).containsExactly(malaga2.id());
		assertThat(ids(leader, query, Kind.CUSTOMERS)).containsExactly(malaga1.id());
		assertThat(ids(rep2, "jose " + company.code, Kind.CONTACTS)).isEmpty();
		assertThat(ids(leader, "jose " + company.code, Kind.CONTACTS)).containsExactly(jose.id());
		// People: the leader sees the team, a salesperson only themselves.
		assertThat(ids(leader, company.code, Kind.PEOPLE)).contains(rep1Person.id()).doesNotContain(rep2Person.id());
		assertThat(ids(rep2, company.code, Kind.PEOPLE)).containsExactly(rep2Person.id());
		assertThat(ids(rep2, company.code, Kind.UNITS)).containsExactly(company.team2.id());
	}

	@Test
	void aQueryWithoutAWordOfThreeLettersAsksNothing() {
		GlobalSearch.Result result = search.search(TwoTeamCompany.ADMIN, " a  b ", Set.of(), 5, "en");
		assertThat(result.tooShort()).isTrue();
		assertThat(result.groups()).isEmpty();
		// A short word next to a long one still has to match.
		assertThat(ids(TwoTeamCompany.ADMIN, "ta " + company.code, Kind.CUSTOMERS)).containsExactly(malaga2.id());
	}

	@Test
	void everyKindIsFoundByItsNameOrNumber() {
		Api api = new Api(port);
		String opportunity = jdbc.sql("SELECT title FROM sales_opportunity ORDER BY id LIMIT 1").query(String.class)
			.single();
		String order = jdbc.sql("SELECT order_number FROM sales_order WHERE order_number IS NOT NULL ORDER BY id LIMIT 1")
			.query(String.class).single();
		String serviceCase = jdbc.sql("SELECT case_number FROM customer_service_case WHERE case_number IS NOT NULL"
				+ " ORDER BY id LIMIT 1").query(String.class).single();
		String product = jdbc.sql("SELECT sku FROM catalog_product ORDER BY id LIMIT 1").query(String.class).single();
		for (String[] asked : List.of(new String[] { "opportunities", opportunity }, new String[] { "orders", order },
				new String[] { "cases", serviceCase }, new String[] { "products", product })) {
			JsonNode answer = api.get("/api/v1/search?kinds=" + asked[0] + "&limit=20&q=" + encode(asked[1]), "admin")
				.json();
			assertThat(answer.get("groups").size()).as(asked[1]).isEqualTo(1);
			JsonNode group = answer.get("groups").get(0);
			assertThat(group.get("kind").asString()).isEqualTo(asked[0]);
			assertThat(group.get("content").size()).as(asked[1]).isPositive();
		}
	}

	@Test
	void theApiAnswersEachRoleWithinItsScope() {
		Api api = new Api(port);
		String url = "/api/v1/search?kinds=customers&q=" + encode("MALAGA " + company.code);
		assertThat(hrefs(api.get(url, rep1.username()).json())).containsExactly("/customers/" + malaga1.id());
		assertThat(hrefs(api.get(url, rep2.username()).json())).containsExactly("/customers/" + malaga2.id());
		assertThat(hrefs(api.get(url, leader.username()).json())).containsExactly("/customers/" + malaga1.id());
		assertThat(hrefs(api.get(url, "admin").json())).containsExactlyInAnyOrder("/customers/" + malaga1.id(),
				"/customers/" + malaga2.id());
		assertThat(hrefs(api.get(url, "director").json())).hasSize(2);
		// A salesperson of the demo sees nothing of this company.
		assertThat(hrefs(api.get("/api/v1/search?q=" + company.code, "rep").json())).isEmpty();
		JsonNode short_ = api.get("/api/v1/search?q=ab", "rep").json();
		assertThat(short_.get("tooShort").asBoolean()).isTrue();
		Api.Response unknown = api.get("/api/v1/search?q=malaga&kinds=customers,planets", "rep");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("kinds");
		assertThat(api.get("/api/v1/search?q=malaga&limit=0", "rep").status()).isEqualTo(400);
	}

	@Test
	void everyHitOpensForItsReader() {
		Api api = new Api(port);
		for (CurrentUser user : List.of(rep1, leader)) {
			List<String> hrefs = hrefs(api.get("/api/v1/search?limit=20&q=" + company.code, user.username()).json());
			assertThat(hrefs).as(user.username()).contains("/customers/" + malaga1.id(),
					"/customers/" + malaga1.id() + "#contacts", "/organization/staff/" + rep1Person.id());
			WebSession session = new WebSession();
			session.signIn(port, user.username(), PASSWORD);
			for (String href : hrefs) {
				assertThat(session.get(port, href + "?lang=en").statusCode()).as(href).isEqualTo(200);
			}
		}
	}

	@Test
	void thePageGroupsTheResultsInBothLanguages() {
		WebSession session = new WebSession();
		session.signIn(port, rep1.username(), PASSWORD);
		HttpResponse<String> en = session.get(port, "/search?lang=en&q=" + encode("malaga " + company.code));
		assertThat(en.statusCode()).isEqualTo(200);
		assertThat(en.body()).contains("id=\"nav-search\"", "id=\"group-customers\"", "Customers",
				"Óptica Málaga " + company.code, "href=\"/customers/" + malaga1.id() + "\"")
			.doesNotContain("TALLERES MÁLAGA " + company.code)
			.doesNotContain("??");
		HttpResponse<String> es = session.get(port, "/search?lang=es&q=" + encode("malaga " + company.code));
		assertThat(es.body()).contains("Clientes", "Óptica Málaga " + company.code).doesNotContain("??");
		HttpResponse<String> fragment = session.get(port, "/search?lang=en&q=" + encode("zzzqqq " + company.code),
				java.util.Map.of("HX-Request", "true"));
		assertThat(fragment.body()).contains("id=\"search-none\"").doesNotContain("<html");
		session.get(port, "/search?lang=en");
	}

	private static List<String> hrefs(JsonNode answer) {
		List<String> hrefs = new ArrayList<>();
		for (JsonNode group : answer.get("groups")) {
			for (JsonNode hit : group.get("content")) {
				hrefs.add(hit.get("href").asString());
			}
		}
		return hrefs;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
