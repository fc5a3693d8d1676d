package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.IncentiveCalculation.Input;
import io.rumbo.incentives.domain.AssignmentStore;
import io.rumbo.incentives.domain.Calculation;
import io.rumbo.incentives.domain.Calculation.Held;
import io.rumbo.incentives.domain.Calculation.Outcome;
import io.rumbo.incentives.domain.IncentivePlan;
import io.rumbo.incentives.domain.IncentivePlanRepository;
import io.rumbo.incentives.domain.WhatIf;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The what-if estimator (decision 0024): for a person on an approved plan of the fiscal year of today, what they have
 * earned so far, what they would earn at a given attainment and what each of their open opportunities would add if
 * won. It runs the calculation of the preview and the payout runs ({@link IncentiveCalculation}'s inputs and
 * {@link Calculation}) on figures moved by {@link WhatIf}, never an arithmetic of its own. A salesperson reads their
 * own estimate, a manager those of their subtree, directors, finance and administrators everyone's; anyone else's is
 * not found.
 */
@Service
public class Estimates {

	/** The attainment a what-if is asked at when none is given. */
	public static final BigDecimal DEFAULT_ATTAINMENT = new BigDecimal("100");

	/** The highest attainment the estimator accepts (a misplaced decimal beyond). */
	public static final BigDecimal MAX_ATTAINMENT = new BigDecimal("1000");

	/** The curve's steps: 0 to 150 % by 5. */
	static final int CURVE_TOP = 150;

	static final int CURVE_STEP = 5;

	/**
	 * One component: its period of today (code, first and last day), the figures so far (value, quota, attainment,
	 * the amount of the period so far, the year to date) and the what-if (the value at the attainment asked, its
	 * tier, rate and amount). {@code moves}: whether attainment moves it (it has a quota); {@code held}: why it pays
	 * nothing so far, {@code whatIfHeld}: at the attainment asked.
	 */
	@Schema(name = "IncentiveEstimateComponent")
	public record ComponentEstimate(int component, String name, Metric metric, @Nullable Long productLineId,
			MeasuredOn measuredOn, Cadence cadence, String period, LocalDate from, LocalDate to, BigDecimal value,
			@Nullable BigDecimal quota, @Nullable BigDecimal attainment, BigDecimal periodToDate,
			BigDecimal yearToDate, Held held, boolean moves, BigDecimal whatIfValue, int whatIfTier,
			@Nullable BigDecimal whatIfRate, BigDecimal whatIfCapped, BigDecimal whatIf, Held whatIfHeld) {
	}

	/**
	 * An open opportunity and what winning it would add to the periods it would close in (its expected close, today
	 * when that has passed). {@code counted}: per measure of the plan's components, what it would count
	 * ({@code revenue}: its amount; {@code revenue@7}: its products' of line 7; {@code margin} only when every product
	 * has a standard cost); {@code marginUnknown}: a margin component could not count it; {@code outsideYear}: it
	 * closes after the plan's year and adds nothing to this plan.
	 */
	@Schema(name = "IncentiveEstimateOpportunity")
	public record OpportunityEstimate(long opportunityId, String title, @Nullable String customerName,
			BigDecimal amount, LocalDate expectedClose, String stageCode, int probability, Map<String, BigDecimal> counted,
			boolean marginUnknown, boolean outsideYear, BigDecimal adds) {
	}

	/** A point of the curve: the plan's amount in today's periods at an attainment. */
	@Schema(name = "IncentiveEstimatePoint")
	public record CurvePoint(BigDecimal attainment, BigDecimal amount) {
	}

	/**
	 * A person's estimate as of a day: the plan (absent: none approved covers the person today, and everything else
	 * is empty), the components, the totals (the plan's cap applied to today's periods and to the year to date), the
	 * what-if at {@code attainment}, the curve from 0 to 150 % and the open opportunities by what they would add.
	 */
	@Schema(name = "IncentiveEstimate")
	public record Estimate(long staffId, String staffName, LocalDate asOf, @Nullable Long planId,
			@Nullable String planCode, @Nullable String planName, @Nullable Integer fiscalYear,
			BigDecimal attainment, List<ComponentEstimate> components, BigDecimal periodToDate, BigDecimal yearToDate,
			BigDecimal whatIf, BigDecimal whatIfPlanCapped, List<CurvePoint> curve,
			List<OpportunityEstimate> opportunities) {
	}

	/** Someone whose estimate the reader may open ({@code id}: their staff id), on the plan they are on today. */
	@Schema(name = "IncentiveEstimatePerson")
	public record Person(long id, String name, String planCode) {
	}

	private final IncentivePlans plans;
	private final IncentivePlanRepository repository;
	private final IncentiveCalculation calculation;
	private final EstimateDeals deals;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final Clock clock;

	Estimates(IncentivePlans plans, IncentivePlanRepository repository, IncentiveCalculation calculation,
			EstimateDeals deals, OrgDirectory org, DataScopes scopes, Clock clock) {
		this.plans = plans;
		this.repository = repository;
		this.calculation = calculation;
		this.deals = deals;
		this.org = org;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * The estimate of {@code staffId} at {@code attainment} % (null: 100), or 404 when the person is outside the
	 * reader's scope.
	 */
	@Transactional(readOnly = true)
	public Estimate estimate(CurrentUser actor, long staffId, @Nullable BigDecimal attainment) {
		return estimate(actor, staffId, attainment, LocalDate.now(clock));
	}

	/** The estimate as of {@code today} (the figures are those recorded now, whatever the day). */
	@Transactional(readOnly = true)
	Estimate estimate(CurrentUser actor, long staffId, @Nullable BigDecimal attainment, LocalDate today) {
		BigDecimal at = attainment == null ? DEFAULT_ATTAINMENT : attainment;
		if (at.signum() < 0 || at.compareTo(MAX_ATTAINMENT) > 0) {
			throw io.rumbo.shared.domain.ValidationFailedException.of("attainment",
					"incentives.estimate.attainment.range");
		}
		OrgDirectory.StaffSummary staff = org.staff(staffId)
			.filter(s -> scopes.of(actor).seesStaff(s.id(), s.unitId()))
			.orElseThrow(() -> new NotFoundException("incentive estimate", staffId));
		Optional<Map.Entry<IncentivePlan, AssignmentStore.Row>> on = planOf(staffId, today);
		if (on.isEmpty()) {
			BigDecimal zero = Amounts.money(BigDecimal.ZERO);
			return new Estimate(staffId, staff.fullName(), today, null, null, null, null, at, List.of(), zero, zero,
					zero, zero, List.of(), List.of());
		}
		IncentivePlan plan = on.get().getKey();
		FiscalPeriod year = calculation.year(plan.fiscalYear());
		List<Input> inputs = calculation.inputs(plan, year, year, List.of(on.get().getValue()))
			.getOrDefault(staffId, List.of());
		BigDecimal cap = plan.details().planCap();
		List<Input> current = at(inputs, today);
		List<ComponentEstimate> components = new ArrayList<>();
		List<BigDecimal> whatIfs = new ArrayList<>();
		List<BigDecimal> nows = new ArrayList<>();
		for (Input in : current) {
			Outcome now = Calculation.component(in.rules(), in.figures());
			Outcome what = Calculation.component(in.rules(), WhatIf.at(in.figures(), at, in.ytdValue(),
					in.ytdQuota()));
			BigDecimal ytd = Amounts.money(inputs.stream()
				.filter(i -> i.component() == in.component() && !i.span().start().isAfter(today))
				.map(i -> Calculation.component(i.rules(), i.figures()).amount())
				.reduce(BigDecimal.ZERO, BigDecimal::add));
			components.add(new ComponentEstimate(in.component(), in.details().name(), in.details().metric(),
					in.details().productLineId(), in.details().measuredOn(), in.details().cadence(), in.period(),
					in.span().start(), in.span().lastDay(), now.value(), now.quota(), now.attainment(), now.amount(),
					ytd, now.held(), WhatIf.moves(in.figures()), Amounts.money(what.value()), what.tier(),
					what.rate(), what.capped(), what.amount(), what.held()));
			nows.add(now.amount());
			whatIfs.add(what.amount());
		}
		var periodToDate = Calculation.plan(nows, cap);
		var yearToDate = Calculation.plan(components.stream().map(ComponentEstimate::yearToDate).toList(), cap);
		var whatIf = Calculation.plan(whatIfs, cap);
		return new Estimate(staffId, staff.fullName(), today, plan.id(), plan.code(), plan.details().name(),
				plan.fiscalYear(), at, components, periodToDate.amount(), yearToDate.amount(), whatIf.amount(),
				whatIf.capped(), curve(current, cap), opportunities(actor, staffId, inputs, cap, today, year));
	}

	/** Who the reader may open an estimate of: the people in their scope on an approved plan today, by name. */
	@Transactional(readOnly = true)
	public List<Person> people(CurrentUser actor) {
		return people(actor, LocalDate.now(clock));
	}

	@Transactional(readOnly = true)
	List<Person> people(CurrentUser actor, LocalDate today) {
		DataScope scope = scopes.of(actor);
		Map<Long, String> planOf = new LinkedHashMap<>();
		for (IncentivePlan plan : current(today)) {
			plans.effective(plan, scope)
				.stream()
				.filter(r -> covers(r, today))
				.forEach(r -> planOf.putIfAbsent(r.staffId(), plan.code()));
		}
		Map<Long, String> names = org.staffNames(planOf.keySet());
		return planOf.entrySet()
			.stream()
			.map(e -> new Person(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(Person::name).thenComparing(Person::id))
			.toList();
	}

	/** The plan's total in today's periods at each attainment from 0 to 150 %. */
	private static List<CurvePoint> curve(List<Input> current, @Nullable BigDecimal cap) {
		List<CurvePoint> points = new ArrayList<>();
		for (int percent = 0; percent <= CURVE_TOP; percent += CURVE_STEP) {
			BigDecimal at = BigDecimal.valueOf(percent);
			List<BigDecimal> amounts = current.stream()
				.map(in -> Calculation.component(in.rules(), WhatIf.at(in.figures(), at, in.ytdValue(), in.ytdQuota()))
					.amount())
				.toList();
			points.add(new CurvePoint(at, Calculation.plan(amounts, cap).amount()));
		}
		return points;
	}

	/**
	 * Each open opportunity of the person: the plan's total in the periods of the day it would close (its expected
	 * close, today when that has passed) with what it counts added, less the total without it.
	 */
	private List<OpportunityEstimate> opportunities(CurrentUser actor, long staffId, List<Input> inputs,
			@Nullable BigDecimal cap, LocalDate today, FiscalPeriod year) {
		Set<Metric> measures = new java.util.HashSet<>();
		inputs.forEach(in -> measures.add(in.details().metric()));
		List<OpportunityEstimate> result = new ArrayList<>();
		for (EstimateDeals.Deal deal : deals.openDeals(actor, staffId)) {
			LocalDate closes = deal.expectedClose().isBefore(today) ? today : deal.expectedClose();
			List<Input> then = at(inputs, closes);
			Map<String, BigDecimal> counted = new LinkedHashMap<>();
			boolean marginUnknown = false;
			List<BigDecimal> without = new ArrayList<>();
			List<BigDecimal> with = new ArrayList<>();
			for (Input in : then) {
				Optional<BigDecimal> adds = deal.counts(in.details().metric(), in.details().productLineId());
				if (adds.isEmpty()) {
					marginUnknown |= in.details().metric() == Metric.MARGIN;
				}
				BigDecimal added = adds.orElse(BigDecimal.ZERO);
				if (added.signum() != 0) {
					Long line = in.details().productLineId();
					counted.put(in.details().metric().code() + (line == null ? "" : "@" + line), added);
				}
				without.add(Calculation.component(in.rules(), in.figures()).amount());
				with.add(Calculation.component(in.rules(), WhatIf.plus(in.figures(), added, in.ytdValue(),
						in.ytdQuota())).amount());
			}
			BigDecimal adds = Calculation.plan(with, cap).amount().subtract(Calculation.plan(without, cap).amount());
			result.add(new OpportunityEstimate(deal.id(), deal.title(), deal.customerName(), deal.amount(),
					deal.expectedClose(), deal.stageCode(), deal.probability(), counted, marginUnknown,
					!year.contains(closes), Amounts.money(adds)));
		}
		result.sort(Comparator.comparing(OpportunityEstimate::adds).reversed()
			.thenComparing(OpportunityEstimate::expectedClose)
			.thenComparing(OpportunityEstimate::opportunityId));
		return result;
	}

	/** Per component, the input of the period of its cadence that holds {@code day} (none after its window). */
	private static List<Input> at(List<Input> inputs, LocalDate day) {
		return inputs.stream().filter(in -> in.span().contains(day)).toList();
	}

	/** The approved plan the person is on today and their assignment, the first by code when several. */
	private Optional<Map.Entry<IncentivePlan, AssignmentStore.Row>> planOf(long staffId, LocalDate today) {
		DataScope own = new DataScope(false, Set.of(), staffId, null);
		for (IncentivePlan plan : current(today)) {
			Optional<AssignmentStore.Row> row = plans.effective(plan, own)
				.stream()
				.filter(r -> r.staffId() == staffId && covers(r, today))
				.findFirst();
			if (row.isPresent()) {
				return Optional.of(Map.entry(plan, row.get()));
			}
		}
		return Optional.empty();
	}

	private List<IncentivePlan> current(LocalDate today) {
		return repository.findAll()
			.stream()
			.filter(p -> p.state() == PlanState.APPROVED && calculation.year(p.fiscalYear()).contains(today))
			.sorted(Comparator.comparing(IncentivePlan::code))
			.toList();
	}

	private static boolean covers(AssignmentStore.Row row, LocalDate day) {
		return !row.from().isAfter(day) && (row.to() == null || !row.to().isBefore(day));
	}
}
