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

/**
 * The payout pages over HTTP with real sessions, on a plan of the test's own (2 % of monthly revenue, this fiscal
 * year's second month): finance calculates a run from the runs page, reviews it and approves it, downloads the
 * payroll file; the demo rep finds her statement in Spanish and in English and opens the orders behind its figure.
 */
@RumboIntegrationTest
class PayoutPageScenarioTests extends ApiTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	@LocalServerPort
	int port;

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void financeRunsReviewsAndApprovesAndTheRepReadsHerStatement() {
		int year = calendar.currentYear();
		FiscalPeriod whole = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(whole.start().plusMonths(1),
				whole.start().plusMonths(2)));
		ComponentDetails revenue = new ComponentDetails("Ingresos", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("2"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails(unique("Payout page"), year, JobRole.SALESPERSON,
				null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());

		WebSession finance = new WebSession();
		finance.signIn(port, "finance", "demo");
		HttpResponse<String> list = finance.get(port, "/incentives/runs?lang=en");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Payout runs").contains("id=\"new-run\"");
		HttpResponse<String> created = finance.postForm(port, "/incentives/runs", Map.of("_csrf",
				WebSession.csrf(list.body()), "period", month, "planId", String.valueOf(plan.id())));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String runPath = location.substring(location.indexOf("/incentives/runs/"));
		long runId = Long.parseLong(runPath.substring("/incentives/runs/".length()));
		HttpResponse<String> run = finance.get(port, runPath + "?lang=en");
		assertThat(run.body()).contains("The run was calculated.").contains("id=\"approve-run\"")
			.contains("Draft").doesNotContain("id=\"payroll-csv\"");
		assertThat(run.body()).as("the run names its plan, the code in the tooltip")
			.contains("title=\"" + plan.code() + "\">" + plan.details().name() + "</dd>");
		assertThat(finance.get(port, "/incentives/runs?lang=en&q=" + month).body()).as("the runs list names the plans")
			.contains("title=\"" + plan.code() + "\">" + plan.details().name() + "</td>");
		long version = new Api(port).get("/api/v1/payout-runs/" + runId, "finance").json().get("version").asLong();
		HttpResponse<String> approved = finance.postForm(port, runPath + "/approve",
				Map.of("_csrf", WebSession.csrf(run.body()), "version", String.valueOf(version)));
		assertThat(approved.statusCode()).isEqualTo(302);
		HttpResponse<String> locked = finance.get(port, runPath + "?lang=en");
		assertThat(locked.body()).contains("The run is approved and locked.").contains("id=\"payroll-csv\"")
			.doesNotContain("id=\"approve-run\"").doesNotContain("id=\"recalculate-run\"");
		HttpResponse<String> payroll = finance.get(port, runPath + "/payroll?format=csv");
		assertThat(payroll.statusCode()).isEqualTo(200);
		assertThat(payroll.body()).contains("employeeNumber").contains(plan.code() + ",1,Ingresos,");

		HttpResponse<String> runList = finance.get(port, "/incentives/runs?lang=en&format=csv&q=" + month);
		assertThat(runList.statusCode()).isEqualTo(200);
		assertThat(runList.body()).contains("Total payable").contains(month);
		HttpResponse<String> statementList = finance.get(port,
				"/incentives/statements?lang=en&format=csv&runId=" + runId);
		assertThat(statementList.statusCode()).isEqualTo(200);
		assertThat(statementList.body()).contains("Payable").contains(plan.code());

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/incentives/runs?lang=en").statusCode()).isEqualTo(403);
		HttpResponse<String> mine = rep.get(port, "/incentives/statements?lang=es&runId=" + runId);
		assertThat(mine.body()).contains("Extractos").contains("Lucía García Martín");
		long lucia = new Api(port).get("/api/v1/staff/me", "rep").json().get("id").asLong();
		HttpResponse<String> statement = rep.get(port,
				"/incentives/statements/" + runId + "/" + plan.code() + "/" + lucia + "?lang=en");
		assertThat(statement.statusCode()).isEqualTo(200);
		assertThat(statement.body()).contains("Statement of Lucía García Martín").contains("Earning")
			.contains("/metrics/records?measure=revenue&amp;period=" + month + "&amp;person=" + lucia);
		long pablo = staffByName(new Api(port), "Pablo Romero").get("id").asLong();
		assertThat(rep.get(port, "/incentives/statements/" + runId + "/" + plan.code() + "/" + pablo + "?lang=en")
			.statusCode()).as("a teammate's statement").isEqualTo(404);
	}
}
