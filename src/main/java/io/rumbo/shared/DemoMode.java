package io.rumbo.shared;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Whether this instance runs the demo company: {@code rumbo.demo.enabled} when set, otherwise yes on the
 * embedded H2 database and no on any other (so a production PostgreSQL never gets demo users by accident).
 */
@Component
public class DemoMode {

	private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

	private final boolean enabled;

	DemoMode(Environment environment, DataSource dataSource) {
		Boolean configured = environment.getProperty("rumbo.demo.enabled", Boolean.class);
		this.enabled = configured != null ? configured : isH2(dataSource);
		log.info("Demo mode {}", enabled ? "on (demo company and users with password 'demo')" : "off");
	}

	private static boolean isH2(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
			return "H2".equalsIgnoreCase(product);
		}
		catch (Exception ex) {
			return false;
		}
	}

	public boolean enabled() {
		return enabled;
	}
}
