package io.rumbo.shared.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folded search text of a table ({@link SearchText#folded}) as a generated column, {@code search_text}, for the
 * search migrations of each module: the database computes it on every write, whatever path writes (imports, bulk
 * SQL, the order store), so nothing in the code keeps it, and a search compares the stored text instead of folding
 * every row it reads (PostgreSQL's {@code TRANSLATE} costs about 120 µs a row, see docs/benchmarks.md). Existing
 * rows get it when the column is added. On PostgreSQL the column carries a trigram index; without the right to
 * create {@code pg_trgm} a warning is logged and the search scans, like V22 (docs/operations.md).
 */
public final class SearchIndexes {

	/** The generated column every searched table gets. */
	public static final String COLUMN = "search_text";

	private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

	private SearchIndexes() {
	}

	/**
	 * For each {@code {index name, table, folded expression}}: adds {@code search_text} generated from the expression
	 * and, on PostgreSQL, the trigram index on it.
	 */
	public static void create(Connection connection, String[]... tables) throws SQLException {
		boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			for (String[] table : tables) {
				statement.execute("ALTER TABLE " + table[1] + " ADD COLUMN " + COLUMN
						+ (postgres ? " TEXT GENERATED ALWAYS AS (" + table[2] + ") STORED"
								: " VARCHAR GENERATED ALWAYS AS (" + table[2] + ")"));
			}
			if (!postgres) {
				return;
			}
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
			for (String[] table : tables) {
				statement.execute("CREATE INDEX IF NOT EXISTS " + table[0] + " ON " + table[1] + " USING gin ("
						+ COLUMN + " " + operatorClass + ")");
			}
		}
	}
}
