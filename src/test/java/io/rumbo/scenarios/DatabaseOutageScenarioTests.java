package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.DatabaseSwitch;
import io.rumbo.support.RumboIntegrationTest;

/**
 * While the database cannot be reached, health and readiness say DOWN within two seconds and the API answers 503
 * problem details (whether the failure comes in the token lookup or in a controller); afterwards all is UP again.
 */
@RumboIntegrationTest
class DatabaseOutageScenarioTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void healthIsDownWithinTwoSecondsAndApiAnswers503ProblemsUntilTheDatabaseReturns() throws Exception {
		Api api = new Api(port);
		String token = api.token("admin");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		try (AutoCloseable outage = DatabaseSwitch.unreachable()) {
			for (String probe : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
				long started = System.nanoTime();
				HttpResponse<String> health = get(probe);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as(probe).isLessThan(Duration.ofSeconds(2));
				assertThat(health.statusCode()).as(probe).isEqualTo(503);
				assertThat(health.body()).as(probe).contains("DOWN");
			}
			// Liveness stays UP: restarting the app does not bring the database back.
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			Api.Response list = api.send("GET", "/api/v1/customers", token, null, Map.of("Accept-Language", "es"));
			assertThat(list.status()).isEqualTo(503);
			assertThat(list.contentType()).startsWith("application/problem+json");
			assertThat(list.json().get("type").asString()).isEqualTo("https://rumbo.io/problems/unavailable");
			assertThat(list.json().get("status").asInt()).isEqualTo(503);
			assertThat(list.json().get("title").asString()).isEqualTo("No disponible en este momento");
		}

		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(api.send("GET", "/api/v1/customers", token, null, Map.of()).status()).isEqualTo(200);
	}
}
