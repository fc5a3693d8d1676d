package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanViews.SpreadResult;
import io.rumbo.planning.PlanViews.TargetCell;
import io.rumbo.planning.domain.PlanVersion;
import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;

/**
 * Editing the targets of a draft: one cell, a total spread over the cells below it (evenly, like last year, by
 * seasonality, or keeping the cells' current shares), or many cells at once. Directors and administrators edit any
 * cell; a manager the cells of their subtree. Every change is in the audit trail.
 * <p>
 * Every edit of a draft's targets takes the draft's row lock and raises its version, so the edits of one draft
 * happen one after the other; an edit that sends the version it read is refused as stale (409) when another edit came
 * first, instead of the last writer silently winning over a grid the user no longer sees.
 */
@Service
public class PlanTargets {

	private final TargetStore store;
	private final PlanReading reading;
	private final FiscalCalendar calendar;
	private final PlanHistory history;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final EntityManager entities;

	PlanTargets(TargetStore store, PlanReading reading, FiscalCalendar calendar, PlanHistory history,
			OrgDirectory org, CatalogManagement catalog, DataScopes scopes, AuditTrail audit, EntityManager entities) {
		this.entities = entities;
		this.store = store;
		this.reading = reading;
		this.calendar = calendar;
		this.history = history;
		this.org = org;
		this.catalog = catalog;
		this.scopes = scopes;
		this.audit = audit;
	}

	/**
	 * Sets one month of one unit: for a team (a unit without sub-units) the value itself; for a unit above, the
	 * value is spread over its teams by their current shares of that month (evenly when they have none).
	 */
	@Transactional
	public SpreadResult setCell(CurrentUser actor, long versionId, @Nullable Long expectedVersion, long unitId,
			@Nullable Long lineId, int month, Measure measure, BigDecimal value) {
		if (month < 1 || month > 12) {
			throw ValidationFailedException.of("month", "planning.target.month.invalid");
		}
		return spread(actor, versionId, expectedVersion, unitId, lineId, "M" + month, measure, value, SpreadMethod.EVEN,
				true);
	}

	/**
	 * Spreads a total of a unit (its subtree), a line (or all lines) and a period of the plan's year (a code such as
	 * {@code FY2026-Q1}, or the short {@code Y}, {@code Q1}..{@code Q4}, {@code M1}..{@code M12}; see
	 * {@link FiscalCalendar#planPeriod}) over the cells below, by the chosen method; with {@code keepShares} the cells
	 * keep their current proportions instead (falling back to the method when all are zero). The parts add up to the
	 * total exactly (see {@link Spreading}). {@code expectedVersion}, when given, is the draft's version the caller
	 * read: a different one is refused as stale.
	 */
	@Transactional
	public SpreadResult spread(CurrentUser actor, long versionId, @Nullable Long expectedVersion, long unitId,
			@Nullable Long lineId, String period, Measure measure, BigDecimal total, SpreadMethod method,
			boolean keepShares) {
		PlanVersion version = lockForEdit(actor, versionId, expectedVersion);
		PlanTree tree = new PlanTree(org.unitTree());
		if (!tree.contains(unitId)) {
			throw ValidationFailedException.of("unitId", "planning.target.unit.unknown");
		}
		if (!PlanPermissions.mayEditUnit(actor, scopes.of(actor), tree, unitId)) {
			throw new AccessRefusedException("plans");
		}
		if (measure != Measure.UNITS && measure != Measure.NEW_CUSTOMERS ? !Amounts.fitsPrice(total.abs())
				: total.scale() > 0 && total.stripTrailingZeros().scale() > 0) {
			throw ValidationFailedException.of("value", "planning.target.value.invalid");
		}
		if (total.signum() < 0) {
			throw ValidationFailedException.of("value", "planning.target.value.negative");
		}
		int fiscalYear = reading.planOf(version.planId()).fiscalYear();
		FiscalCalendar.PlanPeriod span = calendar.planPeriod(period, fiscalYear);
		List<Long> lines = measure == Measure.NEW_CUSTOMERS ? List.of(0L)
				: lineId != null ? List.of(lineId)
						: catalog.lines(false).stream().map(ProductLineView::id).toList();
		Map<TargetStore.Key, TargetStore.Cell> cells = store.cells(versionId);
		Map<TargetStore.GoalKey, Integer> goals = new HashMap<>();
		store.goals(versionId).forEach(g -> goals.put(g.key(), g.newCustomers()));
		Set<Long> withTargets = new HashSet<>();
		if (measure == Measure.NEW_CUSTOMERS) {
			goals.keySet().forEach(k -> withTargets.add(k.unitId()));
		}
		else {
			cells.keySet().forEach(k -> withTargets.add(k.unitId()));
		}
		List<TargetStore.Key> slots = new ArrayList<>();
		for (Long unit : tree.holders(unitId, withTargets)) {
			for (Long line : lines) {
				for (Integer m : span.months()) {
					slots.add(new TargetStore.Key(unit, line, m));
				}
			}
		}
		List<BigDecimal> weights = keepShares ? currentWeights(slots, cells, goals, measure) : List.of();
		if (weights.stream().noneMatch(w -> w.signum() > 0)) {
			weights = methodWeights(slots, method, measure, fiscalYear, tree);
		}
		List<BigDecimal> parts = Spreading.allocate(total, weights, measure.scale());
		BigDecimal written = BigDecimal.ZERO.setScale(measure.scale());
		List<TargetStore.Cell> changed = new ArrayList<>();
		List<TargetStore.Goal> changedGoals = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			TargetStore.Key slot = slots.get(i);
			BigDecimal part = parts.get(i);
			written = written.add(part);
			if (measure == Measure.NEW_CUSTOMERS) {
				changedGoals.add(new TargetStore.Goal(slot.unitId(), slot.month(), part.intValue()));
			}
			else {
				changed.add(new TargetStore.Cell(slot, figures(cells, slot).with(measure, part)));
			}
		}
		store.save(versionId, changed);
		store.saveGoals(versionId, changedGoals);
		BigDecimal asked = total.setScale(measure.scale(), RoundingMode.HALF_UP);
		audit.record("PLAN_VERSION", versionId, "SPREAD", null, Map.of("unitId", unitId, "lineId",
				lineId == null ? "all" : lineId, "period", span.code(), "measure", measure.name(), "total",
				asked.toPlainString(), "method", keepShares ? "CURRENT" : method.name(), "cells", slots.size()),
				"v" + version.number());
		return new SpreadResult(asked, slots.size(), written, asked.subtract(written), version.version());
	}

	/**
	 * Locks the draft's row for the rest of the transaction (edits of one draft queue up), checks the version the
	 * caller read, and raises it so the next stale edit is recognised.
	 */
	private PlanVersion lockForEdit(CurrentUser actor, long versionId, @Nullable Long expectedVersion) {
		PlanVersion version = reading.versionOf(versionId);
		entities.refresh(version, LockModeType.PESSIMISTIC_WRITE);
		if (!version.state().editable()) {
			throw new ConflictException("planning.version.locked", version.state().name());
		}
		if (expectedVersion != null && expectedVersion != version.version()) {
			throw new StaleVersionException(expectedVersion, reading.version(actor, versionId));
		}
		entities.lock(version, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return version;
	}

	/** The cells' (or goals') current values, negatives as zero. */
	private static List<BigDecimal> currentWeights(List<TargetStore.Key> slots, Map<TargetStore.Key, TargetStore.Cell> cells,
			Map<TargetStore.GoalKey, Integer> goals, Measure measure) {
		List<BigDecimal> weights = new ArrayList<>(slots.size());
		for (TargetStore.Key s : slots) {
			BigDecimal current = measure == Measure.NEW_CUSTOMERS
					? BigDecimal.valueOf(goals.getOrDefault(new TargetStore.GoalKey(s.unitId(), s.month()), 0))
					: figures(cells, s).value(measure);
			weights.add(current.max(BigDecimal.ZERO));
		}
		return weights;
	}

	private List<BigDecimal> methodWeights(List<TargetStore.Key> slots, SpreadMethod method, Measure measure,
			int fiscalYear, PlanTree tree) {
		Map<Integer, BigDecimal> profile = method == SpreadMethod.SEASONALITY ? history.seasonality(fiscalYear) : Map.of();
		PlanHistory.Baseline last = method == SpreadMethod.LAST_YEAR ? history.baseline(fiscalYear - 1, tree) : null;
		List<BigDecimal> weights = new ArrayList<>(slots.size());
		for (TargetStore.Key s : slots) {
			weights.add(switch (method) {
				case EVEN -> BigDecimal.ONE;
				case SEASONALITY -> profile.getOrDefault(s.month(), BigDecimal.ONE);
				case LAST_YEAR -> measure == Measure.NEW_CUSTOMERS
						? last.newCustomers().getOrDefault(new TargetStore.GoalKey(s.unitId(), s.month()), BigDecimal.ZERO)
						: last.value(s, measure);
			});
		}
		return weights;
	}

	private static TargetFigures figures(Map<TargetStore.Key, TargetStore.Cell> cells, TargetStore.Key key) {
		TargetStore.Cell cell = cells.get(key);
		return cell == null ? TargetFigures.ZERO : cell.figures();
	}

	/** Writes many cells at once (the API's bulk write); every cell must be a team the user may edit. */
	@Transactional
	public int writeTargets(CurrentUser actor, long versionId, @Nullable Long expectedVersion, List<TargetCell> cells) {
		PlanVersion version = lockForEdit(actor, versionId, expectedVersion);
		PlanTree tree = new PlanTree(org.unitTree());
		DataScope scope = scopes.of(actor);
		Set<Long> lines = new HashSet<>();
		catalog.lines(false).forEach(l -> lines.add(l.id()));
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		List<TargetStore.Cell> rows = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			TargetCell c = cells.get(i);
			String prefix = "cells[" + i + "].";
			if (!tree.contains(c.unitId())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "unitId", "planning.target.unit.unknown"));
				continue;
			}
			if (!PlanPermissions.mayEditUnit(actor, scope, tree, c.unitId())) {
				throw new AccessRefusedException("plans");
			}
			if (!lines.contains(c.lineId())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "lineId", "planning.target.line.unknown"));
			}
			if (c.month() < 1 || c.month() > 12) {
				errors.add(new ValidationFailedException.FieldError(prefix + "month", "planning.target.month.invalid"));
			}
			if (c.revenue().signum() < 0 || c.units().signum() < 0 || c.margin().signum() < 0
					|| !Amounts.fitsPrice(c.revenue()) || !Amounts.fitsPrice(c.margin())) {
				errors.add(new ValidationFailedException.FieldError(prefix + "revenue", "planning.target.value.invalid"));
			}
			rows.add(new TargetStore.Cell(c.unitId(), c.lineId(), c.month(), Amounts.money(c.revenue()),
					c.units().setScale(0, RoundingMode.HALF_UP), Amounts.money(c.margin())));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		store.save(versionId, rows);
		audit.record("PLAN_VERSION", versionId, "TARGETS", null, Map.of("cells", rows.size()), "v" + version.number());
		return rows.size();
	}
}
