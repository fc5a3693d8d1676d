package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The dispute pages over HTTP with real sessions, on an approved run of a plan of the test's own (this fiscal
 * year's fourth month): the demo rep questions a line from her statement with htmx (an empty question comes back
 * with the error at the field), the line then shows the dispute open, in English and Spanish; finance finds it in
 * the disputes list and its exports, and adjusts it with an amount typed the Spanish way; her leader reads it
 * without the forms.
 */
@RumboIntegrationTest
class DisputePageScenarioTests extends ApiTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort
	int port;

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void theRepQuestionsALineAndFinanceAdjustsIt() {
		int year = calendar.currentYear();
		FiscalPeriod whole = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(whole.start().plusMonths(3),
				whole.start().plusMonths(4)));
		ComponentDetails revenue = new ComponentDetails("Ingresos", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("2"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails(unique("Dispute page"), year, JobRole.SALESPERSON,
				null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());
		Api api = new Api(port);
		JsonNode run = api.post("/api/v1/payout-runs", "finance", Map.of("period", month, "planId", plan.id())).json();
		long runId = run.get("id").asLong();
		api.post("/api/v1/payout-runs/" + runId + "/approve", "finance", Map.of("version", run.get("version").asLong()));
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		String path = "/incentives/statements/" + runId + "/" + plan.code() + "/" + lucia;
		long line = api.get("/api/v1/statements/" + runId + "/" + plan.code() + "/" + lucia, "rep").json()
			.get("lines").get(0).get("id").asLong();

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		HttpResponse<String> statement = rep.get(port, path + "?lang=en");
		assertThat(statement.statusCode()).isEqualTo(200);
		assertThat(statement.body()).contains("Question this line").contains("id=\"dispute-form-" + line + "\"");
		String raise = "/incentives/statements/lines/" + line + "/dispute?lang=en";
		String csrf = WebSession.csrf(statement.body());
		HttpResponse<String> empty = rep.postForm(port, raise, Map.of("_csrf", csrf, "back", path, "comment", " "),
				HTMX);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"dispute-form-" + line + "\"").contains("is-invalid")
			.contains("Write what you question about this line.").doesNotContain("<html");
		HttpResponse<String> sent = rep.postForm(port, raise,
				Map.of("_csrf", csrf, "back", path, "comment", "The order of the 12th is missing."), HTMX);
		assertThat(sent.statusCode()).as("htmx reloads the page itself, no redirect for the request to follow")
			.isEqualTo(200);
		assertThat(sent.headers().firstValue("HX-Redirect")).hasValueSatisfying(v -> assertThat(v).endsWith(path));
		assertThat(sent.body()).contains("Your question was sent to finance.");
		HttpResponse<String> after = rep.get(port, path + "?lang=en");
		assertThat(after.body()).contains("Your question was sent to finance.").contains("dispute-state")
			.contains(">Open<").doesNotContain("id=\"dispute-form-" + line + "\"");
		assertThat(rep.get(port, path + "?lang=es").body()).contains(">Abierta<").contains("Reclamación");
		assertThat(rep.get(port, "/incentives/disputes?lang=en&runId=" + runId).body())
			.contains("Lucía García Martín").contains(">Open<");

		long id = api.get("/api/v1/incentives/disputes?runId=" + runId, "finance").json().get("content").get(0)
			.get("id").asLong();
		WebSession finance = new WebSession();
		finance.signIn(port, "finance", "demo");
		HttpResponse<String> list = finance.get(port, "/incentives/disputes?lang=en&state=OPEN&runId=" + runId);
		assertThat(list.body()).contains("Disputes").contains("/incentives/disputes/" + id).contains("Lucía García Martín");
		HttpResponse<String> csv = finance.get(port, "/incentives/disputes?format=csv&lang=en&runId=" + runId);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("Question").contains("The order of the 12th is missing.");
		assertThat(finance.get(port, "/incentives/disputes?format=xlsx&runId=" + runId).statusCode()).isEqualTo(200);

		HttpResponse<String> page = finance.get(port, "/incentives/disputes/" + id + "?lang=es");
		assertThat(page.body()).contains("id=\"dispute-adjust\"").contains("The order of the 12th is missing.");
		assertThat(page.body()).as("finance reads a neutral label and the plan's name, its code in the tooltip")
			.contains(">Pregunta<").doesNotContain("Su pregunta")
			.containsPattern("id=\"dispute-statement\"[^>]*title=\"" + plan.code() + "\"[^>]*>[^<]*"
					+ java.util.regex.Pattern.quote(plan.details().name()));
		String version = String.valueOf(api.get("/api/v1/incentives/disputes/" + id, "finance").json()
			.get("version").asLong());
		HttpResponse<String> wrong = finance.postForm(port, "/incentives/disputes/" + id + "/adjust?lang=es",
				Map.of("_csrf", WebSession.csrf(page.body()), "version", version, "amount", "12.5.0", "reason", "x"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("is-invalid").contains("value=\"12.5.0\"");
		HttpResponse<String> adjusted = finance.postForm(port, "/incentives/disputes/" + id + "/adjust?lang=es",
				Map.of("_csrf", WebSession.csrf(page.body()), "version", version, "amount", "1.012,50",
						"reason", "Pedido del 12 registrado tarde."));
		assertThat(adjusted.statusCode()).isEqualTo(302);
		JsonNode dispute = api.get("/api/v1/incentives/disputes/" + id, "rep").json();
		assertThat(dispute.get("state").asString()).isEqualTo("ADJUSTED");
		assertThat(dispute.get("adjustment").decimalValue()).isEqualByComparingTo("1012.50");
		assertThat(finance.get(port, "/incentives/disputes/" + id + "?lang=en").body()).contains("Adjusted")
			.contains("to be paid by the next payout run of the plan").doesNotContain("id=\"dispute-forms\"");

		WebSession leader = new WebSession();
		leader.signIn(port, "raul.gomez", "demo");
		HttpResponse<String> read = leader.get(port, "/incentives/disputes/" + id + "?lang=en");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("Pedido del 12 registrado tarde.").doesNotContain("id=\"dispute-forms\"");
		WebSession teammate = new WebSession();
		teammate.signIn(port, "pablo.romero", "demo");
		assertThat(teammate.get(port, "/incentives/disputes/" + id + "?lang=en").statusCode()).isEqualTo(404);
	}
}
