package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.BonusLine;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * What makes a plan valid, checked on every save so that a draft is always approvable as written, and how a stored
 * component becomes the {@link ComponentRules} the calculation runs. Every error names its field
 * ({@code components[1].tiers[2].to}) and, in its message, the component by its name and the tier by its number.
 */
public final class PlanRules {

	public static final int MAX_COMPONENTS = 20;

	public static final int MAX_TIERS = 20;

	/** Percentages (thresholds, gates, multiplier points) stay within 0-1,000 %: beyond is a misplaced decimal. */
	static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

	private PlanRules() {
	}

	/** Throws every error of the plan at once; returns normally when it is valid. */
	public static void validate(PlanDetails plan) {
		List<FieldError> errors = new ArrayList<>();
		if (plan.name() == null || plan.name().isBlank()) {
			errors.add(new FieldError("name", "shared.validation.required"));
		}
		if (plan.fiscalYear() < 2000 || plan.fiscalYear() > 2100) {
			errors.add(new FieldError("fiscalYear", "incentives.plan.fiscalYear.invalid"));
		}
		if (plan.planCap() != null && plan.planCap().signum() <= 0) {
			errors.add(new FieldError("planCap", "incentives.plan.positive"));
		}
		if (plan.prorationRule() == null || plan.drawKind() == null || plan.clawbackPolicy() == null) {
			errors.add(new FieldError("prorationRule", "shared.validation.required"));
			throw new ValidationFailedException(errors);
		}
		if (plan.drawKind() != DrawKind.NONE && (plan.drawAmount() == null || plan.drawAmount().signum() <= 0)) {
			errors.add(new FieldError("drawAmount", "incentives.plan.drawAmount.required"));
		}
		if (plan.clawbackPolicy() == ClawbackPolicy.PRORATED && (plan.clawbackPercent() == null
				|| plan.clawbackPercent().signum() <= 0 || plan.clawbackPercent().compareTo(new BigDecimal("100")) > 0)) {
			errors.add(new FieldError("clawbackPercent", "incentives.plan.clawbackPercent.range"));
		}
		List<ComponentDetails> components = plan.components();
		if (components.isEmpty() || components.size() > MAX_COMPONENTS) {
			errors.add(new FieldError("components", "incentives.plan.components.count", MAX_COMPONENTS));
		}
		for (int i = 0; i < components.size(); i++) {
			check(i, components.get(i), errors);
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static void check(int i, ComponentDetails c, List<FieldError> errors) {
		String at = "components[" + i + "].";
		String label = c.name() == null || c.name().isBlank() ? "#" + (i + 1) : c.name();
		if (c.name() == null || c.name().isBlank()) {
			errors.add(new FieldError(at + "name", "incentives.component.name.required", label));
		}
		if (c.metric() == null || c.measuredOn() == null || c.cadence() == null || c.basis() == null || c.kind() == null
				|| c.boundary() == null) {
			errors.add(new FieldError(at + "metric", "incentives.component.choices.required", label));
			return;
		}
		if (c.productLineId() != null && !c.metric().byLine() && !perDeal(c)) {
			errors.add(new FieldError(at + "productLineId", "incentives.component.line.notByLine", label));
		}
		if (c.productLineId() != null && (c.measuredOn() == MeasuredOn.TEAM || needsQuota(c))) {
			// Quotas are set per measure, not per product line: a line's component pays on its value only.
			errors.add(new FieldError(at + "productLineId", "incentives.component.line.valueOnly", label));
		}
		List<TierLine> tiers = c.tiers();
		if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
			errors.add(new FieldError(at + "tiers", "incentives.component.tiers.count", label, MAX_TIERS));
		}
		for (int t = 0; t < tiers.size(); t++) {
			TierLine tier = tiers.get(t);
			String tierAt = at + "tiers[" + t + "].";
			if (tier.from() == null || tier.from().signum() < 0) {
				errors.add(new FieldError(tierAt + "from", "incentives.tier.from.invalid", label, t + 1));
			}
			if (tier.pays() == null || tier.pays().signum() < 0) {
				errors.add(new FieldError(tierAt + "pays", "incentives.tier.pays.invalid", label, t + 1));
			}
			if (tier.from() != null && tier.to() != null && tier.to().compareTo(tier.from()) <= 0) {
				errors.add(new FieldError(tierAt + "to", "incentives.tier.to.notAbove", label, t + 1));
			}
			if (t > 0) {
				TierLine previous = tiers.get(t - 1);
				if (previous.to() == null || tier.from() == null || previous.to().compareTo(tier.from()) != 0) {
					errors.add(new FieldError(tierAt + "from", "incentives.tier.gap", label, t + 1));
				}
			}
			if (tier.to() == null && t < tiers.size() - 1) {
				errors.add(new FieldError(tierAt + "to", "incentives.tier.openNotLast", label, t + 1));
			}
		}
		if (c.kind() == TableKind.PROPORTIONAL && !tiers.isEmpty() && tiers.get(tiers.size() - 1).to() == null) {
			errors.add(new FieldError(at + "tiers[" + (tiers.size() - 1) + "].to",
					"incentives.tier.proportionalBounded", label, tiers.size()));
		}
		if (c.kind() == TableKind.PER_UNIT && tiers.size() > 1) {
			errors.add(new FieldError(at + "tiers", "incentives.component.perUnit.oneTier", label));
		}
		percent(c.thresholdPercent(), at + "thresholdPercent", label, errors);
		percent(c.ytdGatePercent(), at + "ytdGatePercent", label, errors);
		pair(c.acceleratorFrom(), c.acceleratorMultiplier(), at + "acceleratorMultiplier", label, errors);
		pair(c.deceleratorBelow(), c.deceleratorMultiplier(), at + "deceleratorMultiplier", label, errors);
		if (c.acceleratorMultiplier() != null && c.acceleratorMultiplier().compareTo(BigDecimal.ONE) < 0) {
			errors.add(new FieldError(at + "acceleratorMultiplier", "incentives.component.accelerator.belowOne",
					label));
		}
		if (c.deceleratorMultiplier() != null && c.deceleratorMultiplier().compareTo(BigDecimal.ONE) > 0) {
			errors.add(new FieldError(at + "deceleratorMultiplier", "incentives.component.decelerator.aboveOne",
					label));
		}
		if (c.cap() != null && c.cap().signum() <= 0) {
			errors.add(new FieldError(at + "cap", "incentives.component.cap.positive", label));
		}
		for (int b = 0; b < c.bonuses().size(); b++) {
			BonusLine bonus = c.bonuses().get(b);
			if (bonus.target() == null || bonus.amount() == null || bonus.amount().signum() <= 0
					|| bonus.target().signum() < 0) {
				errors.add(new FieldError(at + "bonuses[" + b + "].amount", "incentives.bonus.invalid", label, b + 1));
			}
		}
		if ((c.windowFrom() != null && c.windowFrom().getDayOfMonth() != 1) || (c.windowTo() != null
				&& c.windowTo().getDayOfMonth() != c.windowTo().lengthOfMonth())) {
			// The metrics engine keeps monthly facts: a window is whole months.
			errors.add(new FieldError(at + "windowFrom", "incentives.component.window.months", label));
		}
		if (c.windowFrom() != null && c.windowTo() != null && c.windowTo().isBefore(c.windowFrom())) {
			errors.add(new FieldError(at + "windowTo", "incentives.component.window.order", label));
		}
	}

	private static void percent(@Nullable BigDecimal value, String field, String label, List<FieldError> errors) {
		if (value != null && (value.signum() < 0 || value.compareTo(MAX_PERCENT) > 0)) {
			errors.add(new FieldError(field, "incentives.component.percent.range", label));
		}
	}

	private static void pair(@Nullable BigDecimal point, @Nullable BigDecimal multiplier, String field, String label,
			List<FieldError> errors) {
		if ((point == null) != (multiplier == null)) {
			errors.add(new FieldError(field, "incentives.component.multiplier.pair", label));
		}
		else if (point != null && (point.signum() < 0 || point.compareTo(MAX_PERCENT) > 0 || multiplier.signum() < 0)) {
			errors.add(new FieldError(field, "incentives.component.percent.range", label));
		}
	}

	/** The rules the calculation runs for a (valid) component. */
	public static ComponentRules rules(ComponentDetails c) {
		RateTable table = new RateTable(c.kind(), c.basis(), c.boundary(),
				c.tiers().stream().map(t -> new Tier(t.from(), t.to(), t.pays())).toList());
		ComponentRules rules = ComponentRules.of(table);
		if (c.thresholdPercent() != null) {
			rules = rules.withThreshold(c.thresholdPercent());
		}
		if (c.ytdGatePercent() != null) {
			rules = rules.withYtdGate(c.ytdGatePercent());
		}
		if (c.acceleratorFrom() != null && c.acceleratorMultiplier() != null) {
			rules = rules.withAccelerator(c.acceleratorFrom(), c.acceleratorMultiplier());
		}
		if (c.deceleratorBelow() != null && c.deceleratorMultiplier() != null) {
			rules = rules.withDecelerator(c.deceleratorBelow(), c.deceleratorMultiplier());
		}
		if (!c.bonuses().isEmpty()) {
			rules = rules.withBonuses(c.bonuses().stream()
				.map(b -> new ComponentRules.Bonus(b.target(), b.amount()))
				.toList());
		}
		if (c.cap() != null) {
			rules = rules.withCap(c.cap());
		}
		return rules;
	}

	/**
	 * Whether the component counts deals of a product line: orders on a line (a SPIFF per deal, decision 0024). The
	 * metrics engine has no orders by line; the calculation counts the span's booked orders with a line of it.
	 */
	public static boolean perDeal(ComponentDetails c) {
		return c.metric() == Metric.ORDERS && c.productLineId() != null;
	}

	/** Whether the component needs the person's quota (attainment basis, threshold, gate or multipliers). */
	public static boolean needsQuota(ComponentDetails c) {
		return c.basis() == TableBasis.ATTAINMENT || c.thresholdPercent() != null || c.ytdGatePercent() != null
				|| c.acceleratorFrom() != null || c.deceleratorBelow() != null;
	}
}
