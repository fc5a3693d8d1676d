package io.rumbo.organization.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The shape of the org tree at one date, built from one query of (unit, parent) pairs. Answers the questions
 * that scope and moves need without a query per node: subtrees, ancestors, and whether a move would make a cycle.
 */
public final class OrgTree {

	public record Link(long unitId, @Nullable Long parentId) {
	}

	private final Map<Long, @Nullable Long> parentOf = new HashMap<>();
	private final Map<Long, List<Long>> childrenOf = new HashMap<>();

	public OrgTree(Collection<Link> links) {
		for (Link link : links) {
			parentOf.put(link.unitId(), link.parentId());
		}
		for (Link link : links) {
			if (link.parentId() != null && parentOf.containsKey(link.parentId())) {
				childrenOf.computeIfAbsent(link.parentId(), k -> new ArrayList<>()).add(link.unitId());
			}
		}
	}

	public boolean contains(long unitId) {
		return parentOf.containsKey(unitId);
	}

	public @Nullable Long parentOf(long unitId) {
		return parentOf.get(unitId);
	}

	public List<Long> childrenOf(long unitId) {
		return childrenOf.getOrDefault(unitId, List.of());
	}

	public List<Long> roots() {
		return parentOf.entrySet()
			.stream()
			.filter(e -> e.getValue() == null || !parentOf.containsKey(e.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/** The unit and every unit below it. */
	public Set<Long> subtree(long unitId) {
		Set<Long> result = new LinkedHashSet<>();
		if (!contains(unitId)) {
			return result;
		}
		Deque<Long> todo = new ArrayDeque<>();
		todo.push(unitId);
		while (!todo.isEmpty()) {
			long next = todo.pop();
			if (result.add(next)) {
				childrenOf(next).forEach(todo::push);
			}
		}
		return result;
	}

	public Set<Long> subtrees(Collection<Long> unitIds) {
		Set<Long> result = new LinkedHashSet<>();
		unitIds.forEach(id -> result.addAll(subtree(id)));
		return result;
	}

	/** From the unit's parent up to the root, nearest first. */
	public List<Long> ancestors(long unitId) {
		List<Long> result = new ArrayList<>();
		Long current = parentOf.get(unitId);
		while (current != null && !result.contains(current)) {
			result.add(current);
			current = parentOf.get(current);
		}
		return result;
	}

	/** Placing {@code unitId} under {@code newParentId} would put it below itself. */
	public boolean wouldCreateCycle(long unitId, long newParentId) {
		return subtree(unitId).contains(newParentId);
	}
}
