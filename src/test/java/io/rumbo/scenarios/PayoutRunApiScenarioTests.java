package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * Payout runs over real HTTP with each role's token, on a plan of the test's own (1 % of each salesperson's monthly
 * revenue in the demo company, this fiscal year's first month): finance calculates and approves, nobody else does;
 * the demo rep sees only her own statement, her team's leader sees it, a teammate does not; only finance and
 * administrators export the payroll file.
 */
@RumboIntegrationTest
class PayoutRunApiScenarioTests extends ApiTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void financeRunsAndApprovesAndEachRoleSeesOnlyItsStatements() {
		int year = calendar.currentYear();
		FiscalPeriod first = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(first.start(), first.start().plusMonths(1)));
		ComponentDetails revenue = new ComponentDetails("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, BigDecimal.ONE)), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails(unique("Payout API"), year, JobRole.SALESPERSON,
				null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());

		Map<String, Object> body = Map.of("period", month, "planId", plan.id());
		assertThat(api.post("/api/v1/payout-runs", "rep", body).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/payout-runs", "manager", body).status()).isEqualTo(403);
		Api.Response created = api.post("/api/v1/payout-runs", "finance", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode run = created.json();
		long id = run.get("id").asLong();
		String url = "/api/v1/payout-runs/" + id;
		assertThat(run.get("state").asString()).isEqualTo("DRAFT");
		assertThat(run.get("people").asInt()).isPositive();
		assertThat(api.post("/api/v1/payout-runs", "finance", body).status()).as("paid once per period")
			.isEqualTo(409);
		assertThat(api.get(url, "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/payout-runs", "rep").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/statements?runId=" + id, "rep").json().get("content")).as("a draft is not hers")
			.isEmpty();
		assertThat(api.get(url, "finance", Map.of("Accept", "text/csv")).status())
			.as("a draft is not exported").isEqualTo(409);

		Map<String, Object> version = Map.of("version", run.get("version").asLong());
		assertThat(api.post(url + "/approve", "admin", version).status()).as("finance approves").isEqualTo(403);
		assertThat(api.post(url + "/approve", "finance", Map.of("version", run.get("version").asLong() + 1))
			.status()).isEqualTo(409);
		JsonNode approved = api.post(url + "/approve", "finance", version).json();
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("approvedBy").asString()).isEqualTo("finance");
		assertThat(api.post(url + "/recalculate", "finance", Map.of("version", approved.get("version").asLong()))
			.status()).as("locked").isEqualTo(409);

		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long pablo = staffByName(api, "Pablo Romero").get("id").asLong();
		JsonNode hers = api.get("/api/v1/statements?runId=" + id + "&size=500", "rep").json();
		assertThat(staffIds(hers)).containsExactly(lucia);
		assertThat(staffIds(api.get("/api/v1/statements?runId=" + id + "&size=500", "raul.gomez").json()))
			.contains(lucia, pablo);
		assertThat(staffIds(api.get("/api/v1/statements?runId=" + id + "&size=500", "finance").json()))
			.hasSize(approved.get("people").asInt());
		String statement = "/api/v1/statements/" + id + "/" + plan.code() + "/" + lucia;
		Api.Response own = api.get(statement, "rep");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		JsonNode line = own.json().get("lines").get(0);
		assertThat(line.get("kind").asString()).isEqualTo("EARNING");
		assertThat(line.get("rate").decimalValue()).isEqualByComparingTo("1");
		assertThat(line.get("amount").decimalValue()).isEqualByComparingTo(
				line.get("value").decimalValue().movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP));
		assertThat(line.get("records").asString()).startsWith("/api/v1/metrics/revenue/records?period=" + month);
		assertThat(api.get(line.get("records").asString(), "rep").status()).as("the drill-down opens").isEqualTo(200);
		assertThat(api.get(statement, "pablo.romero").status()).as("a teammate").isEqualTo(404);
		assertThat(api.get(statement, "marina.torres").status()).as("another team's leader").isEqualTo(404);
		assertThat(api.get(statement, "raul.gomez").status()).as("her team's leader").isEqualTo(200);

		assertThat(api.get(url, "rep", Map.of("Accept", "text/csv")).status()).isEqualTo(403);
		assertThat(api.get(url, "manager", Map.of("Accept", "text/csv")).status()).isEqualTo(403);
		assertThat(api.get(url, "director", Map.of("Accept", "text/csv")).status()).isEqualTo(403);
		Api.Response payroll = api.get(url, "finance", Map.of("Accept", "text/csv"));
		assertThat(payroll.status()).isEqualTo(200);
		assertThat(payroll.body()).contains("employeeNumber,name,period,plan,component,componentName,gross")
			.contains(month + "," + plan.code() + ",1,Revenue,");
		assertThat(api.get(url, "finance").json().get("exportedBy").asString()).isEqualTo("finance");
		assertThat(jdbc.sql("SELECT action FROM identity_audit_event WHERE entity_type = 'PAYOUT_RUN' "
				+ "AND entity_id = :id ORDER BY id").param("id", Long.toString(id)).query(String.class).list())
			.containsExactly("CALCULATE", "APPROVE", "EXPORT");
	}

	static List<Long> staffIds(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(s -> ids.add(s.get("staffId").asLong()));
		return ids;
	}
}
