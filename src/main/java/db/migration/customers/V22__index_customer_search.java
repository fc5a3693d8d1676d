package db.migration.customers;

import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trigram index for the customer search ({@code LOWER(column) LIKE '%text%'} on name, city, tax id and external
 * id), on PostgreSQL only. A Java migration because the same version must run on H2 too, which has no trigram
 * indexes: there it does nothing (H2 serves small installations, where the search scans a small table). Without the
 * right to create the {@code pg_trgm} extension (a trusted extension since PostgreSQL 13, so the database owner may)
 * it logs a warning and leaves the search unindexed rather than stopping the application; creating the extension
 * and the index by hand later is described in docs/operations.md.
 */
public class V22__index_customer_search extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V22__index_customer_search.class);

	/** {@code %s} is the operator class, qualified by the schema the extension lives in. */
	static final String INDEX = "CREATE INDEX IF NOT EXISTS ix_customer_account_search ON customer_account USING gin"
			+ " (LOWER(legal_name) %1$s, LOWER(city) %1$s, LOWER(tax_id) %1$s, LOWER(external_id) %1$s)";

	/**
	 * An extension lives in one schema of the database, which need not be on this schema's search path (it may have
	 * been created for another schema of the same database), so the operator class is named with its schema.
	 */
	static final String EXTENSION_SCHEMA = "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
			+ " ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'";

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			Savepoint before = connection.setSavepoint();
			try {
				// A schema of its own, which no schema's clean-up (Flyway's clean in tests) drops with the extension.
				statement.execute("CREATE SCHEMA IF NOT EXISTS rumbo_extensions");
				statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA rumbo_extensions");
			}
			catch (java.sql.SQLException ex) {
				connection.rollback(before);
				log.warn("The customer search stays unindexed: the pg_trgm extension cannot be created ({}). See "
						+ "docs/operations.md.", ex.getMessage());
				return;
			}
			String schema;
			try (java.sql.ResultSet found = statement.executeQuery(EXTENSION_SCHEMA)) {
				found.next();
				schema = found.getString(1);
			}
			statement.execute(INDEX.formatted("\"" + schema.replace("\"", "\"\"") + "\".gin_trgm_ops"));
		}
	}
}
