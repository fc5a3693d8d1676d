package io.rumbo.identity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.RumboApplication;
import io.rumbo.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside demo mode no default password exists: the first administrator's password is printed once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

	@Test
	void anEmptyProductionDatabaseGetsOneAdministratorWithAOneTimePassword(CapturedOutput output) {
		// Command-line arguments, because they outrank the test configuration files.
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RumboApplication.class).run(
				"--server.port=0", "--rumbo.demo.enabled=false",
				"--spring.datasource.url=jdbc:h2:mem:first-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")) {
			Matcher printed = Pattern.compile("one-time generated password: (\\S+)").matcher(output.getOut());
			assertThat(printed.find()).as("the generated password is in the log").isTrue();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username FROM identity_user").query(String.class).list()).containsExactly("admin");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single()).as("no demo data").isZero();

			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Api api = new Api(port);
			assertThat(api.send("POST", "/api/v1/auth/tokens", null,
					Map.of("username", "admin", "password", "demo", "name", "x"), Map.of()).status())
				.as("no demo password").isEqualTo(401);
			assertThat(api.send("POST", "/api/v1/auth/tokens", null,
					Map.of("username", "admin", "password", printed.group(1), "name", "x"), Map.of()).status())
				.isEqualTo(201);
		}
	}
}
