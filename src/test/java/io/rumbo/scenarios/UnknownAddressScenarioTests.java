package io.rumbo.scenarios;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address that nothing answers is "not found" for a signed-in reader, on pages and in the API, never an
 * unexpected error (static files are served from their own folders only, so unknown paths reach no handler).
 */
@RumboIntegrationTest
class UnknownAddressScenarioTests {

	@LocalServerPort
	int port;

	@Test
	void anUnknownPageIsNotFound() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		for (String path : new String[] { "/nosuchpage?lang=en", "/recognition&lang=en", "/static/css/rumbo.css" }) {
			HttpResponse<String> page = director.get(port, path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).doesNotContain("Unexpected error");
		}
	}

	/** The language asked for in the address wins over the browser's, on the "not found" page as on every other. */
	@Test
	void anUnknownPageSpeaksTheLanguageTheAddressAsksFor() {
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> english = director.get(port, "/nosuchpage?lang=en", java.util.Map.of("Accept-Language", "es"));
		assertThat(english.statusCode()).isEqualTo(404);
		assertThat(english.body()).contains("Not found").contains("lang=\"en\"").doesNotContain("No encontrado");
		HttpResponse<String> spanish = director.get(port, "/nosuchpage?lang=es", java.util.Map.of("Accept-Language", "en"));
		assertThat(spanish.body()).contains("No encontrado").contains("lang=\"es\"");
	}

	@Test
	void anUnknownApiAddressAnswersANotFoundProblem() {
		var answer = new Api(port).get("/api/v1/no-such-thing", "director");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}
}
