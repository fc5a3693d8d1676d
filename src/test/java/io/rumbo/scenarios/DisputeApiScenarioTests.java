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
 * Disputes over real HTTP with each role's token, on an approved run of a plan of the test's own (the demo company,
 * this fiscal year's third month): the demo rep questions a line of her statement, not a teammate's (404), nor may
 * a teammate question hers; her leader reads the dispute but does not answer it (403); finance adjusts it at the
 * version read (a stale one answers 409 with the current dispute); each role lists what its scope holds.
 */
@RumboIntegrationTest
class DisputeApiScenarioTests extends ApiTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	static final String DISPUTES = "/api/v1/incentives/disputes";

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
	void theRepQuestionsHerLineHerLeaderReadsAndFinanceAdjusts() {
		int year = calendar.currentYear();
		FiscalPeriod first = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(first.start().plusMonths(2), first.start().plusMonths(3)));
		ComponentDetails revenue = new ComponentDetails("Revenue", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, BigDecimal.ONE)), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails(unique("Dispute API"), year, JobRole.SALESPERSON,
				null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());
		JsonNode run = api.post("/api/v1/payout-runs", "finance", Map.of("period", month, "planId", plan.id())).json();
		long runId = run.get("id").asLong();
		api.post("/api/v1/payout-runs/" + runId + "/approve", "finance", Map.of("version", run.get("version").asLong()));

		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long pablo = staffByName(api, "Pablo Romero").get("id").asLong();
		long hers = firstLine(runId, plan.code(), lucia);
		long his = firstLine(runId, plan.code(), pablo);

		Api.Response blank = api.post(DISPUTES, "rep", Map.of("statementLineId", hers, "comment", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(api.post(DISPUTES, "rep", Map.of("statementLineId", his, "comment", "x")).status())
			.as("a teammate's line is out of her scope").isEqualTo(404);
		assertThat(api.post(DISPUTES, "pablo.romero", Map.of("statementLineId", hers, "comment", "x")).status())
			.isEqualTo(404);
		assertThat(api.post(DISPUTES, "raul.gomez", Map.of("statementLineId", hers, "comment", "x")).status())
			.as("her leader sees the line but does not question it for her").isEqualTo(403);

		Api.Response raised = api.post(DISPUTES, "rep", Map.of("statementLineId", hers,
				"comment", "An order of the 28th is missing."));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		JsonNode dispute = raised.json();
		long id = dispute.get("id").asLong();
		String url = DISPUTES + "/" + id;
		assertThat(dispute.get("state").asString()).isEqualTo("OPEN");
		assertThat(dispute.get("staffId").asLong()).isEqualTo(lucia);
		assertThat(api.post(DISPUTES, "rep", Map.of("statementLineId", hers, "comment", "again")).status())
			.as("one open dispute per line").isEqualTo(409);
		assertThat(api.get("/api/v1/statements/" + runId + "/" + plan.code() + "/" + lucia, "rep").json()
			.get("lines").get(0).get("dispute").get("state").asString()).isEqualTo("OPEN");

		assertThat(api.get(url, "pablo.romero").status()).isEqualTo(404);
		assertThat(api.get(url, "marina.torres").status()).as("another team's leader").isEqualTo(404);
		assertThat(api.get(url, "raul.gomez").status()).isEqualTo(200);
		long version = dispute.get("version").asLong();
		assertThat(api.post(url + "/answer", "raul.gomez", Map.of("version", version, "comment", "ok")).status())
			.as("managers read, finance answers").isEqualTo(403);
		assertThat(api.post(url + "/answer", "rep", Map.of("version", version, "comment", "ok")).status())
			.isEqualTo(403);
		assertThat(api.post(url + "/reject", "admin", Map.of("version", version, "reason", "no")).status())
			.as("administrators do not approve runs").isEqualTo(403);
		Api.Response stale = api.post(url + "/adjust", "finance",
				Map.of("version", version + 1, "amount", 25, "reason", "late order"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(version);
		assertThat(stale.json().get("current").get("state").asString()).isEqualTo("OPEN");
		assertThat(api.post(url + "/adjust", "finance", Map.of("version", version, "amount", 0, "reason", "x"))
			.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
		Api.Response adjusted = api.post(url + "/adjust", "finance",
				Map.of("version", version, "amount", new BigDecimal("25.50"), "reason", "The order of the 28th."));
		assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
		assertThat(adjusted.json().get("state").asString()).isEqualTo("ADJUSTED");
		assertThat(adjusted.json().get("adjustment").decimalValue()).isEqualByComparingTo("25.50");
		assertThat(adjusted.json().get("resolvedBy").asString()).isEqualTo("finance");
		assertThat(api.post(url + "/answer", "finance", Map.of("version", adjusted.json().get("version").asLong(),
				"comment", "after all")).status()).as("closed").isEqualTo(409);
		assertThat(jdbc.sql("SELECT action FROM identity_audit_event WHERE entity_type = 'PAYOUT_DISPUTE' "
				+ "AND entity_id = :id ORDER BY id").param("id", Long.toString(id)).query(String.class).list())
			.containsExactly("RAISE", "ADJUST");

		String list = DISPUTES + "?runId=" + runId + "&size=50&sort=raisedAt,desc";
		assertThat(ids(api.get(list, "rep").json())).containsExactly(id);
		assertThat(ids(api.get(list, "pablo.romero").json())).isEmpty();
		assertThat(ids(api.get(list, "raul.gomez").json())).containsExactly(id);
		assertThat(ids(api.get(list, "finance").json())).containsExactly(id);
		assertThat(ids(api.get(list, "director").json())).containsExactly(id);
		assertThat(ids(api.get(list + "&state=OPEN", "finance").json())).isEmpty();
		JsonNode page = api.get(list + "&state=ADJUSTED", "finance").json();
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
	}

	long firstLine(long runId, String planCode, long staffId) {
		Api.Response statement = api.get("/api/v1/statements/" + runId + "/" + planCode + "/" + staffId, "finance");
		assertThat(statement.status()).as(statement.body()).isEqualTo(200);
		return statement.json().get("lines").get(0).get("id").asLong();
	}

	static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(d -> ids.add(d.get("id").asLong()));
		return ids;
	}
}
