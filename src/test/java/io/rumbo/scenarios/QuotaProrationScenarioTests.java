package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


import io.rumbo.planning.FiscalCalendar;



import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * People whose unit changed since a version worked out their quota, over HTTP: the list per role and the one-click
 * proration from the quota plan page. On the quotas of a fiscal year of its own (thirteen years ahead), where the
 * version is made to count a Madrid Sur salesperson only until August (their later months taken out of it, as if
 * they had joined in September): the demo company itself is not touched.
 */
@RumboIntegrationTest
class QuotaProrationScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void theQuotaPlanFlagsWhoseUnitChangedAndOneClickProratesThem() {
		Api api = new Api(port);
		int year = calendar.currentYear() + 13;
		QuotaYearFixture.activePlan(context, year, new BigDecimal("10000.00"),
				"E-MAD-SUR");
		Api.Response created = api.post("/api/v1/quotas", "director", Map.of("fiscalYear", year));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long version = created.json().get("id").asLong();
		String number = jdbc.sql("""
				SELECT MIN(s.employee_number) FROM org_staff s JOIN org_unit u ON u.id = s.unit_id
				WHERE u.code = 'E-MAD-SUR' AND s.job_role = 'SALESPERSON' AND s.archived = FALSE""")
			.query(String.class).single();
		long person = jdbc.sql("SELECT id FROM org_staff WHERE employee_number = :n").param("n", number)
			.query(Long.class).single();
		jdbc.sql("DELETE FROM quotas_person_month WHERE version_id = :v AND staff_id = :s AND fiscal_month > 8")
			.param("v", version).param("s", person).update();

		JsonNode changes = api.get("/api/v1/quotas/versions/" + version + "/unit-changes", "director").json();
		assertThat(changes.get("content")).singleElement().satisfies(c -> {
			assertThat(c.get("staffId").asLong()).isEqualTo(person);
			assertThat(c.get("fromMonth").asString()).isEqualTo("FY" + year + "-M09");
			assertThat(c.get("fromUnit").isNull()).isTrue();
			assertThat(c.get("toUnit").asString()).isEqualTo("Equipo Madrid Sur");
			assertThat(c.get("mayProrate").asBoolean()).isTrue();
		});
		assertThat(api.get("/api/v1/quotas/versions/" + version + "/unit-changes", "manager").json().get("content"))
			.as("a draft is the director's").isEmpty();
		assertThat(api.get("/api/v1/quotas/versions/" + version + "/unit-changes", "rep").json().get("content"))
			.isEmpty();
		assertThat(api.post("/api/v1/quotas/versions/" + version + "/prorate", "manager",
				Map.of("version", created.json().get("version").asLong())).status()).isEqualTo(409);

		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		String page = director.get(port, "/quotas/" + year + "?lang=en").body();
		assertThat(page).contains("id=\"unit-changes\"").contains("id=\"prorate-form\"")
			.contains("Prorate them in this draft");
		HttpResponse<String> sent = director.postForm(port, "/quotas/" + year + "/versions/" + version + "/prorate",
				Map.of("lock", String.valueOf(created.json().get("version").asLong()), "reason", "", "_csrf", WebSession.csrf(page)));
		assertThat(sent.statusCode()).isEqualTo(302);

		assertThat(jdbc.sql("""
				SELECT COUNT(DISTINCT fiscal_month) FROM quotas_person_month WHERE version_id = :v AND staff_id = :s""")
			.param("v", version).param("s", person).query(Long.class).single()).as("every month again").isEqualTo(12);
		assertThat(api.get("/api/v1/quotas/versions/" + version + "/unit-changes", "director").json().get("content"))
			.isEmpty();
		assertThat(director.get(port, "/quotas/" + year + "?lang=en").body()).doesNotContain("id=\"unit-changes\"");
	}
}
