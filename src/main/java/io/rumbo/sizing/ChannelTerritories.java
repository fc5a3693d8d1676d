package io.rumbo.sizing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.territories.TerritoryDirectory;

/**
 * The territories a channel's terms cover, as references to territories of the territory model (decision 0042,
 * amended): picked among the active model's; a reference to a territory of a model since replaced is kept and shown
 * as of the previous model until the director picks again.
 */
@Component
class ChannelTerritories {

	private final JdbcClient jdbc;
	private final TerritoryDirectory directory;

	ChannelTerritories(JdbcClient jdbc, TerritoryDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** The active model's territories, for the picker. */
	List<TerritoryDirectory.Entry> choices() {
		return directory.active();
	}

	/**
	 * Checks the picked ids: each a territory of the active model, or one the terms already name (kept as it was
	 * when the model changed, so that other changes can be saved before re-picking).
	 */
	List<Long> check(long unitId, List<Long> picked, List<ValidationFailedException.FieldError> errors) {
		List<Long> ids = picked.stream().distinct().toList();
		if (ids.isEmpty()) {
			return ids;
		}
		Set<Long> kept = new HashSet<>(of(List.of(unitId)).getOrDefault(unitId, List.of()));
		Map<Long, TerritoryDirectory.Entry> found = directory.byIds(ids);
		for (Long id : ids) {
			TerritoryDirectory.Entry e = found.get(id);
			if (e == null || (!e.active() && !kept.contains(id))) {
				errors.add(new ValidationFailedException.FieldError("territoryIds", "sizing.error.territory"));
				break;
			}
		}
		if (ids.size() > 200) {
			errors.add(new ValidationFailedException.FieldError("territoryIds", "sizing.error.tooManyTerritories", 200));
		}
		return ids;
	}

	void write(long unitId, List<Long> ids) {
		jdbc.sql("DELETE FROM sizing_channel_territory WHERE unit_id = :unit").param("unit", unitId).update();
		for (Long id : ids) {
			jdbc.sql("INSERT INTO sizing_channel_territory (unit_id, territory_id) VALUES (:unit, :territory)")
				.param("unit", unitId)
				.param("territory", id)
				.update();
		}
	}

	/** The territory ids each of {@code units} names, in the tree order of their model. */
	Map<Long, List<Long>> of(Collection<Long> units) {
		Map<Long, List<Long>> ids = new HashMap<>();
		if (units.isEmpty()) {
			return ids;
		}
		jdbc.sql("SELECT unit_id, territory_id FROM sizing_channel_territory WHERE unit_id IN (:units)"
				+ " ORDER BY unit_id, territory_id")
			.param("units", List.copyOf(units))
			.query(rs -> {
				ids.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>()).add(rs.getLong(2));
			});
		return ids;
	}

	/** The named territories of {@code ids}, as the terms show them; one removed since shows its id. */
	List<ChannelTermsView.Territory> views(List<Long> ids, Map<Long, TerritoryDirectory.Entry> entries) {
		List<ChannelTermsView.Territory> views = new ArrayList<>();
		for (Long id : ids) {
			TerritoryDirectory.Entry e = entries.get(id);
			views.add(e == null ? new ChannelTermsView.Territory(id, null, "#" + id, "#" + id, false)
					: new ChannelTermsView.Territory(id, e.code(), e.name(), e.path(), e.active()));
		}
		views.sort(java.util.Comparator.comparing((ChannelTermsView.Territory t) -> !t.current())
			.thenComparing(ChannelTermsView.Territory::path));
		return views;
	}

	Map<Long, TerritoryDirectory.Entry> entries(Collection<Long> ids) {
		return directory.byIds(ids);
	}
}
