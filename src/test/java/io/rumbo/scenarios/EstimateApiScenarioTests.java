package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The what-if estimator over real HTTP with each role's token, on the demo's plans of this fiscal year: the demo rep
 * reads only her own estimate (a teammate's is not found), her team's leader reads hers and her teammate's but not
 * another team's, finance and the director read anyone's; the what-if grows with the attainment asked and the
 * opportunities come by what they would add.
 */
@RumboIntegrationTest
class EstimateApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void eachRoleReadsTheEstimatesOfItsScopeOnly() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long pablo = staffByName(api, "Pablo Romero").get("id").asLong();
		String url = "/api/v1/incentives/estimates/" + lucia;

		Api.Response own = api.get(url + "?attainment=150", "rep");
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		JsonNode estimate = own.json();
		assertThat(estimate.get("staffId").asLong()).isEqualTo(lucia);
		assertThat(estimate.get("planCode").isNull()).as("the demo puts every salesperson on a plan").isFalse();
		assertThat(estimate.get("attainment").decimalValue()).isEqualByComparingTo("150");
		assertThat(estimate.get("components").size()).isPositive();
		assertThat(estimate.get("curve").size()).isEqualTo(31);
		BigDecimal at150 = estimate.get("whatIf").decimalValue();
		BigDecimal at100 = api.get(url, "rep").json().get("whatIf").decimalValue();
		assertThat(at150).as("more attainment, more pay").isGreaterThan(at100);
		List<BigDecimal> adds = new ArrayList<>();
		estimate.get("opportunities").forEach(o -> adds.add(o.get("adds").decimalValue()));
		assertThat(adds).as("by what they would add").isSortedAccordingTo(java.util.Comparator.reverseOrder());

		assertThat(api.get("/api/v1/incentives/estimates/" + pablo, "rep").status()).as("a teammate")
			.isEqualTo(404);
		List<Long> mine = new ArrayList<>();
		api.get("/api/v1/incentives/estimates", "rep").json().get("content")
			.forEach(p -> mine.add(p.get("id").asLong()));
		assertThat(mine).containsExactly(lucia);

		assertThat(api.get(url, "raul.gomez").status()).as("her team's leader").isEqualTo(200);
		assertThat(api.get("/api/v1/incentives/estimates/" + pablo, "raul.gomez").status()).isEqualTo(200);
		List<Long> team = new ArrayList<>();
		api.get("/api/v1/incentives/estimates?size=100", "raul.gomez").json().get("content")
			.forEach(p -> team.add(p.get("id").asLong()));
		assertThat(team).contains(lucia, pablo);
		assertThat(api.get(url, "marina.torres").status()).as("another team's leader").isEqualTo(404);
		assertThat(api.get(url, "finance").status()).isEqualTo(200);
		assertThat(api.get(url, "director").status()).isEqualTo(200);

		assertThat(api.get(url + "?attainment=1001", "rep").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/incentives/estimates/999999999", "finance").status()).isEqualTo(404);
	}
}
