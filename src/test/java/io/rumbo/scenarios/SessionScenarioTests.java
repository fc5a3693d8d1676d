package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.RumboApplication;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Page sign-in, CSRF, language and sessions kept in the database, shared by a second instance. */
@RumboIntegrationTest
class SessionScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecondInstanceOnTheSameDatabaseServesTheSignedInUser() {
		WebSession browser = new WebSession();
		HttpResponse<String> signedIn = browser.signIn(port, "manager", "demo");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'manager'").query(Long.class)
			.single()).isPositive();

		// Command-line arguments, because they outrank the test configuration files.
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RumboApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""))) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			HttpResponse<String> page = browser.get(secondPort, "/organization/staff");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Javier Moreno Díaz").contains("Sara");
		}
	}

	@Test
	void pagesNeedSignInAndFormsNeedTheCsrfToken() {
		WebSession anonymous = new WebSession();
		HttpResponse<String> page = anonymous.get(port, "/organization/staff");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
		HttpResponse<String> forged = anonymous.postForm(port, "/login",
				Map.of("username", "manager", "password", "demo"));
		assertThat(forged.statusCode() == 403 || forged.headers().firstValue("Location").orElse("").contains("/login"))
			.as("a sign-in without the CSRF token is refused").isTrue();
		assertThat(anonymous.get(port, "/organization/staff").statusCode()).as("still not signed in").isEqualTo(302);
		HttpResponse<String> wrong = new WebSession().signIn(port, "manager", "nope");
		assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error=bad");
	}

	@Test
	void theChosenLanguageIsRememberedForTheUser() {
		WebSession first = new WebSession();
		first.signIn(port, "director", "demo");
		assertThat(first.get(port, "/organization/chart?lang=es").body()).contains("Organigrama");
		assertThat(jdbc.sql("SELECT locale FROM identity_user WHERE username = 'director'").query(String.class).single())
			.isEqualTo("es");

		WebSession later = new WebSession();
		later.signIn(port, "director", "demo");
		assertThat(later.get(port, "/organization/chart").body()).as("a new session on another browser")
			.contains("Organigrama");
		later.get(port, "/organization/chart?lang=en");
		assertThat(later.get(port, "/organization/chart").body()).contains("Org chart");
	}

	@Test
	void healthReportsUpWithTheDatabaseAndMetricsAreExposed() {
		WebSession anonymous = new WebSession();
		HttpResponse<String> health = anonymous.get(port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(anonymous.get(port, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		assertThat(anonymous.get(port, "/v3/api-docs").body()).contains("/api/v1/staff").contains("/api/v1/org-units")
			.contains("/api/v1/users");
	}
}
