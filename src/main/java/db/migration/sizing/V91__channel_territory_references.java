package db.migration.sizing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Channel terms name territories of the territory model by reference (decision 0042): one row per territory a
 * channel covers, and a note for what the terms say besides. The free text written so far is split at commas,
 * semicolons and line breaks; a piece equal to the name or the code of a territory of the active model (ignoring
 * case, accents and surrounding spaces) becomes a reference, and the pieces that match none stay in the note, in
 * their order. A one-off data move, so it reads the territories table here rather than through the module's API.
 */
public class V91__channel_territory_references extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			s.execute("""
					CREATE TABLE sizing_channel_territory (
					    unit_id BIGINT NOT NULL REFERENCES sizing_channel_terms (unit_id),
					    territory_id BIGINT NOT NULL,
					    PRIMARY KEY (unit_id, territory_id)
					)""");
			s.execute("CREATE INDEX ix_sizing_channel_territory_territory ON sizing_channel_territory (territory_id)");
			s.execute("ALTER TABLE sizing_channel_terms ADD COLUMN territory_note VARCHAR(500)");
		}
		Map<String, Long> territories = new HashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT t.id, t.code, t.name FROM territories_territory t
				JOIN territories_model m ON m.id = t.model_id WHERE m.status = 'ACTIVE' ORDER BY t.id DESC""")) {
			while (rs.next()) {
				territories.put(key(rs.getString(3)), rs.getLong(1));
				territories.put(key(rs.getString(2)), rs.getLong(1));
			}
		}
		Map<Long, String> texts = new HashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
				"SELECT unit_id, territories FROM sizing_channel_terms WHERE territories IS NOT NULL")) {
			while (rs.next()) {
				texts.put(rs.getLong(1), rs.getString(2));
			}
		}
		try (PreparedStatement ref = c.prepareStatement(
				"INSERT INTO sizing_channel_territory (unit_id, territory_id) VALUES (?, ?)");
				PreparedStatement note = c.prepareStatement(
						"UPDATE sizing_channel_terms SET territory_note = ? WHERE unit_id = ?")) {
			for (Map.Entry<Long, String> e : texts.entrySet()) {
				Set<Long> found = new LinkedHashSet<>();
				List<String> rest = new ArrayList<>();
				for (String piece : e.getValue().split("[,;\\r\\n]+")) {
					if (piece.isBlank()) {
						continue;
					}
					Long id = territories.get(key(piece));
					if (id == null) {
						rest.add(piece.trim());
					}
					else {
						found.add(id);
					}
				}
				for (Long id : found) {
					ref.setLong(1, e.getKey());
					ref.setLong(2, id);
					ref.executeUpdate();
				}
				note.setString(1, rest.isEmpty() ? null : String.join(", ", rest));
				note.setLong(2, e.getKey());
				note.executeUpdate();
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("ALTER TABLE sizing_channel_terms DROP COLUMN territories");
		}
	}

	private static String key(String text) {
		return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}
}
