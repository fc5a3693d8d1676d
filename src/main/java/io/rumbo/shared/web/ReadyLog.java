package io.rumbo.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.rumbo.shared.DemoMode;

/**
 * One line in the log that says the application can be used and where, written after every start-up runner (the
 * demo company included) has finished, so that someone watching the log knows when to open the browser.
 */
@Component
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	private final DemoMode demo;

	ReadyLog(DemoMode demo) {
		this.demo = demo;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		log.info(line(event));
	}

	String line(ApplicationReadyEvent event) {
		String where = "";
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			String path = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
			where = " at http://localhost:" + web.getWebServer().getPort() + path;
		}
		return "Rumbo is ready" + where + (demo.enabled() ? " (demo company loaded; sign in as admin, director, manager,"
				+ " rep or finance with the password 'demo')" : "");
	}
}
