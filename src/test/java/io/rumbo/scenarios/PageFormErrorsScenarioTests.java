package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A page form that a facade refuses shows the reason on its page, in the user's language, not an error page. */
@RumboIntegrationTest
class PageFormErrorsScenarioTests {

	@LocalServerPort
	int port;

	@Test
	void aProductLineWithABadCodeIsRefusedOnTheLinesPageInSpanish() {
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		String page = admin.get(port, "/catalog/lines?lang=es").body();
		HttpResponse<String> refused = admin.postForm(port, "/catalog/lines", Map.of("code", "no vale!", "nameEs",
				"Línea rota", "nameEn", "Broken line", "_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/catalog/lines");
		HttpResponse<String> back = admin.get(port, "/catalog/lines");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body())
			.contains("El código debe tener de 1 a 32 letras, dígitos, puntos, guiones o guiones bajos.")
			.contains("alert-danger")
			.doesNotContain("Línea rota")
			.doesNotContain("Error inesperado")
			.doesNotContain("Datos no válidos");
	}

	@Test
	void aNegativeCostIsRefusedOnTheProductPageInEnglish() {
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		String page = admin.get(port, "/catalog/products?lang=en").body();
		String product = page.replaceAll("(?s).*href=\"/catalog/products/(\\d+)\".*", "$1");
		HttpResponse<String> refused = admin.postForm(port, "/catalog/products/" + product + "/costs",
				Map.of("standardCost", "-1", "validFrom", "2025-01-01", "_csrf", WebSession.csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(302);
		HttpResponse<String> back = admin.get(port, refused.headers().firstValue("Location").orElseThrow()
			.replaceFirst("^https?://[^/]+", ""));
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("alert-danger").doesNotContain("Unexpected error");
	}
}
