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
}
