package io.rumbo.incentives;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.incentives.PlanViews.AssignmentView;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanSummary;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.domain.AssignmentStore;
import io.rumbo.incentives.domain.IncentivePlan;
import io.rumbo.incentives.domain.IncentivePlanRepository;
import io.rumbo.incentives.domain.PlanRules;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Incentive plans: directors and administrators write drafts; a director approves them, which makes the version the
 * one that applies, archives the version it replaces, derives the plan's assignments from its population and
 * announces {@link IncentivePlanApproved}. A change to an approved plan is a new draft version. Finance, directors
 * and administrators read every plan; a manager reads the approved plans their people are on, a salesperson only the
 * ones they are on themselves (anything else answers 404).
 */
@Service
public class IncentivePlans {

	public static final Map<String, String> SORTS = Map.of("name", "name", "code", "code", "fiscalYear",
			"fiscal_year", "state", "state", "approvedAt", "approved_at");

	/** The sales jobs a plan without a stated role is for. */
	static final Set<JobRole> SELLING = EnumSet.allOf(JobRole.class);

	/** List filter: a text in the name or code, a fiscal year, a state. */
	public record Filter(@Nullable String q, @Nullable Integer fiscalYear, @Nullable PlanState state) {
	}

	private final IncentivePlanRepository plans;
	private final AssignmentStore assignments;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final MetricsReports periods;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	IncentivePlans(IncentivePlanRepository plans, AssignmentStore assignments, OrgDirectory org, DataScopes scopes,
			MetricsReports periods, AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.assignments = assignments;
		this.org = org;
		this.scopes = scopes;
		this.periods = periods;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Who writes plans and assignments: directors and administrators. */
	public static boolean mayWrite(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** Who approves plans: directors. */
	public static boolean mayApprove(CurrentUser actor) {
		return actor.has(Role.DIRECTOR);
	}

	/** Who reads every plan, drafts included. */
	public static boolean readsAll(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.FINANCE);
	}

	@Transactional(readOnly = true)
	public PageResponse<PlanSummary> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!readsAll(actor)) {
			DataScope scope = scopes.of(actor);
			where.append(" AND p.state <> 'DRAFT' AND EXISTS (SELECT 1 FROM incentives_assignment a"
					+ " WHERE a.plan_code = p.code AND a.excluded = FALSE AND ")
				.append(scope.sql("a.unit_id", "a.staff_id", params))
				.append(')');
		}
		if (filter.state() != null) {
			where.append(" AND p.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.fiscalYear() != null) {
			where.append(" AND p.fiscal_year = :year");
			params.put("year", filter.fiscalYear());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(p.name) LIKE :q OR LOWER(p.code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM incentives_plan p" + where).params(params).query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT p.id FROM incentives_plan p" + where + query.orderBy("p.id") + query.limit())
			.params(params)
			.query(Long.class)
			.list();
		Map<Long, IncentivePlan> found = new HashMap<>();
		plans.findAllById(ids).forEach(p -> found.put(p.id(), p));
		Map<String, Long> counts = assignments.counts(found.values().stream().map(IncentivePlan::code).toList());
		List<PlanSummary> rows = ids.stream()
			.map(found::get)
			.map(p -> new PlanSummary(p.id(), p.code(), p.number(), p.name(), p.fiscalYear(), p.state(),
					p.componentCount(), counts.getOrDefault(p.code(), 0L), p.approvedBy(), p.approvedAt(),
					p.version()))
			.toList();
		return PageResponse.of(rows, query, total);
	}

	@Transactional(readOnly = true)
	public PlanView get(CurrentUser actor, long id) {
		return view(load(actor, id));
	}

	@Transactional
	public PlanView create(CurrentUser actor, PlanDetails details) {
		requireWriter(actor);
		checkReferences(details);
		IncentivePlan draft = IncentivePlan.draft(newCode(details), 1, details, actor.username(), clock.instant());
		plans.saveAndFlush(draft);
		audit.record("INCENTIVE_PLAN", draft.id(), "CREATE", null, draft.auditState(), details.name());
		return view(draft);
	}

	/**
	 * Writes a plan at {@code version}: a draft is rewritten; an approved plan gets a new draft version with the
	 * changes (a plan has one draft at a time), which is what is answered; an archived one is refused.
	 */
	@Transactional
	public PlanView update(CurrentUser actor, long id, long version, PlanDetails details) {
		requireWriter(actor);
		IncentivePlan plan = load(actor, id);
		if (plan.version() != version) {
			throw new StaleVersionException(version, view(plan));
		}
		checkReferences(details);
		if (plan.state() == PlanState.APPROVED) {
			if (plans.existsByCodeAndState(plan.code(), PlanState.DRAFT)) {
				throw new ConflictException("incentives.plan.draftExists", plan.code());
			}
			IncentivePlan next = plan.nextVersion(details, actor.username(), clock.instant());
			plans.saveAndFlush(next);
			audit.record("INCENTIVE_PLAN", next.id(), "NEW_VERSION", plan.auditState(), next.auditState(),
					next.code() + " v" + next.number());
			return view(next);
		}
		var before = plan.auditState();
		plan.revise(details);
		StaleVersionException.guard(version, () -> plans.saveAndFlush(plan), () -> get(actor, id));
		audit.record("INCENTIVE_PLAN", id, "UPDATE", before, plan.auditState(), details.name());
		return view(plan);
	}

	/**
	 * A director approves a draft: the approved version of the same plan (if any) is archived, the population's
	 * assignments are derived afresh, and the approval is announced.
	 */
	@Transactional
	public PlanView approve(CurrentUser actor, long id, long version) {
		IncentivePlan plan = load(actor, id);
		if (!mayApprove(actor)) {
			throw new AccessRefusedException("approve incentive plan");
		}
		if (plan.version() != version) {
			throw new StaleVersionException(version, view(plan));
		}
		IncentivePlan previous = plans.findByCodeAndState(plan.code(), PlanState.APPROVED).orElse(null);
		var before = plan.auditState();
		if (previous != null) {
			previous.archive();
			plans.saveAndFlush(previous);
		}
		plan.approve(actor.username(), clock.instant());
		StaleVersionException.guard(version, () -> plans.saveAndFlush(plan), () -> get(actor, id));
		derive(plan);
		audit.record("INCENTIVE_PLAN", id, "APPROVE", before, plan.auditState(), plan.code() + " v" + plan.number());
		events.publishEvent(new IncentivePlanApproved(IncentivePlanId.of(plan.id()), plan.code(), plan.number(),
				plan.fiscalYear(), previous == null ? null : IncentivePlanId.of(previous.id()), actor.username()));
		return view(plan);
	}

	/** The plan's assignments the reader may see: derived and override rows, by person. */
	@Transactional(readOnly = true)
	public List<AssignmentView> assignments(CurrentUser actor, long planId) {
		IncentivePlan plan = load(actor, planId);
		List<AssignmentStore.Row> rows = assignments.ofPlan(plan.code(), scopes.of(actor));
		Map<Long, String> names = org.staffNames(rows.stream().map(AssignmentStore.Row::staffId).toList());
		return rows.stream()
			.map(r -> new AssignmentView(r.id(), r.planCode(), r.staffId(), names.getOrDefault(r.staffId(), ""),
					r.from(), r.to(), r.origin(), r.excluded(), r.version()))
			.toList();
	}

	/**
	 * Sets a person's own assignment to the plan (an override, which wins over what the population derives): from
	 * and to (both included, no end: still on it), or {@code excluded} to take them off. {@code version}: the
	 * override's version when it exists (409 when stale), ignored otherwise.
	 */
	@Transactional
	public AssignmentView assign(CurrentUser actor, long planId, long staffId, LocalDate from, @Nullable LocalDate to,
			boolean excluded, @Nullable Long version) {
		requireWriter(actor);
		IncentivePlan plan = load(actor, planId);
		if (org.staff(staffId).isEmpty()) {
			throw ValidationFailedException.of("staffId", "incentives.assignment.staff.unknown");
		}
		if (to != null && to.isBefore(from)) {
			throw ValidationFailedException.of("to", "incentives.assignment.dates.order");
		}
		FiscalPeriod year = year(plan.fiscalYear());
		if (!year.contains(from) || (to != null && !year.contains(to))) {
			throw ValidationFailedException.of("from", "incentives.assignment.dates.inYear", plan.fiscalYear());
		}
		var existing = assignments.override(plan.code(), staffId);
		if (existing.isPresent()) {
			long expected = version == null ? existing.get().version() : version;
			if (!assignments.updateOverride(existing.get().id(), expected, from, to, excluded)) {
				throw new StaleVersionException(expected, assignments(actor, planId));
			}
		}
		else {
			long unit = org.unitOn(StaffId.of(staffId), from).or(() -> org.staff(StaffId.of(staffId))
				.map(s -> s.unit()))
				.map(UnitId::value)
				.orElseThrow();
			assignments.insertOverride(plan.code(), staffId, unit, from, to, excluded);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("plan", plan.code());
		after.put("staffId", staffId);
		after.put("from", from.toString());
		after.put("to", to == null ? null : to.toString());
		after.put("excluded", excluded);
		audit.record("INCENTIVE_ASSIGNMENT", plan.code() + "/" + staffId, existing.isPresent() ? "UPDATE" : "CREATE",
				null, after, plan.code());
		return assignments(actor, planId).stream()
			.filter(a -> a.staffId() == staffId && a.origin().equals("OVERRIDE"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Derives the assignments of the plan's population over its fiscal year (two statements on the org history and
	 * one batch): each person from the first day they were in it to the last (no end while they still are).
	 */
	private void derive(IncentivePlan plan) {
		assignments.replaceDerived(plan.code(), population(plan).values());
	}

	/** Who the plan's population is over its fiscal year, by person (not stored). */
	private Map<Long, AssignmentStore.Derived> population(IncentivePlan plan) {
		PlanDetails d = plan.details();
		FiscalPeriod year = year(plan.fiscalYear());
		Set<JobRole> roles = d.populationRole() == null ? SELLING : EnumSet.of(d.populationRole());
		Set<UnitId> subtree = d.populationUnitId() == null ? null : org.subtree(UnitId.of(d.populationUnitId()));
		Set<Long> named = Set.copyOf(d.namedPeople());
		Map<Long, AssignmentStore.Derived> derived = new LinkedHashMap<>();
		for (OrgDirectory.Stay stay : org.staysBetween(year.start(), year.end(), roles)) {
			boolean in = named.isEmpty() ? subtree == null || subtree.contains(stay.unit())
					: named.contains(stay.staff().value());
			if (!in) {
				continue;
			}
			LocalDate from = stay.from().isBefore(year.start()) ? year.start() : stay.from();
			LocalDate to = stay.to() == null || !stay.to().isBefore(year.end()) ? null : stay.to().minusDays(1);
			derived.merge(stay.staff().value(), new AssignmentStore.Derived(stay.staff().value(), stay.unit().value(),
					from, to), (a, b) -> new AssignmentStore.Derived(a.staffId(), a.unitId(),
							a.from().isBefore(b.from()) ? a.from() : b.from(),
							a.to() == null || b.to() == null ? null : a.to().isAfter(b.to()) ? a.to() : b.to()));
		}
		return derived;
	}

	/**
	 * The people the calculation runs on for this plan, as the reader may see them: the stored effective
	 * assignments of an approved (or archived) version; for a draft, its population as it would be derived today,
	 * with the plan's overrides applied.
	 */
	List<AssignmentStore.Row> effective(IncentivePlan plan, DataScope scope) {
		if (plan.state() != PlanState.DRAFT) {
			return assignments.effective(plan.code(), scope);
		}
		Map<Long, AssignmentStore.Row> rows = new LinkedHashMap<>();
		population(plan).values()
			.stream()
			.filter(d -> scope.seesStaff(d.staffId(), d.unitId()))
			.forEach(d -> rows.put(d.staffId(), new AssignmentStore.Row(0, plan.code(), d.staffId(), d.unitId(),
					d.from(), d.to(), "DERIVED", false, 0)));
		assignments.ofPlan(plan.code(), scope)
			.stream()
			.filter(r -> r.origin().equals("OVERRIDE"))
			.forEach(r -> rows.put(r.staffId(), r));
		return rows.values().stream().filter(r -> !r.excluded()).toList();
	}

	/** The fiscal year of a plan as the metrics engine reads periods (the calendar lives in planning). */
	FiscalPeriod year(int fiscalYear) {
		return periods.period("FY" + fiscalYear);
	}

	/** A plan the reader may see, or 404. */
	IncentivePlan load(CurrentUser actor, long id) {
		IncentivePlan plan = plans.findById(id).orElseThrow(() -> new NotFoundException("incentive plan", id));
		if (readsAll(actor)) {
			return plan;
		}
		if (plan.state() == PlanState.DRAFT || !assignments.anyInScope(plan.code(), scopes.of(actor))) {
			throw new NotFoundException("incentive plan", id);
		}
		return plan;
	}

	PlanView view(IncentivePlan plan) {
		PlanDetails d = plan.details();
		String unitName = d.populationUnitId() == null ? null
				: org.unitNames(List.of(d.populationUnitId())).get(d.populationUnitId());
		Map<Long, String> names = org.staffNames(d.namedPeople());
		List<String> people = new ArrayList<>();
		d.namedPeople().forEach(p -> people.add(names.getOrDefault(p, "#" + p)));
		return new PlanView(plan.id(), plan.code(), plan.number(), plan.state(), d, unitName, people,
				plan.createdBy(), plan.createdAt(), plan.approvedBy(), plan.approvedAt(), plan.version());
	}

	private void checkReferences(PlanDetails details) {
		PlanRules.validate(details);
		if (details.populationUnitId() != null && !org.isActiveUnit(details.populationUnitId())) {
			throw ValidationFailedException.of("populationUnitId", "incentives.plan.unit.unknown");
		}
		Map<Long, String> known = org.staffNames(details.namedPeople());
		for (Long person : details.namedPeople()) {
			if (!known.containsKey(person)) {
				throw ValidationFailedException.of("namedPeople", "incentives.plan.person.unknown", person);
			}
		}
	}

	private String newCode(PlanDetails details) {
		String base = Normalizer.normalize(details.name(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (base.length() > 28) {
			base = base.substring(0, 28);
		}
		String year = String.valueOf(details.fiscalYear());
		String code = base.isEmpty() ? "PLAN-" + year : base.endsWith(year) ? base : base + "-" + year;
		String candidate = code;
		for (int n = 2; plans.existsByCode(candidate); n++) {
			candidate = code + "-" + n;
		}
		return candidate;
	}

	private static void requireWriter(CurrentUser actor) {
		if (!mayWrite(actor)) {
			throw new AccessRefusedException("write incentive plans");
		}
	}
}
