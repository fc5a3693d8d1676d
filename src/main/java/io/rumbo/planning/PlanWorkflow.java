package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanViews.PlanView;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.planning.domain.Plan;
import io.rumbo.planning.domain.PlanRepository;
import io.rumbo.planning.domain.PlanVersion;
import io.rumbo.planning.domain.PlanVersionRepository;
import io.rumbo.planning.domain.TargetStore;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;

/**
 * The life of plans and their versions: a plan per fiscal year created with a first draft proposed from last
 * year's actuals; numbered versions moving from draft to submitted, approved, active and closed (the version guards
 * its own moves); a change to an approved plan is a new draft based on it. Every move is in the audit trail, and
 * activating a version announces {@link PlanVersionActivated}.
 */
@Service
public class PlanWorkflow {

	private final PlanRepository plans;
	private final PlanVersionRepository versions;
	private final TargetStore store;
	private final PlanReading reading;
	private final FiscalCalendar calendar;
	private final PlanHistory history;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PlanWorkflow(PlanRepository plans, PlanVersionRepository versions, TargetStore store, PlanReading reading,
			FiscalCalendar calendar, PlanHistory history, OrgDirectory org, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.versions = versions;
		this.store = store;
		this.reading = reading;
		this.calendar = calendar;
		this.history = history;
		this.org = org;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates the plan of a fiscal year with a first draft proposed from last year's actuals: each cell is last
	 * year's figure for that unit, line and month times (1 + growth %), the line's growth when given, else the
	 * general one. Actuals stay on the unit they were booked on (a team with an agent below keeps its own).
	 */
	@Transactional
	public PlanView create(CurrentUser actor, int fiscalYear, String name, BigDecimal growthPercent,
			Map<Long, BigDecimal> lineGrowth) {
		return create(actor, fiscalYear, name, growthPercent, lineGrowth, Map.of());
	}

	/**
	 * As above, with growth rates per unit too: a cell grows by its line's rate when one is given, else by the rate
	 * of its unit or the nearest unit above it that has one, else by the general rate.
	 */
	@Transactional
	public PlanView create(CurrentUser actor, int fiscalYear, String name, BigDecimal growthPercent,
			Map<Long, BigDecimal> lineGrowth, Map<Long, BigDecimal> unitGrowth) {
		if (!PlanPermissions.mayCreate(actor)) {
			throw new AccessRefusedException("plans");
		}
		if (name == null || name.isBlank()) {
			throw ValidationFailedException.of("name", "planning.plan.name.required");
		}
		List<ValidationFailedException.FieldError> growthChecks = new ArrayList<>();
		growthChecks.add(Bounds.growth("growthPercent", growthPercent));
		lineGrowth.forEach((line, rate) -> growthChecks.add(Bounds.growth("lineGrowthPercent[" + line + "]", rate)));
		unitGrowth.forEach((unit, rate) -> growthChecks.add(Bounds.growth("unitGrowthPercent[" + unit + "]", rate)));
		Bounds.require(growthChecks.toArray(ValidationFailedException.FieldError[]::new));
		if (plans.findByFiscalYear(fiscalYear).isPresent()) {
			throw new ConflictException("planning.plan.exists", calendar.years().label(fiscalYear));
		}
		Plan plan = plans.saveAndFlush(new Plan(fiscalYear, name.trim()));
		PlanVersion first = versions.saveAndFlush(new PlanVersion(plan.id(), 1, null, null, actor.username(),
				LocalDate.now(clock)));
		List<OrgDirectory.UnitNode> nodes = org.unitTree();
		Map<Long, Long> parents = new HashMap<>();
		nodes.forEach(n -> parents.put(n.id(), n.parentId()));
		PlanHistory.Baseline baseline = history.baseline(fiscalYear - 1, new PlanTree(nodes));
		List<TargetStore.Cell> cells = new ArrayList<>();
		baseline.cells().forEach((key, last) -> {
			BigDecimal growth = lineGrowth.get(key.lineId());
			for (Long unit = key.unitId(); growth == null && unit != null; unit = parents.get(unit)) {
				growth = unitGrowth.get(unit);
			}
			TargetFigures grown = last.times(factor(growth == null ? growthPercent : growth));
			cells.add(new TargetStore.Cell(key, new TargetFigures(Amounts.money(grown.revenue()),
					grown.units().setScale(0, RoundingMode.HALF_UP), Amounts.money(grown.margin()))));
		});
		store.save(first.id(), cells);
		BigDecimal factor = factor(growthPercent);
		List<TargetStore.Goal> goals = new ArrayList<>();
		baseline.newCustomers().forEach((key, count) -> goals.add(new TargetStore.Goal(key.unitId(), key.month(),
				count.multiply(factor).setScale(0, RoundingMode.HALF_UP).intValue())));
		store.saveGoals(first.id(), goals);
		audit.record("PLAN", plan.id(), "CREATE", null, Map.of("fiscalYear", fiscalYear, "growthPercent",
				growthPercent.toPlainString(), "lineGrowth", lineGrowth.toString(), "unitGrowth", unitGrowth.toString(),
				"cells", cells.size()), plan.name());
		return reading.plan(actor, plan.id());
	}

	private static BigDecimal factor(BigDecimal growthPercent) {
		return BigDecimal.ONE.add(growthPercent.movePointLeft(2));
	}

	/** A new draft copied from a version (an approved or active one, usually), shown against it. */
	@Transactional
	public VersionView revise(CurrentUser actor, long versionId, @Nullable String note) {
		if (!PlanPermissions.mayCreate(actor)) {
			throw new AccessRefusedException("plans");
		}
		PlanVersion from = reading.versionOf(versionId);
		List<PlanVersion> all = versions.findByPlanIdOrderByNumberDesc(from.planId());
		if (all.stream().anyMatch(v -> v.state() == PlanState.DRAFT || v.state() == PlanState.SUBMITTED)) {
			throw new ConflictException("planning.version.draftExists");
		}
		int number = all.get(0).number() + 1;
		PlanVersion draft = versions.saveAndFlush(new PlanVersion(from.planId(), number, from.id(),
				note == null || note.isBlank() ? null : note.trim(), actor.username(), LocalDate.now(clock)));
		store.copy(from.id(), draft.id());
		audit.record("PLAN_VERSION", draft.id(), "CREATE", null, draft.auditState(), "v" + number);
		return reading.version(actor, draft.id());
	}

	@Transactional
	public VersionView submit(CurrentUser actor, long versionId, long expectedVersion) {
		if (!PlanPermissions.maySubmit(actor)) {
			throw new AccessRefusedException("plans");
		}
		VersionView submitted = move(actor, versionId, expectedVersion, "SUBMIT",
				v -> v.submit(actor.username(), LocalDate.now(clock)));
		Plan plan = reading.planOf(submitted.planId());
		events.publishEvent(new PlanVersionSubmitted(PlanVersionId.of(versionId), plan.id(), plan.name(),
				plan.fiscalYear(), submitted.number(), actor.username()));
		return submitted;
	}

	@Transactional
	public VersionView returnToDraft(CurrentUser actor, long versionId, long expectedVersion) {
		if (!PlanPermissions.mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		return move(actor, versionId, expectedVersion, "RETURN", PlanVersion::returnToDraft);
	}

	@Transactional
	public VersionView approve(CurrentUser actor, long versionId, long expectedVersion) {
		if (!PlanPermissions.mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		VersionView approved = move(actor, versionId, expectedVersion, "APPROVE",
				v -> v.approve(actor.username(), LocalDate.now(clock)));
		Plan plan = reading.planOf(approved.planId());
		events.publishEvent(new PlanVersionApproved(PlanVersionId.of(versionId), plan.id(), plan.name(),
				plan.fiscalYear(), approved.number(), java.util.Objects.requireNonNullElse(approved.submittedBy(),
						approved.createdBy()), actor.username()));
		return approved;
	}

	/**
	 * Makes an approved version the one that counts; the version active until then is closed. Announces
	 * {@link PlanVersionActivated} in the same transaction.
	 */
	@Transactional
	public VersionView activate(CurrentUser actor, long versionId, long expectedVersion) {
		if (!PlanPermissions.mayApprove(actor)) {
			throw new AccessRefusedException("plans");
		}
		PlanVersion target = reading.versionOf(versionId);
		VersionView activated = move(actor, versionId, expectedVersion, "ACTIVATE", PlanVersion::activate);
		PlanVersionId replaced = null;
		for (PlanVersion other : versions.findByPlanIdOrderByNumberDesc(target.planId())) {
			if (other.id() != versionId && other.state() == PlanState.ACTIVE) {
				var before = other.auditState();
				other.close();
				versions.saveAndFlush(other);
				audit.record("PLAN_VERSION", other.id(), "CLOSE", before, other.auditState(), "v" + other.number());
				replaced = PlanVersionId.of(other.id());
			}
		}
		events.publishEvent(new PlanVersionActivated(PlanVersionId.of(versionId),
				reading.planOf(target.planId()).fiscalYear(), replaced, LocalDate.now(clock)));
		return activated;
	}

	/** Checks the version read, lets the version make the move (it refuses a wrong one), saves and audits it. */
	private VersionView move(CurrentUser actor, long versionId, long expectedVersion, String action,
			Consumer<PlanVersion> transition) {
		PlanVersion version = reading.versionOf(versionId);
		if (version.version() != expectedVersion) {
			throw new StaleVersionException(expectedVersion, reading.version(actor, versionId));
		}
		var before = version.auditState();
		transition.accept(version);
		versions.saveAndFlush(version);
		audit.record("PLAN_VERSION", versionId, action, before, version.auditState(), "v" + version.number());
		return reading.version(actor, versionId);
	}
}
