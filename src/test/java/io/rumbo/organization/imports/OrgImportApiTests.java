package io.rumbo.organization.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The org-units and staff imports over HTTP with real tokens: the documented flow (units, staff, units again with
 * their managers) on the sample files, the first password of an imported account, and what each role may import.
 */
@RumboIntegrationTest
class OrgImportApiTests {

	private static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@AfterEach
	void removeImported() {
		OrgImportCleanup.remove(jdbc, "ZGZ");
	}

	private Api.Response upload(String kind, String user, String content, String query) {
		return upload(kind, user, content, query, Map.of());
	}

	private Api.Response upload(String kind, String user, String content, String query, Map<String, String> headers) {
		return api.upload("/api/v1/imports/" + kind + query, user, content.getBytes(StandardCharsets.UTF_8), CSV,
				headers);
	}

	private static String sample(String kind) throws IOException {
		return Files.readString(Path.of("docs/import-samples", kind + ".csv"));
	}

	private static long count(JsonNode summary, String field) {
		return summary.get(field).asLong();
	}

	@Test
	void unitsThenStaffThenUnitsAgainWithTheirManagersBringAWholeOrganisation() throws IOException {
		String units = sample("org-units");
		Api.Response first = upload("org-units", "admin", units, "");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(count(first.json(), "created")).isEqualTo(4);

		Api.Response people = upload("staff", "admin", sample("staff"), "");
		assertThat(people.status()).as(people.body()).isEqualTo(200);
		assertThat(count(people.json(), "created")).isEqualTo(5);

		String managed = units.replace("BRANCH,R-NORTE,Zaragoza,,", "BRANCH,R-NORTE,Zaragoza,ZGZ-0001,")
			.replace("Centro,TEAM,ZGZ-SUCURSAL,Zaragoza,,", "Centro,TEAM,ZGZ-SUCURSAL,Zaragoza,ZGZ-0002,");
		assertThat(managed).contains("ZGZ-0001").contains("ZGZ-0002");
		Api.Response second = upload("org-units", "admin", managed, "");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(count(second.json(), "updated")).isEqualTo(2);
		assertThat(count(second.json(), "unchanged")).isEqualTo(2);
		for (String kind : new String[] { "org-units", "staff" }) {
			JsonNode again = upload(kind, "admin", kind.equals("staff") ? sample("staff") : managed, "").json();
			assertThat(count(again, "created") + count(again, "updated")).as(kind + " again").isZero();
		}
		JsonNode branch = api.get("/api/v1/org-units?q=ZGZ-SUCURSAL", "admin").json().get("content").get(0);
		assertThat(branch.get("managerName").asString()).isEqualTo("Jorge Lasheras Gil");
		assertThat(branch.get("parentName").asString()).isEqualTo("Región Norte");

		// The account has no password until an administrator gives it one (decision 0012).
		Map<String, Object> signIn = Map.of("username", "zgz.jlasheras", "password", "Primera-clave-1", "name", "t");
		assertThat(api.send("POST", "/api/v1/auth/tokens", null, signIn, Map.of()).status()).isEqualTo(401);
		long account = api.get("/api/v1/users?q=zgz.jlasheras", "admin").json().get("content").get(0).get("id").asLong();
		assertThat(api.send("PUT", "/api/v1/users/" + account + "/password", api.token("manager"),
				Map.of("password", "Primera-clave-1"), Map.of()).status()).as("administrators only").isEqualTo(403);
		assertThat(api.send("PUT", "/api/v1/users/" + account + "/password", api.token("admin"),
				Map.of("password", "Primera-clave-1"), Map.of()).status()).isEqualTo(204);
		Api.Response token = api.send("POST", "/api/v1/auth/tokens", null, signIn, Map.of());
		assertThat(token.status()).isEqualTo(201);
		Api.Response me = api.send("GET", "/api/v1/staff/me", token.json().get("token").asString(), null, Map.of());
		assertThat(me.json().get("employeeNumber").asString()).isEqualTo("ZGZ-0001");
	}

	@Test
	void eachRoleImportsWhatItMayEditOnScreen() throws IOException {
		String units = sample("org-units");
		for (String user : new String[] { "manager", "rep" }) {
			assertThat(upload("org-units", user, units, "?dryRun=true").status()).as(user).isEqualTo(403);
		}
		Api.Response byDirector = upload("org-units", "director", units, "?dryRun=true");
		assertThat(byDirector.status()).as(byDirector.body()).isEqualTo(200);
		assertThat(count(byDirector.json(), "created")).isEqualTo(4);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code LIKE 'ZGZ%'").query(Long.class).single())
			.as("a dry run writes nothing").isZero();

		String header = "employee_number,first_name,last_name,hire_date,unit,job_role,qualification_level,username,user_roles\n";
		assertThat(upload("staff", "rep", header + "ZGZ-0009,Ana,Gil,2026-01-01,E-MAD-NOR,SALESPERSON,2,,\n",
				"?dryRun=true").status()).isEqualTo(403);
		Api.Response byManager = upload("staff", "manager", header
				+ "ZGZ-0009,Ana,Gil,2026-01-01,E-MAD-NOR,SALESPERSON,2,,\n"
				+ "ZGZ-0010,Eva,Paz,2026-01-01,E-OVI,SALESPERSON,2,,\n", "", Map.of("Accept-Language", "es"));
		assertThat(byManager.status()).as(byManager.body()).isEqualTo(422);
		JsonNode error = byManager.json().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(3);
		assertThat(error.get("column").asString()).isEqualTo("unit");
		assertThat(error.get("message").asString()).contains("E-OVI");
		assertThat(byManager.json().get("errors")).hasSize(1);

		Api.Response account = upload("staff", "director", header
				+ "ZGZ-0009,Ana,Gil,2026-01-01,E-MAD-NOR,SALESPERSON,2,zgz.agil,REP\n", "");
		assertThat(account.status()).isEqualTo(422);
		assertThat(account.json().get("errors").get(0).get("column").asString()).isEqualTo("username");
		Api.Response withoutAccount = upload("staff", "director", header
				+ "ZGZ-0009,Ana,Gil,2026-01-01,E-MAD-NOR,SALESPERSON,2,,\n", "");
		assertThat(withoutAccount.status()).as(withoutAccount.body()).isEqualTo(200);
		assertThat(count(withoutAccount.json(), "created")).isEqualTo(1);
		assertThat(Set.of("created", "updated")).allSatisfy(f -> assertThat(count(upload("staff", "manager", header
				+ "ZGZ-0009,Ana,Gil,2026-01-01,E-MAD-NOR,SALESPERSON,2,,\n", "").json(), f)).isZero());
	}
}
