package io.rumbo.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test make the database unreachable for the running application without a context of its own: the
 * application's DataSource is wrapped so that, while {@link #unreachable()} is on, asking for a connection fails as
 * Hikari does when the database does not answer. Off, it passes every call through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseSwitch {

	private static final AtomicBoolean DOWN = new AtomicBoolean();

	/** Makes the database unreachable until the returned handle is closed. */
	public static AutoCloseable unreachable() {
		DOWN.set(true);
		return () -> DOWN.set(false);
	}

	@Bean
	static BeanPostProcessor switchableDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource && !(bean instanceof Switchable) ? new Switchable(dataSource)
						: bean;
			}
		};
	}

	static final class Switchable extends DelegatingDataSource {

		Switchable(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseWhileDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseWhileDown();
			return super.getConnection(username, password);
		}

		private static void refuseWhileDown() throws SQLException {
			if (DOWN.get()) {
				throw new SQLTransientConnectionException("test: the database is unreachable");
			}
		}
	}
}
