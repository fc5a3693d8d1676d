package io.rumbo.shared.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import io.rumbo.shared.DemoMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ReadyLogTests {

	@Test
	void saysWhereTheApplicationIsAndThatTheDemoCompanyIsLoaded() {
		DemoMode demo = mock(DemoMode.class);
		when(demo.enabled()).thenReturn(true);
		assertThat(new ReadyLog(demo).line(ready(9090))).startsWith("Rumbo is ready at http://localhost:9090 (demo company loaded");
	}

	@Test
	void withoutTheDemoItSaysOnlyWhere() {
		DemoMode demo = mock(DemoMode.class);
		assertThat(new ReadyLog(demo).line(ready(8080))).isEqualTo("Rumbo is ready at http://localhost:8080");
	}

	private static ApplicationReadyEvent ready(int port) {
		ServletWebServerApplicationContext context = mock(ServletWebServerApplicationContext.class);
		WebServer server = mock(WebServer.class);
		when(server.getPort()).thenReturn(port);
		when(context.getWebServer()).thenReturn(server);
		when(context.getEnvironment()).thenReturn(new MockEnvironment());
		return new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO);
	}
}
