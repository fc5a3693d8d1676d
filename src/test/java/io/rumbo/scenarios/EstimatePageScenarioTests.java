package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

/**
 * "My earnings" over HTTP with real sessions: the demo rep opens her estimate from the menu, in Spanish and in
 * English, types an attainment the way her language writes it and gets the what-if fragment htmx swaps; a teammate's
 * estimate is not found; her team's leader chooses among his people.
 */
@RumboIntegrationTest
class EstimatePageScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Test
	void theRepEstimatesHerEarningsAndHerLeaderChoosesAmongHisPeople() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		HttpResponse<String> home = rep.get(port, "/incentives/statements?lang=en");
		assertThat(home.body()).contains("id=\"nav-estimates\"").contains("My earnings");
		HttpResponse<String> page = rep.get(port, "/incentives/estimates?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("My earnings: estimate").contains("Lucía García Martín")
			.contains("id=\"estimate-components\"").contains("id=\"estimate-chart-data\"")
			.contains("Earned this year").contains("value=\"100.0\"").doesNotContain("id=\"staffId\"");
		HttpResponse<String> spanish = rep.get(port, "/incentives/estimates?lang=es&attainment=120,5");
		assertThat(spanish.statusCode()).isEqualTo(200);
		assertThat(spanish.body()).contains("Mis ganancias: estimación").contains("value=\"120,5\"")
			.contains("Al 120,5");
		HttpResponse<String> fragment = rep.get(port, "/incentives/estimates?lang=en&attainment=150",
				java.util.Map.of("HX-Request", "true"));
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).startsWith("<section").contains("id=\"estimate-whatif\"").contains("At 150")
			.doesNotContain("<html");
		HttpResponse<String> wrong = rep.get(port, "/incentives/estimates?lang=en&attainment=1.5.5");
		assertThat(wrong.statusCode()).isEqualTo(400);
		long pablo = staffByName(new Api(port), "Pablo Romero").get("id").asLong();
		assertThat(rep.get(port, "/incentives/estimates?lang=en&staffId=" + pablo).statusCode()).isEqualTo(404);

		WebSession leader = new WebSession();
		leader.signIn(port, "raul.gomez", "demo");
		HttpResponse<String> team = leader.get(port, "/incentives/estimates?lang=en&staffId=" + pablo);
		assertThat(team.statusCode()).isEqualTo(200);
		assertThat(team.body()).contains("id=\"staffId\"").contains("Pablo Romero").contains("Lucía García Martín");
	}

	/**
	 * The browser walk's findings: the stage by its name in the reader's language, counts with their unit word, an
	 * attainment that is not a number shown at its field (htmx and plain) with what was typed, and the secondary
	 * columns hidden on a phone.
	 */
	@Test
	void theEstimateNamesStagesAndUnitsAndShowsAWrongAttainmentAtItsField() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String en = rep.get(port, "/incentives/estimates?lang=en").body();
		String es = rep.get(port, "/incentives/estimates?lang=es").body();
		// The stage by its name, never its code.
		assertThat(en).contains(">Prospecting (10%)<").doesNotContain(">PROSPECTING (");
		assertThat(es).contains(">Prospección (10\u00a0%)<").doesNotContain(">PROSPECTING (");
		// The SPIFF counts units: with their word, as the language writes the number.
		// The rep's units depend on what other tests booked for her; the unit word is what is checked.
		// Units credited in shares (an order split 60/40) may carry a decimal.
		assertThat(en).containsPattern(">[\\d,]+(\\.\\d+)? units?<");
		assertThat(es).containsPattern(">[\\d.]+(,\\d+)? unidades?<");
		// On a phone only the component or opportunity and what it pays or would add stay; the rest is hidden.
		assertThat(en).contains("<th scope=\"col\" class=\"d-none d-md-table-cell\">Period</th>")
			.contains("<th scope=\"col\" class=\"d-none d-md-table-cell\">Customer</th>")
			.contains("<th scope=\"col\" class=\"text-end\">Would add</th>")
			.contains("<div class=\"table-responsive\">\n      <table class=\"table table-sm align-middle\" id=\"estimate-components\">");

		// A plain submit of an attainment that is not a number: the page again, the error at the field with what was typed.
		HttpResponse<String> plain = rep.get(port, "/incentives/estimates?lang=en&attainment=abc");
		assertThat(plain.statusCode()).isEqualTo(400);
		assertThat(plain.body()).contains("My earnings: estimate").contains("value=\"abc\"")
			.contains("aria-describedby=\"attainment-help attainment-error\" aria-invalid=\"true\"")
			.contains("id=\"attainment-error\" class=\"invalid-feedback\" role=\"alert\">&quot;abc&quot; is not a number")
			.contains("id=\"estimate-whatif\"");
		// With htmx: the what-if at the attainment in force, carrying the reason in the reader's language for the field.
		HttpResponse<String> htmx = rep.get(port, "/incentives/estimates?lang=es&attainment=abc",
				java.util.Map.of("HX-Request", "true"));
		assertThat(htmx.statusCode()).isEqualTo(400);
		assertThat(htmx.body()).startsWith("<section id=\"estimate-whatif\" data-attainment-error=\"«abc» no es un número")
			.doesNotContain("<html");
		assertThat(rep.get(port, "/incentives/estimates?lang=en&attainment=120", java.util.Map.of("HX-Request", "true"))
			.body()).startsWith("<section id=\"estimate-whatif\">");
	}
}
