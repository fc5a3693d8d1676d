package io.rumbo.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Error messages name fields as people know them, in their language; pages missing a parameter ask for it. */
@RumboIntegrationTest
class FieldLabelScenarioTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void problemDetailsKeepTheFieldForProgramsAndTheLabelForPeople() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "CALL");
		body.put("plannedOn", "2026-03-02");
		body.put("durationMinutes", 30);
		Api.Response english = api.send("POST", "/api/v1/activities", api.token("rep"), body,
				Map.of("Accept-Language", "en"));
		assertThat(english.status()).isEqualTo(400);
		JsonNode error = english.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("customerId");
		assertThat(error.get("label").asString()).isEqualTo("Customer");
		assertThat(english.json().get("detail").asString()).startsWith("Customer: ").doesNotContain("customerId");

		Api.Response spanish = api.send("POST", "/api/v1/activities", api.token("rep"), body,
				Map.of("Accept-Language", "es"));
		assertThat(spanish.json().get("detail").asString()).startsWith("Cliente: ").doesNotContain("customerId");
		assertThat(spanish.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
	}

	@Test
	void aNewServiceCaseWithoutItsCustomerAsksForOne() {
		WebSession web = new WebSession();
		web.signIn(port, "rep", "demo");
		HttpResponse<String> page = web.get(port, "/service-cases/new?lang=es");
		assertThat(page.body()).contains("id=\"choose-form\"").contains("data-customer-picker")
			.contains("Cliente").doesNotContain("customerId:").doesNotContain("is required");
		HttpResponse<String> english = web.get(port, "/service-cases/new?lang=en");
		assertThat(english.body()).contains("Choose: Customer").contains("action=\"/service-cases/new\"");
	}

	/** Every field a facade names in a validation error has its label in both languages. */
	@Test
	void everyFieldNamedInAValidationErrorHasALabel() throws IOException {
		Pattern named = Pattern.compile("(?:ValidationFailedException\\.of|new ValidationFailedException\\.FieldError|new FieldError)\\(\\s*\"([A-Za-z]+)");
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
				try {
					Matcher m = named.matcher(Files.readString(p));
					while (m.find()) {
						fields.add(m.group(1));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		assertThat(fields).hasSizeGreaterThan(30);
		for (String bundle : new String[] { "messages/shared.properties", "messages/shared_es.properties" }) {
			Properties labels = new Properties();
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(fields).as(bundle).allSatisfy(f -> assertThat(labels).containsKey("shared.field." + f));
		}
	}
}
