package io.rumbo.shared.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trigram indexes on the folded search expressions ({@link SearchText#folded}), for the search migrations of each
 * module. PostgreSQL only: H2 has neither trigram nor expression indexes, and serves installations small enough to
 * scan. Like V22 (the customer list's index), without the right to create {@code pg_trgm} it logs a warning and leaves
 * the search unindexed rather than stopping the application (docs/operations.md tells how to add it later).
 */
public final class SearchIndexes {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

	private SearchIndexes() {
	}

	/**
	 * Creates {@code CREATE INDEX name ON table USING gin ((expression) gin_trgm_ops)} for each index given as
	 * {@code {name, table, expression}}; nothing on another database than PostgreSQL.
	 */
	public static void create(Connection connection, String[]... indexes) throws SQLException {
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			Savepoint before = connection.setSavepoint();
			try {
				statement.execute("CREATE SCHEMA IF NOT EXISTS rumbo_extensions");
				statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA rumbo_extensions");
			}
			catch (SQLException ex) {
				connection.rollback(before);
				log.warn("The global search stays unindexed: the pg_trgm extension cannot be created ({}). See "
						+ "docs/operations.md.", ex.getMessage());
				return;
			}
			String schema;
			try (ResultSet found = statement.executeQuery("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
					+ " ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")) {
				found.next();
				schema = found.getString(1);
			}
			String operatorClass = "\"" + schema.replace("\"", "\"\"") + "\".gin_trgm_ops";
			for (String[] index : indexes) {
				statement.execute("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1] + " USING gin (("
						+ index[2] + ") " + operatorClass + ")");
			}
		}
	}
}
