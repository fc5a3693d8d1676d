package io.rumbo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * One deployable. Listeners of events between modules ({@code @ApplicationModuleListener}) run after the publishing
 * transaction commits, on their own thread and in their own transaction, so a slow or failing listener never
 * holds up or rolls back the change that announced the event; the event publication registry re-runs it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class RumboApplication {

	public static void main(String[] args) {
		SpringApplication.run(RumboApplication.class, args);
	}
}
