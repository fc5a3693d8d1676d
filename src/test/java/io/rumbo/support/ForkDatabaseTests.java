package io.rumbo.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForkDatabaseTests {

	@Test
	void aLaterForkUsesTheDatabaseBesideTheGivenOneWithTheSameOptions() {
		assertThat(ForkDatabase.forkUrl("jdbc:postgresql://127.0.0.1:5432/test", 2))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/test_fork2");
		assertThat(ForkDatabase.forkUrl("jdbc:postgresql://h:5432/t_ci1?sslmode=disable", 3))
			.isEqualTo("jdbc:postgresql://h:5432/t_ci1_fork3?sslmode=disable");
		assertThat(ForkDatabase.databaseName("jdbc:postgresql://h:5432/t_ci1_fork3?sslmode=disable"))
			.isEqualTo("t_ci1_fork3");
	}
}
