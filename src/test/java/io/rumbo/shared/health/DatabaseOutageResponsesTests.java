package io.rumbo.shared.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.servlet.ServletException;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Which failures count as the database being unreachable, however deeply wrapped. */
class DatabaseOutageResponsesTests {

	@Test
	void recognisesConnectionFailuresInTheCauseChain() {
		assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("x"))).isTrue();
		assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("x"))).isTrue();
		assertThat(DatabaseOutage.isOutage(new ServletException("request failed",
				new IllegalStateException(new SQLTransientConnectionException("timeout"))))).isTrue();
	}

	@Test
	void otherFailuresAreNotOutages() {
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new org.springframework.dao.DataIntegrityViolationException("dup"))).isFalse();
		assertThat(DatabaseOutage.isOutage(null)).isFalse();
	}

	@RestController
	static class Failing {

		@GetMapping("/api/v1/failing")
		String fail() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		}
	}

	@Test
	void aHandlerThatCannotReachTheDatabaseAnswers503ProblemDetails() throws Exception {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("shared.problem.unavailable.title", java.util.Locale.getDefault(), "Unavailable");
		messages.addMessage("shared.problem.unavailable.detail", java.util.Locale.getDefault(), "Try again");
		messages.setUseCodeAsDefaultMessage(true);
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new DatabaseOutageResponses(messages))
			.build();
		mvc.perform(get("/api/v1/failing"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://rumbo.io/problems/unavailable"))
			.andExpect(jsonPath("$.status").value(503));
	}
}
