package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;

/** What the incentive plans API reads and writes (the write model is {@link PlanDetails}). */
public final class PlanViews {

	private PlanViews() {
	}

	/**
	 * A plan as written: its name, fiscal year, population (a job role and/or an org subtree, or named people: all
	 * empty means everyone with a sales job), how a partial period is prorated, the plan's cap, its draw, its
	 * clawback policy and its components.
	 */
	@Schema(name = "IncentivePlanDetails")
	public record PlanDetails(String name, int fiscalYear, @Nullable JobRole populationRole,
			@Nullable Long populationUnitId, List<Long> namedPeople, ProrationRule prorationRule,
			@Nullable BigDecimal planCap, DrawKind drawKind, @Nullable BigDecimal drawAmount,
			ClawbackPolicy clawbackPolicy, @Nullable BigDecimal clawbackPercent, List<ComponentDetails> components) {

		public PlanDetails {
			namedPeople = namedPeople == null ? List.of() : List.copyOf(namedPeople);
			components = components == null ? List.of() : List.copyOf(components);
		}
	}

	/**
	 * A component: the measure it pays on (of one product line when given), how often, its rate table (kind, basis,
	 * boundary rule, tiers) and options (docs/incentives.md). {@code windowFrom}/{@code windowTo}: the days it
	 * counts (a SPIFF's window), both included; absent: the whole year.
	 */
	@Schema(name = "IncentiveComponentDetails")
	public record ComponentDetails(String name, Metric metric, MeasuredOn measuredOn, @Nullable Long productLineId, Cadence cadence,
			TableBasis basis, TableKind kind, TierBoundary boundary, List<TierLine> tiers,
			@Nullable BigDecimal thresholdPercent, @Nullable BigDecimal ytdGatePercent,
			@Nullable BigDecimal acceleratorFrom, @Nullable BigDecimal acceleratorMultiplier,
			@Nullable BigDecimal deceleratorBelow, @Nullable BigDecimal deceleratorMultiplier,
			List<BonusLine> bonuses, @Nullable BigDecimal cap, @Nullable LocalDate windowFrom,
			@Nullable LocalDate windowTo) {

		public ComponentDetails {
			tiers = tiers == null ? List.of() : List.copyOf(tiers);
			bonuses = bonuses == null ? List.of() : List.copyOf(bonuses);
		}
	}

	/** A tier: from, to (absent: open above), and what it pays (a rate in %, or an amount). */
	@Schema(name = "IncentiveTierLine")
	public record TierLine(@Nullable BigDecimal from, @Nullable BigDecimal to, @Nullable BigDecimal pays) {
	}

	/** A fixed bonus on reaching a target in the component's basis. */
	@Schema(name = "IncentiveBonusLine")
	public record BonusLine(@Nullable BigDecimal target, @Nullable BigDecimal amount) {
	}

	/** A row of the plan list. */
	@Schema(name = "IncentivePlanSummary")
	public record PlanSummary(long id, String code, int number, String name, int fiscalYear, PlanState state,
			int components, long assigned, @Nullable String approvedBy, @Nullable Instant approvedAt, long version) {
	}

	/** A plan version in full. */
	@Schema(name = "IncentivePlanView")
	public record PlanView(long id, String code, int number, PlanState state, PlanDetails details,
			@Nullable String populationUnitName, List<String> namedPeopleNames, String createdBy, Instant createdAt,
			@Nullable String approvedBy, @Nullable Instant approvedAt, long version) {
	}

	/** Who is on a plan (by code) and when; {@code origin} DERIVED (from the population) or OVERRIDE (by hand). */
	@Schema(name = "IncentiveAssignmentView")
	public record AssignmentView(long id, String planCode, long staffId, String staffName, LocalDate from,
			@Nullable LocalDate to, String origin, boolean excluded, long version) {
	}
}
