package io.rumbo.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a TLS proxy the session cookie is Secure; pages restrict base URIs, form targets and referrers. */
@RumboIntegrationTest
class HttpsHeadersScenarioTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> login(String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysHttps() throws Exception {
		List<String> proxied = login("X-Forwarded-Proto", "https").headers().allValues("Set-Cookie");
		assertThat(proxied).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
		List<String> plain = login().headers().allValues("Set-Cookie");
		assertThat(plain).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
	}

	@Test
	void pagesLimitBaseUrisFormTargetsAndReferrers() throws Exception {
		HttpResponse<String> page = login();
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("base-uri 'self'")
			.contains("form-action 'self'");
		assertThat(page.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("strict-origin-when-cross-origin");
	}
}
