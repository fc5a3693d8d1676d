package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/**
 * Issue 13, working from a phone: the opportunity's details edited on its page (each field, the next step audited, a
 * stale form answered 409 with the current version, someone else's deal not found, an owner out of reach refused at
 * its field), a lost stage without its reason refused at its field, a won deal closed on the day; and a visit logged
 * from the customer page with its outcome, next step and follow-up task, with the account's contacts one tap away.
 */
@RumboIntegrationTest
class PhoneWorkScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	long customer;

	long lucia;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
	}

	@Test
	void theDetailsFormSavesEachFieldAndTheAuditKeepsTheNextStep() {
		long id = create("1200");
		WebSession rep = signedIn("rep");
		String page = rep.get(port, "/opportunities/" + id + "?lang=en").body();
		assertThat(page).contains("id=\"details-form\"").contains("id=\"nextStep\"")
			.as("a salesperson's deals stay their own: no owner to choose").doesNotContain("id=\"ownerStaffId\"");
		LocalDate close = LocalDate.now(clock).plusDays(45);
		long someoneElse = api.get("/api/v1/staff/options?size=500", "manager").json().get("content").valueStream()
			.mapToLong(p -> p.get("id").asLong()).filter(p -> p != lucia).findFirst().orElseThrow();

		HttpResponse<String> saved = rep.postForm(port, "/opportunities/" + id + "/edit", form(page, Map.of(
				"title", "Renovación flota 2027", "amount", "2345.50", "expectedClose", close.toString(),
				"nextStep", "Enviar la oferta revisada el lunes", "ownerStaffId", String.valueOf(someoneElse))));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/opportunities/" + id);
		Map<String, Object> row = jdbc.sql("""
				SELECT title, amount, expected_close, next_step, owner_staff_id FROM sales_opportunity WHERE id = ?""")
			.param(id).query().singleRow();
		assertThat(row.get("title")).isEqualTo("Renovación flota 2027");
		assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("2345.50");
		assertThat(row.get("expected_close").toString()).isEqualTo(close.toString());
		assertThat(row.get("next_step")).isEqualTo("Enviar la oferta revisada el lunes");
		assertThat(((Number) row.get("owner_staff_id")).longValue()).as("a rep cannot give the deal away")
			.isEqualTo(lucia);
		String after = jdbc.sql("""
				SELECT after_state FROM identity_audit_event
				WHERE entity_type = 'OPPORTUNITY' AND entity_id = ? AND action = 'UPDATE'""")
			.param(String.valueOf(id)).query(String.class).single();
		assertThat(after).contains("Enviar la oferta revisada el lunes").contains("2345.5");
		assertThat(rep.get(port, "/opportunities/" + id + "?lang=en").body()).contains("id=\"opportunity-next-step\"")
			.contains("Enviar la oferta revisada el lunes");
		// The API reads and writes the same next step.
		JsonNode read = api.get("/api/v1/opportunities/" + id, "rep").json();
		assertThat(read.get("nextStep").asString()).isEqualTo("Enviar la oferta revisada el lunes");

		HttpResponse<String> refused = rep.postForm(port, "/opportunities/" + id + "/edit",
				form(rep.get(port, "/opportunities/" + id + "?lang=en").body(), Map.of("amount", "-5")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).as("the domain's rule, at its field")
			.containsPattern("id=\"amount-error\">must be zero or more").contains("value=\"-5\"");
		HttpResponse<String> blank = rep.postForm(port, "/opportunities/" + id + "/edit",
				form(rep.get(port, "/opportunities/" + id + "?lang=en").body(), Map.of("title", " ")));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).containsPattern("id=\"title-error\">must not be blank");
		assertThat(jdbc.sql("SELECT amount FROM sales_opportunity WHERE id = ?").param(id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("2345.50");
	}

	@Test
	void aFormReadBeforeSomeoneElsesChangeAnswers409WithTheCurrentVersion() {
		long id = create("800");
		WebSession rep = signedIn("rep");
		String page = rep.get(port, "/opportunities/" + id + "?lang=en").body();
		long read = version(id);
		// Someone else saves first (the API, another tab).
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", read);
		body.put("customerId", customer);
		body.put("title", "Cambiado por otro");
		body.put("amount", "900");
		body.put("expectedClose", LocalDate.now(clock).plusMonths(1).toString());
		body.put("nextStep", "Llamar al gerente");
		assertThat(api.put("/api/v1/opportunities/" + id, "rep", body).status()).isEqualTo(200);
		long current = version(id);
		assertThat(current).isGreaterThan(read);

		HttpResponse<String> stale = rep.postForm(port, "/opportunities/" + id + "/edit",
				form(page, Map.of("amount", "1000")));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("id=\"details-problem\"").contains("Someone else changed this record")
			.contains("name=\"version\" value=\"" + current + "\"");
		assertThat(jdbc.sql("SELECT amount FROM sales_opportunity WHERE id = ?").param(id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("900");
		Api.Response apiStale = api.put("/api/v1/opportunities/" + id, "rep", body);
		assertThat(apiStale.status()).isEqualTo(409);
		assertThat(apiStale.json().get("current").get("version").asLong()).isEqualTo(current);
		assertThat(apiStale.json().get("current").get("nextStep").asString()).isEqualTo("Llamar al gerente");
	}

	@Test
	void losingWithoutAReasonIsRefusedAtTheFieldAndWinningClosesOnTheDay() {
		long id = create("600");
		WebSession rep = signedIn("rep");
		String page = rep.get(port, "/opportunities/" + id + "?lang=es").body();
		String csrf = WebSession.csrf(page);
		HttpResponse<String> noReason = rep.postForm(port, "/opportunities/" + id + "/move",
				Map.of("stage", "LOST", "lossReason", " ", "_csrf", csrf), Map.of("Accept-Language", "es"));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("id=\"loss-reason-error\"").contains("aria-invalid=\"true\"")
			.contains("motivo de pérdida");
		assertThat(noReason.body()).as("the stage chosen stays chosen")
			.containsPattern("<option value=\"LOST\"\\s+selected");
		Api.Response apiNoReason = api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", "LOST"));
		assertThat(apiNoReason.status()).isEqualTo(400);
		assertThat(apiNoReason.json().get("errors").get(0).get("field").asString()).isEqualTo("lossReason");
		assertThat(jdbc.sql("SELECT stage_code FROM sales_opportunity WHERE id = ?").param(id).query(String.class)
			.single()).isEqualTo("PROSPECTING");

		HttpResponse<String> won = rep.postForm(port, "/opportunities/" + id + "/move",
				Map.of("stage", "WON", "_csrf", csrf));
		assertThat(won.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT expected_close FROM sales_opportunity WHERE id = ?").param(id)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.now(clock));
		assertThat(rep.get(port, "/opportunities/" + id + "?lang=en").body()).as("a closed deal is no longer edited")
			.doesNotContain("id=\"details-form\"");
		rep.get(port, "/opportunities/" + id + "?lang=en");
	}

	@Test
	void someoneElsesDealIsNotFoundAndAManagerGivesItOnlyToSomeoneInReach() {
		long someoneElses = api.get("/api/v1/opportunities?size=500&open=true", "director").json().get("content")
			.valueStream()
			.filter(o -> o.get("ownerStaffId").asLong() != lucia)
			.findFirst().orElseThrow().get("id").asLong();
		WebSession rep = signedIn("rep");
		String own = rep.get(port, "/opportunities/" + create("100") + "?lang=en").body();
		HttpResponse<String> notFound = rep.postForm(port, "/opportunities/" + someoneElses + "/edit",
				form(own, Map.of("version", "0")));
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(rep.get(port, "/opportunities/" + someoneElses).statusCode()).isEqualTo(404);

		long id = create("300");
		WebSession manager = signedIn("manager");
		String page = manager.get(port, "/opportunities/" + id + "?lang=en").body();
		assertThat(page).contains("id=\"ownerStaffId\"");
		var inReach = api.get("/api/v1/staff/options?size=500", "manager").json().get("content").valueStream()
			.map(p -> p.get("id").asLong()).toList();
		long colleague = inReach.stream().filter(p -> p != lucia).findFirst().orElseThrow();
		long outOfReach = api.get("/api/v1/staff/options?size=500", "director").json().get("content").valueStream()
			.map(p -> p.get("id").asLong()).filter(p -> !inReach.contains(p)).findFirst().orElseThrow();

		HttpResponse<String> refused = manager.postForm(port, "/opportunities/" + id + "/edit",
				form(page, Map.of("ownerStaffId", String.valueOf(outOfReach))));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"ownerStaffId-error\"").contains("is not an active person you may assign");
		HttpResponse<String> given = manager.postForm(port, "/opportunities/" + id + "/edit",
				form(page, Map.of("ownerStaffId", String.valueOf(colleague))));
		assertThat(given.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT owner_staff_id FROM sales_opportunity WHERE id = ?").param(id).query(Long.class)
			.single()).isEqualTo(colleague);
	}

	@Test
	void aVisitLoggedFromTheCustomerPageKeepsItsOutcomeAndMakesAFollowUpTask() {
		String phone = "+34 600 11 22 " + String.format("%02d", SEQUENCE.incrementAndGet() % 100);
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("fullName", "Zoe Móvil " + SEQUENCE.get());
		contact.put("role", "DECISION_MAKER");
		contact.put("email", "zoe" + SEQUENCE.get() + "@example.com");
		contact.put("phone", phone);
		Api.Response added = api.post("/api/v1/customers/" + customer + "/contacts", "rep", contact);
		assertThat(added.status()).as(added.body()).isBetween(200, 201);

		WebSession rep = signedIn("rep");
		String page = rep.get(port, "/customers/" + customer + "?lang=en").body();
		assertThat(page).contains("href=\"tel:" + phone.replace(" ", "") + "\"")
			.contains("href=\"mailto:zoe" + SEQUENCE.get() + "@example.com\"")
			.contains("id=\"log-visit-form\"");
		LocalDate today = LocalDate.now(clock);
		String outcome = "Interesados en la gama nueva " + SEQUENCE.incrementAndGet();
		String nextStep = "Enviar catálogo y precios " + SEQUENCE.get();

		HttpResponse<String> refused = rep.postForm(port, "/customers/" + customer + "/visits", Map.of("type", "VISIT",
				"plannedOn", today.toString(), "outcome", outcome, "dueOn", today.plusDays(3).toString(),
				"_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(302);
		String again = rep.get(port, "/customers/" + customer + "?lang=en").body();
		assertThat(again).as("the refused field is marked and what was typed is kept")
			.contains("id=\"visit-nextStep-error\"").contains("is needed for a follow-up task").contains(outcome);
		assertThat(activities(outcome)).isZero();

		HttpResponse<String> logged = rep.postForm(port, "/customers/" + customer + "/visits", Map.of("type", "VISIT",
				"plannedOn", today.toString(), "outcome", outcome, "nextStep", nextStep,
				"dueOn", today.plusDays(3).toString(), "_csrf", WebSession.csrf(again)));
		assertThat(logged.statusCode()).isEqualTo(302);
		Map<String, Object> activity = jdbc.sql("""
				SELECT activity_type, planned_on, done_on, next_step, owner_staff_id FROM sales_activity
				WHERE customer_id = ? AND outcome = ?""").param(customer).param(outcome).query().singleRow();
		assertThat(activity.get("activity_type")).isEqualTo("VISIT");
		assertThat(activity.get("done_on").toString()).isEqualTo(today.toString());
		assertThat(activity.get("next_step")).isEqualTo(nextStep);
		assertThat(((Number) activity.get("owner_staff_id")).longValue()).isEqualTo(lucia);
		Map<String, Object> task = jdbc.sql("""
				SELECT due_on, assignee_staff_id, customer_id, completed_on FROM sales_task WHERE title = ?""")
			.param(nextStep).query().singleRow();
		assertThat(task.get("due_on").toString()).isEqualTo(today.plusDays(3).toString());
		assertThat(((Number) task.get("assignee_staff_id")).longValue()).isEqualTo(lucia);
		assertThat(((Number) task.get("customer_id")).longValue()).isEqualTo(customer);
		assertThat(task.get("completed_on")).isNull();
		assertThat(rep.get(port, "/customers/" + customer + "?lang=en").body()).contains("The visit has been recorded");

		// A visit still to come is planned on the agenda, not logged.
		HttpResponse<String> future = rep.postForm(port, "/customers/" + customer + "/visits", Map.of("type", "CALL",
				"plannedOn", today.plusDays(1).toString(), "outcome", outcome + " mañana", "_csrf", WebSession.csrf(again)));
		assertThat(future.statusCode()).isEqualTo(302);
		assertThat(activities(outcome + " mañana")).isZero();
	}

	private long activities(String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM sales_activity WHERE customer_id = ? AND outcome = ?").param(customer)
			.param(outcome).query(Long.class).single();
	}

	/** The details form as the page shows it (its version and values), with some fields changed. */
	private static Map<String, String> form(String page, Map<String, String> changed) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrf(page));
		for (String field : new String[] { "version", "title", "amount", "expectedClose", "nextStep" }) {
			java.util.regex.Matcher m = java.util.regex.Pattern
				.compile("id=\"" + field + "\"[^>]*?value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*?id=\"" + field + "\"")
				.matcher(page);
			if (m.find()) {
				form.put(field, org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1) != null ? m.group(1)
						: m.group(2)));
			}
		}
		form.putAll(changed);
		return form;
	}

	private long version(long id) {
		return jdbc.sql("SELECT version FROM sales_opportunity WHERE id = ?").param(id).query(Long.class).single();
	}

	private WebSession signedIn(String user) {
		WebSession session = new WebSession();
		session.signIn(port, user, "demo");
		return session;
	}

	private long create(String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Móvil " + SEQUENCE.incrementAndGet());
		body.put("amount", amount);
		body.put("expectedClose", LocalDate.now(clock).plusMonths(2).toString());
		Api.Response created = api.post("/api/v1/opportunities", "rep", body);
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
