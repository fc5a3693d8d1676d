package io.rumbo.organization.domain;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every unit's name, parent and manager, loaded in one query, so that lists can show unit and manager names
 * and derive each person's manager without a query per row.
 */
public final class UnitDirectory {

	public record Entry(long id, String code, String name, @Nullable Long parentId, @Nullable Long managerStaffId,
			@Nullable String managerName) {
	}

	private final Map<Long, Entry> entries = new HashMap<>();

	public UnitDirectory(Iterable<Entry> all) {
		all.forEach(e -> entries.put(e.id(), e));
	}

	public @Nullable Entry get(long unitId) {
		return entries.get(unitId);
	}

	/**
	 * A person's manager: the manager of their unit, or when they lead that unit themselves (or it has none),
	 * the nearest manager above it.
	 */
	public @Nullable Entry managerOf(long staffId, long unitId) {
		Entry unit = entries.get(unitId);
		int guard = 0;
		while (unit != null && guard++ < 100) {
			if (unit.managerStaffId() != null && unit.managerStaffId() != staffId) {
				return unit;
			}
			unit = unit.parentId() == null ? null : entries.get(unit.parentId());
		}
		return null;
	}
}
