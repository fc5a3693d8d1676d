package io.rumbo.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rumbo.organization.OrgDirectory;

/**
 * The org tree as plans use it. Targets are held by the units that sell: the leaves, and any unit above that already
 * holds targets of its own (a team with an agent below it keeps its own salespeople's targets); every unit's figure
 * is the sum of its subtree. Rows come in tree order (parents before children, siblings by name) with their depth.
 */
final class PlanTree {

	record Row(OrgDirectory.UnitNode unit, int depth, boolean leaf) {
	}

	private final Map<Long, OrgDirectory.UnitNode> units = new HashMap<>();
	private final Map<Long, List<Long>> children = new HashMap<>();
	private final List<Row> rows = new ArrayList<>();
	private final Map<Long, Set<Long>> leavesUnder = new HashMap<>();

	PlanTree(List<OrgDirectory.UnitNode> nodes) {
		nodes.forEach(n -> units.put(n.id(), n));
		List<Long> roots = new ArrayList<>();
		for (OrgDirectory.UnitNode n : nodes) {
			if (n.parentId() == null || !units.containsKey(n.parentId())) {
				roots.add(n.id());
			}
			else {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.id());
			}
		}
		roots.forEach(r -> walk(r, 0));
	}

	private Set<Long> walk(long id, int depth) {
		List<Long> kids = children.getOrDefault(id, List.of());
		rows.add(new Row(units.get(id), depth, kids.isEmpty()));
		Set<Long> leaves = new LinkedHashSet<>();
		if (kids.isEmpty()) {
			leaves.add(id);
		}
		for (Long kid : kids) {
			leaves.addAll(walk(kid, depth + 1));
		}
		leavesUnder.put(id, leaves);
		return leaves;
	}

	List<Row> rows() {
		return rows;
	}

	boolean contains(long unitId) {
		return units.containsKey(unitId);
	}

	boolean isLeaf(long unitId) {
		return children.getOrDefault(unitId, List.of()).isEmpty();
	}

	/** The leaves of a unit's subtree (itself when it is a leaf). */
	Set<Long> leaves(long unitId) {
		return leavesUnder.getOrDefault(unitId, Set.of());
	}

	/**
	 * The units of a subtree a total is spread over: those that already hold targets, or, when none does, the leaves.
	 */
	Set<Long> holders(long unitId, Set<Long> withTargets) {
		Set<Long> holders = new LinkedHashSet<>();
		for (Long unit : subtree(unitId)) {
			if (withTargets.contains(unit)) {
				holders.add(unit);
			}
		}
		return holders.isEmpty() ? leaves(unitId) : holders;
	}

	/** The units of a unit's subtree, itself included. */
	Set<Long> subtree(long unitId) {
		Set<Long> all = new LinkedHashSet<>();
		all.add(unitId);
		for (Long kid : children.getOrDefault(unitId, List.of())) {
			all.addAll(subtree(kid));
		}
		return all;
	}

	String name(long unitId) {
		OrgDirectory.UnitNode node = units.get(unitId);
		return node == null ? "#" + unitId : node.name();
	}
}
