package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

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
 * A statement as a PDF, in the person's language whoever asks: on a plan of the test's own (3 % of monthly revenue,
 * this fiscal year's third month) that finance runs and approves, the demo rep's statement comes in Spanish while
 * her account is in Spanish (even to finance asking in English), in English once she switches, with the same lines
 * and amounts as the JSON; the statement page links to it; a teammate gets 404.
 */
@RumboIntegrationTest
class StatementPdfScenarioTests extends ApiTestSupport {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director",
			Set.of(Role.DIRECTOR));

	@LocalServerPort
	int port;

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void theStatementPrintsInThePersonsLanguage() throws Exception {
		Api api = new Api(port);
		int year = calendar.currentYear();
		FiscalPeriod whole = calendar.years().year(year);
		String month = calendar.years().code(new FiscalPeriod(whole.start().plusMonths(2),
				whole.start().plusMonths(3)));
		ComponentDetails revenue = new ComponentDetails("Ingresos PDF", Metric.REVENUE, MeasuredOn.PERSON, null,
				Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, new BigDecimal("3"))), null, null, null, null, null, null,
				List.of(), null, null, null);
		PlanView draft = plans.create(DIRECTOR, new PlanDetails(unique("Statement PDF"), year, JobRole.SALESPERSON,
				null, List.of(), ProrationRule.DAYS, null, DrawKind.NONE, null, ClawbackPolicy.FULL, null,
				List.of(revenue)));
		PlanView plan = plans.approve(DIRECTOR, draft.id(), draft.version());
		JsonNode run = api.post("/api/v1/payout-runs", "finance", Map.of("period", month, "planId", plan.id())).json();
		long runId = run.get("id").asLong();
		api.post("/api/v1/payout-runs/" + runId + "/approve", "finance", Map.of("version", run.get("version").asLong()));
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		String url = "/api/v1/statements/" + runId + "/" + plan.code() + "/" + lucia;
		JsonNode statement = api.get(url, "rep").json();
		BigDecimal payable = statement.get("summary").get("payable").decimalValue();
		BigDecimal value = statement.get("lines").get(0).get("value").decimalValue();

		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		try {
			assertThat(rep.get(port, "/incentives/statements/" + runId + "/" + plan.code() + "/" + lucia + "?lang=es")
				.body()).contains("id=\"statement-pdf\"").contains(".pdf");
			HttpResponse<byte[]> spanish = pdf(api, url, "finance", "en");
			assertThat(spanish.statusCode()).isEqualTo(200);
			assertThat(spanish.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
			assertThat(new String(spanish.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
				.isEqualTo("%PDF-");
			String es = text(spanish.body());
			assertThat(es).as("in her language, though finance asks in English")
				.contains("Lucía García Martín").contains(month).contains("Ingresos PDF").contains("A pagar")
				.contains(String.format(java.util.Locale.ROOT, "%,.2f", payable).replace(',', 'X').replace('.', ',')
					.replace('X', '.'))
				.doesNotContain("Payable");

			rep.get(port, "/incentives/statements?lang=en");
			String en = text(pdf(api, url, "rep", "es").body());
			assertThat(en).contains("Statement of Lucía García Martín").contains("Payable")
				.contains(String.format(java.util.Locale.ROOT, "%,.2f", payable))
				.contains(String.format(java.util.Locale.ROOT, "%,.2f", value)).doesNotContain("A pagar");

			HttpResponse<String> page = rep.get(port,
					"/incentives/statements/" + runId + "/" + plan.code() + "/" + lucia + ".pdf");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).startsWith("%PDF-");
			long pablo = staffByName(api, "Pablo Romero").get("id").asLong();
			assertThat(pdf(api, url, "pablo.romero", "en").statusCode()).as("a teammate").isEqualTo(404);
			assertThat(pdf(api, "/api/v1/statements/" + runId + "/" + plan.code() + "/" + pablo, "rep", "en")
				.statusCode()).isEqualTo(404);
		}
		finally {
			rep.get(port, "/incentives/statements?lang=en");
		}
	}

	private HttpResponse<byte[]> pdf(Api api, String path, String user, String language) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + api.token(user)).header("Accept", "application/pdf")
			.header("Accept-Language", language).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		try {
			StringBuilder text = new StringBuilder();
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}
}
