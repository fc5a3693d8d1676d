package io.rumbo.territories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small read API for modules that name territories (a channel's terms in sizing): the territories of the active
 * model, and territories by id whatever their model, with whether that model is still the active one. Territory names
 * and their tree are not scoped data (every reader of a model page sees them); what a territory holds is, and is not
 * here.
 */
@Service
public class TerritoryDirectory {

	/**
	 * A territory: {@code path} its ancestors' names and its own, joined by " / "; {@code active} whether its model is
	 * the active one (false for a model now in history, a draft or a scheduled one).
	 */
	public record Entry(long id, long modelId, String code, String name, String path, boolean active) {
	}

	private final JdbcClient jdbc;

	TerritoryDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The territories of the active model in tree order (parents before children, siblings by rank); none without one. */
	@Transactional(readOnly = true)
	public List<Entry> active() {
		List<Long> models = jdbc.sql("SELECT id FROM territories_model WHERE status = 'ACTIVE'")
			.query(Long.class)
			.list();
		return models.isEmpty() ? List.of() : new ArrayList<>(ofModels(models).values());
	}

	/** The territories of {@code ids} that exist, by id, with their model's state; unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<Long, Entry> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Long> models = jdbc.sql("SELECT DISTINCT model_id FROM territories_territory WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(Long.class)
			.list();
		Map<Long, Entry> all = models.isEmpty() ? Map.of() : ofModels(models);
		Map<Long, Entry> found = new LinkedHashMap<>();
		ids.forEach(id -> {
			Entry e = all.get(id);
			if (e != null) {
				found.put(id, e);
			}
		});
		return found;
	}

	private record Row(long id, long model, @Nullable Long parent, String code, String name, boolean active) {
	}

	private Map<Long, Entry> ofModels(List<Long> models) {
		List<Row> rows = jdbc.sql("""
				SELECT t.id, t.model_id, t.parent_id, t.code, t.name, m.status
				FROM territories_territory t JOIN territories_model m ON m.id = t.model_id
				WHERE t.model_id IN (:models)
				ORDER BY t.model_id, t.rank_no, t.name, t.id""")
			.param("models", models)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4), rs.getString(5), "ACTIVE".equals(rs.getString(6))))
			.list();
		Map<Long, List<Row>> children = new HashMap<>();
		rows.forEach(r -> {
			children.computeIfAbsent(r.parent() == null ? -r.model() : r.parent(), k -> new ArrayList<>()).add(r);
		});
		Map<Long, Entry> entries = new LinkedHashMap<>();
		for (Long model : models) {
			walk(children, -model, "", entries);
		}
		// A territory whose parent is missing (not expected) still appears, under its own name.
		rows.forEach(r -> entries.computeIfAbsent(r.id(), id -> new Entry(r.id(), r.model(), r.code(), r.name(),
				r.name(), r.active())));
		return entries;
	}

	private static void walk(Map<Long, List<Row>> children, long key, String prefix, Map<Long, Entry> into) {
		for (Row r : children.getOrDefault(key, List.of())) {
			String path = prefix.isEmpty() ? r.name() : prefix + " / " + r.name();
			into.put(r.id(), new Entry(r.id(), r.model(), r.code(), r.name(), path, r.active()));
			walk(children, r.id(), path, into);
		}
	}
}
