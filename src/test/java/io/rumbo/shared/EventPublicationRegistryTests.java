package io.rumbo.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.RumboApplication;
import io.rumbo.support.RegistryProbe;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules are not lost: a publication is stored with the change that publishes it, stays open while
 * its listener fails, and is run again when the application starts (here: a second instance on the same database).
 */
@RumboIntegrationTest
class EventPublicationRegistryTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void aPublicationWhoseListenerFailedIsKeptAndRunAgainAtStart() {
		String id = UUID.randomUUID().toString();
		RegistryProbe.FAILING.add(id);
		int attemptsBefore = RegistryProbe.ATTEMPTS.get();
		transactions.executeWithoutResult(tx -> events.publishEvent(new RegistryProbe(id)));

		await(() -> RegistryProbe.ATTEMPTS.get() > attemptsBefore, "the listener ran once");
		await(() -> open(id) == 1, "the failed publication is kept open");
		assertThat(RegistryProbe.HANDLED).doesNotContain(id);

		RegistryProbe.FAILING.remove(id);
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(RumboApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""))) {
			await(() -> RegistryProbe.HANDLED.contains(id), "the restarted application ran the listener again");
			await(() -> open(id) == 0, "the publication is completed");
		}
	}

	@Test
	void aPublicationIsWrittenOnlyWhenItsTransactionCommits() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new RegistryProbe(id));
			tx.setRollbackOnly();
		});
		// A probe committed afterwards is handled; by then the rolled-back one would have been too, had it been kept.
		String committed = UUID.randomUUID().toString();
		transactions.executeWithoutResult(tx -> events.publishEvent(new RegistryProbe(committed)));
		await(() -> RegistryProbe.HANDLED.contains(committed), "the committed probe is handled");
		assertThat(open(id)).isZero();
		assertThat(RegistryProbe.HANDLED).doesNotContain(id);
	}

	private long open(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single();
	}

	private static void await(BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as(what).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
