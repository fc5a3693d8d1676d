package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.UnitId;
import io.rumbo.planning.domain.Plan;
import io.rumbo.planning.domain.PlanRepository;
import io.rumbo.planning.domain.PlanVersion;
import io.rumbo.planning.domain.PlanVersionRepository;
import io.rumbo.planning.domain.TargetStore;

/**
 * The targets of the plan version that counts for a fiscal year (the active one, else the latest approved), by unit
 * and fiscal month with the product lines summed, for the modules that start from the plan (quotas). Unscoped:
 * callers decide what their reader sees.
 */
@Service
public class CountingTargets {

	/** A unit's targets in one fiscal month (1 to 12), all product lines together. */
	public record UnitMonth(UnitId unit, int fiscalMonth, BigDecimal revenue, BigDecimal units, BigDecimal margin,
			BigDecimal newCustomers) {
	}

	/** The version that counts and its targets, ordered by unit and month. */
	public record Counting(PlanVersionId versionId, int number, PlanState state, List<UnitMonth> targets) {
	}

	private final PlanRepository plans;
	private final PlanVersionRepository versions;
	private final TargetStore store;

	CountingTargets(PlanRepository plans, PlanVersionRepository versions, TargetStore store) {
		this.plans = plans;
		this.versions = versions;
		this.store = store;
	}

	/** Empty when the year has no plan or no active or approved version. */
	@Transactional(readOnly = true)
	public Optional<Counting> of(int fiscalYear) {
		Optional<Plan> plan = plans.findByFiscalYear(fiscalYear);
		if (plan.isEmpty()) {
			return Optional.empty();
		}
		List<PlanVersion> all = versions.findByPlanIdOrderByNumberDesc(plan.get().id());
		for (PlanState state : List.of(PlanState.ACTIVE, PlanState.APPROVED)) {
			for (PlanVersion v : all) {
				if (v.state() == state) {
					return Optional.of(new Counting(PlanVersionId.of(v.id()), v.number(), v.state(), targets(v.id())));
				}
			}
		}
		return Optional.empty();
	}

	private List<UnitMonth> targets(long versionId) {
		record Key(long unit, int month) implements Comparable<Key> {

			@Override
			public int compareTo(Key o) {
				return unit != o.unit ? Long.compare(unit, o.unit) : Integer.compare(month, o.month);
			}
		}
		Map<Key, BigDecimal[]> sums = new TreeMap<>();
		for (TargetStore.Cell c : store.cells(versionId).values()) {
			BigDecimal[] s = sums.computeIfAbsent(new Key(c.unitId(), c.month()), k -> zeros());
			s[0] = s[0].add(c.revenue());
			s[1] = s[1].add(c.units());
			s[2] = s[2].add(c.margin());
		}
		for (TargetStore.Goal g : store.goals(versionId)) {
			BigDecimal[] s = sums.computeIfAbsent(new Key(g.unitId(), g.month()), k -> zeros());
			s[3] = s[3].add(BigDecimal.valueOf(g.newCustomers()));
		}
		List<UnitMonth> result = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> result.add(new UnitMonth(UnitId.of(k.unit()), k.month(), s[0], s[1], s[2], s[3])));
		return result;
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
	}
}
