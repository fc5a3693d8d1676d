package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment.Span;
import io.rumbo.quotas.AttainmentViews.Mismatch;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.quotas.domain.PaceTable;
import io.rumbo.quotas.domain.Pacing;
import io.rumbo.quotas.domain.QuotaHolders;
import io.rumbo.shared.money.Amounts;

/**
 * Attainment of units (a unit's actual is its subtree's, as the metrics engine counts it) and the mismatch of their
 * allocation, for one period: the statements are one per measure whatever the number of units.
 */
final class UnitFigures {

	private final Span span;
	private final Pacing pacing;
	private final QuotaReading quotas;
	private final MetricsQuery metrics;
	private final OrgDirectory org;

	UnitFigures(Span span, Pacing pacing, QuotaReading quotas, MetricsQuery metrics, OrgDirectory org) {
		this.span = span;
		this.pacing = pacing;
		this.quotas = quotas;
		this.metrics = metrics;
		this.org = org;
	}

	/** Rows of these units in the order of the org tree, depth counted from the highest unit among them. */
	List<Row> rows(Collection<UnitId> units, List<Metric> measures) {
		if (units.isEmpty()) {
			return List.of();
		}
		List<OrgDirectory.UnitNode> tree = org.unitTree();
		List<Placed> placed = placed(tree, Set.copyOf(units));
		List<UnitId> ordered = placed.stream().map(p -> p.node().unitId()).toList();
		Map<Long, String> names = new HashMap<>();
		tree.forEach(n -> names.put(n.id(), n.name()));
		List<QuotaReading.UnitQuota> held = quotas.unitQuotas(span.view().fiscalYear(), ordered, Set.copyOf(measures));
		List<Row> rows = new ArrayList<>();
		for (Metric metric : measures) {
			PaceTable<UnitId> table = new PaceTable<>(pacing, metric, span.months(), span.view().asOf());
			held.stream().filter(q -> q.metric() == metric).forEach(q -> table.quota(q.unit(), q.month(), q.amount()));
			table.actuals(metrics.byUnitAndMonth(metric, span.dates(), ordered));
			if (!Pacing.accumulates(metric)) {
				table.periodActuals(metrics.byUnit(metric, span.dates(), ordered));
			}
			for (Placed p : placed) {
				var view = table.view(p.node().unitId());
				Long parent = p.node().parentId();
				rows.add(new Row("unit", p.node().id(), p.node().name(), parent, parent == null ? null : names.get(parent),
						metric.code(), p.depth(), view.pace(), PaceTable.trend(view, metric, span.view().asOf())));
			}
		}
		return rows;
	}

	private record Placed(OrgDirectory.UnitNode node, int depth) {
	}

	/** The units asked for, depth first in the tree's order (children by name), depth from the highest shown. */
	private static List<Placed> placed(List<OrgDirectory.UnitNode> tree, Set<UnitId> wanted) {
		Map<Long, List<OrgDirectory.UnitNode>> children = new HashMap<>();
		List<OrgDirectory.UnitNode> roots = new ArrayList<>();
		for (OrgDirectory.UnitNode node : tree) {
			if (node.parentId() == null) {
				roots.add(node);
			}
			else {
				children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
			}
		}
		List<Placed> all = new ArrayList<>();
		for (OrgDirectory.UnitNode root : roots) {
			walk(root, 0, children, wanted, all);
		}
		return all;
	}

	private static void walk(OrgDirectory.UnitNode node, int depth, Map<Long, List<OrgDirectory.UnitNode>> children,
			Set<UnitId> wanted, List<Placed> into) {
		boolean shown = wanted.contains(node.unitId());
		if (shown) {
			into.add(new Placed(node, depth));
		}
		for (OrgDirectory.UnitNode child : children.getOrDefault(node.id(), List.of())) {
			walk(child, shown ? depth + 1 : depth, children, wanted, into);
		}
	}

	/**
	 * For each unit and summed measure: its quota in the period against what its sub-units and its own members hold
	 * in the period (the published figures). A rate or an average is not split by sums and has no mismatch.
	 */
	List<Mismatch> mismatches(Collection<UnitId> units, List<Metric> measures, QuotaHolders holders) {
		List<Metric> summed = measures.stream().filter(Pacing::accumulates).toList();
		if (units.isEmpty() || summed.isEmpty()) {
			return List.of();
		}
		List<OrgDirectory.UnitNode> tree = org.unitTree();
		Map<Long, List<UnitId>> children = new HashMap<>();
		tree.stream().filter(n -> n.parentId() != null)
			.forEach(n -> children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n.unitId()));
		Set<UnitId> involved = new java.util.HashSet<>(units);
		units.forEach(u -> involved.addAll(children.getOrDefault(u.value(), List.of())));
		Map<String, BigDecimal> unitQuota = new HashMap<>();
		for (QuotaReading.UnitQuota q : quotas.unitQuotas(span.view().fiscalYear(), involved, Set.copyOf(summed))) {
			if (span.dates().contains(q.month())) {
				unitQuota.merge(q.unit().value() + "/" + q.metric(), q.amount(), BigDecimal::add);
			}
		}
		Map<StaffId, UnitId> members = holders.people(span.view().fiscalYear(), span.monthNumbers(), Set.copyOf(summed),
				DataScope.EVERYTHING, units);
		Map<String, BigDecimal> memberQuota = new HashMap<>();
		for (QuotaReading.PersonQuota q : quotas.personQuotas(span.view().fiscalYear(), members.keySet(),
				Set.copyOf(summed))) {
			if (span.dates().contains(q.month())) {
				memberQuota.merge(q.unit().value() + "/" + q.metric(), q.amount(), BigDecimal::add);
			}
		}
		Map<Long, String> names = new HashMap<>();
		tree.forEach(n -> names.put(n.id(), n.name()));
		List<Mismatch> mismatches = new ArrayList<>();
		for (Placed p : placed(tree, Set.copyOf(units))) {
			long id = p.node().id();
			for (Metric metric : summed) {
				BigDecimal own = unitQuota.getOrDefault(id + "/" + metric, BigDecimal.ZERO);
				BigDecimal allocated = memberQuota.getOrDefault(id + "/" + metric, BigDecimal.ZERO);
				for (UnitId child : children.getOrDefault(id, List.of())) {
					allocated = allocated.add(unitQuota.getOrDefault(child.value() + "/" + metric, BigDecimal.ZERO));
				}
				mismatches.add(new Mismatch(id, names.getOrDefault(id, ""), metric.code(), Amounts.money(own),
						Amounts.money(allocated), Amounts.money(own.subtract(allocated))));
			}
		}
		return mismatches;
	}
}
