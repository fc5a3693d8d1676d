package io.rumbo.shared.sql;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@link BulkRows#shortStatements()}: on PostgreSQL, no JIT and no parallel workers inside the caller's transaction,
 * and the settings end with it (the customer import's read-back loop, docs/benchmarks.md); on H2 it does nothing.
 */
@RumboIntegrationTest
class BulkRowsShortStatementsTests {

	@Autowired
	BulkRows bulk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void turnsOffJitAndParallelWorkersForTheTransactionOnly() {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		if (!bulk.postgres()) {
			assertThatCode(() -> transaction.executeWithoutResult(status -> bulk.shortStatements()))
				.doesNotThrowAnyException();
			return;
		}
		String workers = show("max_parallel_workers_per_gather");
		String jit = show("jit");
		transaction.executeWithoutResult(status -> {
			bulk.shortStatements();
			assertThat(show("jit")).isEqualTo("off");
			assertThat(show("max_parallel_workers_per_gather")).isEqualTo("0");
		});
		assertThat(show("jit")).isEqualTo(jit);
		assertThat(show("max_parallel_workers_per_gather")).isEqualTo(workers);
	}

	private String show(String setting) {
		return jdbc.sql("SHOW " + setting).query(String.class).single();
	}
}
