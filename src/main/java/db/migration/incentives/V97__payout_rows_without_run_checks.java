package db.migration.incentives;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A payout run's lines and statements are written without the database checking, row by row, that their run exists,
 * and without the index of the lines by plan, period and person (decision 0045). The foreign keys of V50 were declared
 * inline, so their names are the database's own (H2 and PostgreSQL name them differently): they are looked up.
 */
public class V97__payout_rows_without_run_checks extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		for (String table : List.of("incentives_payout_line", "incentives_payout_statement")) {
			for (String constraint : foreignKeys(c, table)) {
				try (Statement s = c.createStatement()) {
					s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
				}
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("DROP INDEX ix_incentives_payout_line_paid");
		}
	}

	private static List<String> foreignKeys(Connection c, String table) throws Exception {
		List<String> names = new ArrayList<>();
		try (PreparedStatement q = c.prepareStatement("""
				SELECT constraint_name FROM information_schema.table_constraints
				WHERE constraint_type = 'FOREIGN KEY' AND LOWER(table_name) = ? AND LOWER(table_schema) = ?""")) {
			q.setString(1, table);
			q.setString(2, c.getSchema().toLowerCase(Locale.ROOT));
			try (ResultSet rs = q.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		if (names.isEmpty()) {
			throw new IllegalStateException("no foreign key to drop on " + table);
		}
		return names;
	}
}
