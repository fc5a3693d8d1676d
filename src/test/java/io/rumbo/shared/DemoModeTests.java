package io.rumbo.shared;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DemoModeTests {

	@Test
	void isOnForTheEmbeddedDatabaseAndOffForPostgresqlUnlessAskedFor() throws Exception {
		assertThat(new DemoMode(new MockEnvironment(), database("H2")).enabled()).isTrue();
		assertThat(new DemoMode(new MockEnvironment(), database("PostgreSQL")).enabled()).isFalse();
		assertThat(new DemoMode(new MockEnvironment().withProperty("rumbo.demo.enabled", "true"), database("PostgreSQL"))
			.enabled()).isTrue();
		assertThat(new DemoMode(new MockEnvironment().withProperty("rumbo.demo.enabled", "false"), database("H2"))
			.enabled()).isFalse();
	}

	private static DataSource database(String product) throws Exception {
		DataSource dataSource = mock(DataSource.class);
		Connection connection = mock(Connection.class);
		DatabaseMetaData metaData = mock(DatabaseMetaData.class);
		when(dataSource.getConnection()).thenReturn(connection);
		when(connection.getMetaData()).thenReturn(metaData);
		when(metaData.getDatabaseProductName()).thenReturn(product);
		return dataSource;
	}
}
