package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


import io.rumbo.planning.FiscalCalendar;



import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The quota import over real HTTP with real tokens per role, on the quotas of fiscal years of its own (eleven and twelve
 * years ahead: Madrid Sur and Bilbao Industria are asked 10,000.00 a month by their sales plans), so the demo's quotas
 * stay as they are: a rep may not import; a manager of Región Centro imports Madrid Sur but no row of Bilbao; a draft
 * takes the file in place; once published a change needs a reason and makes a new version; the same file again
 * changes nothing and says so; the sample file imports as documented.
 */
@RumboIntegrationTest
class QuotaImportApiScenarioTests extends ApiTestSupport {

	private static final String CSV = "text/csv";

	private static final String HEADER = "employee_number,fiscal_month,measure,amount\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Api api;

	int year;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** The quotas of a fiscal year of the test's own, started (a draft) once. */
	private void quotasOf(int fiscalYear) {
		year = fiscalYear;
		QuotaYearFixture.activePlan(context, year, new BigDecimal("10000.00"),
				"E-MAD-SUR", "E-BIO-IND");
		if (api.get("/api/v1/quotas/" + year, "director").status() == 404) {
			assertThat(api.post("/api/v1/quotas", "director", Map.of("fiscalYear", year)).status()).isEqualTo(201);
		}
	}

	private String salesperson(String unit) {
		return jdbc.sql("""
				SELECT MIN(s.employee_number) FROM org_staff s JOIN org_unit u ON u.id = s.unit_id
				WHERE u.code = :c AND s.job_role = 'SALESPERSON' AND s.archived = FALSE""")
			.param("c", unit).query(String.class).single();
	}

	private Api.Response upload(String user, String rows, String query, Map<String, String> headers) {
		return api.upload("/api/v1/imports/quotas" + query, user, (HEADER + rows).getBytes(StandardCharsets.UTF_8), CSV,
				headers);
	}

	private String m(int month) {
		return "FY" + year + "-M" + String.format("%02d", month);
	}

	private static String reason(String text) {
		return "reason=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private JsonNode plan() {
		return api.get("/api/v1/quotas/" + year, "director").json();
	}

	/** Releases a level of the year's published version as the given user. */
	private void release(String user, long unit) {
		JsonNode published = plan().get("published");
		Api.Response released = api.post("/api/v1/quotas/versions/" + published.get("id").asLong() + "/levels/" + unit
				+ "/release", user, Map.of("version", published.get("version").asLong()));
		assertThat(released.status()).as(released.body()).isEqualTo(200);
	}

	private long parentOf(long unit) {
		return jdbc.sql("SELECT parent_id FROM org_unit WHERE id = :u").param("u", unit).query(Long.class).single();
	}

	@Test
	void eachRoleImportsWhatItMayAllocateAndBindingQuotasChangeOnlyWithAReason() {
		quotasOf(calendar.currentYear() + 11);
		String sur = salesperson("E-MAD-SUR");
		String bilbao = salesperson("E-BIO-IND");
		long team = unitId(api, "E-MAD-SUR");
		assertThat(plan().get("versions").get(0).get("state").asString()).isEqualTo("DRAFT");
		// Madrid Sur's five salespeople share its 10,000.00 a month: 2,000.00 each.
		String ours = sur + "," + m(1) + ",revenue,1500.00\n" + sur + "," + m(2) + ",revenue,1500.00\n";

		assertThat(upload("rep", ours, "", Map.of()).status()).as("a salesperson imports no quotas").isEqualTo(403);
		Api.Response draft = upload("manager", ours, "", Map.of());
		assertThat(draft.status()).as("the director's draft is not the manager's").isEqualTo(422);
		assertThat(draft.json().get("errors").findValuesAsString("message"))
			.allMatch(message -> message.startsWith("The figure of Equipo Madrid Sur is not published yet"));

		JsonNode v1 = plan().get("versions").get(0);
		assertThat(api.post("/api/v1/quotas/versions/" + v1.get("id").asLong() + "/publish", "director",
				Map.of("version", v1.get("version").asLong())).status()).isEqualTo(200);
		release("manager", parentOf(parentOf(team)));
		release("manager", parentOf(team));

		Api.Response outside = upload("manager", ours + bilbao + "," + m(1) + ",revenue,1\n", "", Map.of());
		assertThat(outside.status()).isEqualTo(422);
		assertThat(outside.json().get("errors")).hasSize(1);
		assertThat(outside.json().get("errors").get(0).get("row").asInt()).as("Bilbao's row").isEqualTo(4);
		assertThat(outside.json().get("errors").get(0).get("column").asString()).isEqualTo("employee_number");

		Api.Response checked = upload("manager", ours, "?dryRun=true", Map.of("Accept-Language", "es"));
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		assertThat(checked.json().get("written").asBoolean()).isFalse();
		assertThat(checked.json().get("note").asString()).isEqualTo("El fichero escribiría 2 cifras en el año fiscal "
				+ year + ", versión 1.");

		// Madrid Sur's split does not bind yet: its manager prepares it in place, without a reason.
		JsonNode written = upload("manager", ours, "", Map.of()).json();
		assertThat(written.get("updated").asInt()).as(written.toString()).isEqualTo(2);
		assertThat(written.get("note").asString()).isEqualTo("2 figures written into fiscal year " + year
				+ ", version 1.");
		JsonNode again = upload("manager", ours, "", Map.of()).json();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(2);
		assertThat(again.get("note").asString()).contains("nothing was changed");
		release("manager", team);

		// Madrid Sur now hands out 119,000.00 of its 120,000.00: its manager may not go beyond the published figure.
		Api.Response raise = upload("manager", sur + "," + m(3) + ",revenue,5000\n", "?" + reason("Más"), Map.of());
		assertThat(raise.status()).isEqualTo(422);
		assertThat(raise.json().get("errors").get(0).get("column").asString()).isEqualTo("amount");
		assertThat(raise.json().get("errors").get(0).get("message").asString())
			.startsWith("With this file Equipo Madrid Sur would hand out 122,000.00, more than its pool of 120,000.00");
		String change = sur + "," + m(3) + ",revenue,1500\n";
		Api.Response noReason = upload("manager", change, "", Map.of());
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().get("errors").get(0).get("message").asString())
			.startsWith("These figures change binding quotas of fiscal year " + year + " (version 1)");
		assertThat(plan().get("published").get("number").asInt()).as("nothing written").isEqualTo(1);

		Api.Response revised = upload("manager", change, "?" + reason("Cliente nuevo en Getafe"), Map.of());
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(revised.json().get("note").asString()).contains("version 2 is published with your reason");
		JsonNode published = plan().get("published");
		assertThat(published.get("number").asInt()).isEqualTo(2);
		assertThat(published.get("reason").asString()).isEqualTo("Cliente nuevo en Getafe");
		long staffId = jdbc.sql("SELECT id FROM org_staff WHERE employee_number = :n").param("n", sur)
			.query(Long.class).single();
		JsonNode differences = api.get("/api/v1/quotas/versions/" + published.get("id").asLong() + "/differences",
				"manager").json().get("content");
		assertThat(differences.valueStream().filter(d -> d.get("kind").asString().equals("PERSON")
				&& d.get("id").asLong() == staffId)).singleElement()
			.satisfies(d -> assertThat(d.get("change").decimalValue()).isEqualByComparingTo("-500.00"));
		assertThat(jdbc.sql("""
				SELECT summary FROM identity_audit_event
				WHERE entity_type = 'QUOTA_VERSION' AND entity_id = :id AND action = 'REVISE'""")
			.param("id", String.valueOf(published.get("id").asLong())).query(String.class).list())
			.as("in the audit trail").containsExactly("Cliente nuevo en Getafe");

		// The version's export, as the manager sees it, imports back without a change.
		Api.Response export = api.get("/api/v1/quotas/versions/" + published.get("id").asLong()
				+ "/person-months?measure=revenue", "manager", Map.of("Accept", CSV));
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body()).contains(sur + "," + m(3) + ",revenue,1500.00");
		JsonNode back = api.upload("/api/v1/imports/quotas", "manager", export.body().getBytes(StandardCharsets.UTF_8),
				CSV, Map.of()).json();
		assertThat(back.get("updated").asInt()).as(back.toString()).isZero();
		assertThat(back.get("unchanged").asLong()).isEqualTo(export.body().strip().lines().count() - 1);
	}

	@Test
	void theSampleFileImportsWithAReasonOnceTheQuotasArePublished() throws IOException {
		quotasOf(calendar.currentYear() + 12);
		String sample = Files.readString(Path.of("docs/import-samples/quotas.csv"));
		assertThat(sample).startsWith(HEADER.strip());
		// The sample is written for the demo's fiscal year; here it goes to this test's year, after publication.
		String ours = sample.replaceAll("FY\\d{4}", "FY" + year);
		JsonNode version = plan().get("versions").get(0);
		if (version.get("state").asString().equals("DRAFT")) {
			api.post("/api/v1/quotas/versions/" + version.get("id").asLong() + "/publish", "director",
					Map.of("version", version.get("version").asLong(), "wholeTree", true));
		}
		Api.Response multipart = api.uploadMultipart("/api/v1/imports/quotas?" + reason("Cuotas acordadas en la "
				+ "reunión de región"), "director", "quotas.csv", ours.getBytes(StandardCharsets.UTF_8));
		assertThat(multipart.status()).as(multipart.body()).isEqualTo(200);
		long rows = ours.strip().lines().count() - 1;
		assertThat(multipart.json().get("rows").asLong()).isEqualTo(rows);
		assertThat(multipart.json().get("updated").asLong() + multipart.json().get("unchanged").asLong())
			.isEqualTo(rows);
		JsonNode again = api.upload("/api/v1/imports/quotas", "director", ours.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json();
		assertThat(again.get("unchanged").asLong()).as(again.toString()).isEqualTo(rows);
		assertThat(List.of(again.get("note").asString())).allMatch(n -> n.contains("nothing was changed"));
	}
}
