package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.shared.money.Amounts;

/**
 * What one component pays one person for one period, from the figures (pure; docs/incentives.md gives the steps and
 * the worked examples, {@code CalculationTests} checks them). The order is fixed: year-to-date gate, threshold,
 * table, accelerator/decelerator, bonuses, proration, cap, and only then one rounding to cents through
 * {@link Amounts}; the attainment shown is rounded to 2 decimals, the arithmetic uses the exact one.
 */
public final class Calculation {

	private Calculation() {
	}

	/**
	 * The figures one component is calculated on.
	 *
	 * @param value the measure's value in the period (as the metrics engine credits it: splits and returns included)
	 * @param quota the person's quota of the measure in the period; null when none is published
	 * @param ytdAttainment the year-to-date attainment in percent, for the gate; null when unknown
	 * @param before for a retroactive table, the value of the year before this period (0 in its first period)
	 * @param quotaBefore for a retroactive attainment table, the quota of the year before this period
	 * @param proration the share of the period the person was on the plan, 0 to 1
	 */
	public record Figures(BigDecimal value, @Nullable BigDecimal quota, @Nullable BigDecimal ytdAttainment,
			BigDecimal before, @Nullable BigDecimal quotaBefore, BigDecimal proration) {

		public Figures {
			if (proration.signum() < 0 || proration.compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException("A proration is between 0 and 1: " + proration);
			}
		}

		/** A whole period, no year-to-date history. */
		public static Figures of(BigDecimal value, @Nullable BigDecimal quota) {
			return new Figures(value, quota, null, BigDecimal.ZERO, null, BigDecimal.ONE);
		}

		public Figures prorated(BigDecimal share) {
			return new Figures(value, quota, ytdAttainment, before, quotaBefore, share);
		}

		public Figures yearToDate(@Nullable BigDecimal attainment) {
			return new Figures(value, quota, attainment, before, quotaBefore, proration);
		}

		public Figures after(BigDecimal valueBefore, @Nullable BigDecimal quotaOfYearBefore) {
			return new Figures(value, quota, ytdAttainment, valueBefore, quotaOfYearBefore, proration);
		}
	}

	/** Why a component pays nothing although it has a value. */
	public enum Held {
		NONE, NO_QUOTA, YTD_GATE, THRESHOLD
	}

	/**
	 * One line of the explanation: the figures, the tier (1-based, 0 below the first) and its rate or amount, what
	 * the table paid, what the multipliers added (negative for a decelerator), the bonuses, the proration, what the
	 * cap took, and the amount in cents.
	 */
	public record Outcome(BigDecimal value, @Nullable BigDecimal quota, @Nullable BigDecimal attainment, int tier,
			@Nullable BigDecimal rate, BigDecimal tableAmount, BigDecimal multiplied, BigDecimal bonus,
			BigDecimal proration, BigDecimal capped, BigDecimal amount, Held held) {
	}

	/** What the rules pay on these figures. */
	public static Outcome component(ComponentRules rules, Figures figures) {
		RateTable table = rules.table();
		BigDecimal value = figures.value();
		BigDecimal quota = figures.quota() == null || figures.quota().signum() <= 0 ? null : figures.quota();
		BigDecimal attainment = quota == null ? null
				: value.multiply(Amounts.HUNDRED).divide(quota, RateTable.EXACT);
		BigDecimal shown = attainment == null ? null : attainment.setScale(2, RoundingMode.HALF_UP);
		if (quota == null && rules.needsQuota()) {
			return held(figures, shown, Held.NO_QUOTA);
		}
		if (rules.ytdGatePercent() != null && (figures.ytdAttainment() == null
				|| figures.ytdAttainment().compareTo(rules.ytdGatePercent()) < 0)) {
			return held(figures, shown, Held.YTD_GATE);
		}
		if (rules.thresholdPercent() != null && attainment.compareTo(rules.thresholdPercent()) < 0) {
			return held(figures, shown, Held.THRESHOLD);
		}
		BigDecimal tableAmount;
		int tier;
		BigDecimal rate;
		if (table.kind() == TableKind.RETROACTIVE) {
			// The year to date re-rated at the tier it has reached, less what the year had earned before the period.
			BigDecimal ytdValue = figures.before().add(value);
			BigDecimal ytdQuota = quota == null ? null
					: figures.quotaBefore() == null ? quota : figures.quotaBefore().add(quota);
			tableAmount = table.amount(ytdValue, ytdQuota)
				.subtract(table.amount(figures.before(), figures.quotaBefore() == null ? ytdQuota
						: figures.quotaBefore()));
			tier = table.tierOf(ytdValue, ytdQuota) + 1;
			rate = table.paysAt(ytdValue, ytdQuota);
		}
		else {
			tableAmount = table.amount(value, quota);
			tier = table.tierOf(value, quota) + 1;
			rate = table.paysAt(value, quota);
		}
		BigDecimal multiplied = BigDecimal.ZERO;
		if (rules.accelerator() != null) {
			BigDecimal point = RateTable.percentOf(rules.accelerator().fromPercent(), quota);
			if (value.compareTo(point) > 0) {
				BigDecimal above = tableAmount.subtract(table.amount(point, quota));
				multiplied = multiplied.add(above.multiply(rules.accelerator().multiplier().subtract(BigDecimal.ONE)));
			}
		}
		if (rules.decelerator() != null) {
			BigDecimal point = RateTable.percentOf(rules.decelerator().fromPercent(), quota);
			BigDecimal below = table.amount(value.min(point), quota);
			multiplied = multiplied.add(below.multiply(rules.decelerator().multiplier().subtract(BigDecimal.ONE)));
		}
		BigDecimal reached = table.basis() == TableBasis.ATTAINMENT ? attainment : value;
		BigDecimal bonus = BigDecimal.ZERO;
		for (ComponentRules.Bonus b : rules.bonuses()) {
			if (reached != null && reached.compareTo(b.target()) >= 0) {
				bonus = bonus.add(b.amount());
			}
		}
		BigDecimal earned = tableAmount.add(multiplied).add(bonus).multiply(figures.proration());
		BigDecimal capped = Amounts.money(BigDecimal.ZERO);
		if (rules.cap() != null && earned.compareTo(rules.cap()) > 0) {
			capped = Amounts.money(earned.subtract(rules.cap()));
			earned = rules.cap();
		}
		return new Outcome(value, quota, shown, tier, rate, Amounts.money(tableAmount), Amounts.money(multiplied),
				Amounts.money(bonus), figures.proration(), capped, Amounts.money(earned), Held.NONE);
	}

	private static Outcome held(Figures figures, @Nullable BigDecimal attainment, Held why) {
		BigDecimal zero = Amounts.money(BigDecimal.ZERO);
		return new Outcome(figures.value(), figures.quota(), attainment, 0, null, zero, zero, zero,
				figures.proration(), zero, zero, why);
	}

	/** A plan's total for a person: the components' amounts, capped by the plan's cap with the excess recorded. */
	public record PlanTotal(BigDecimal earned, BigDecimal capped, BigDecimal amount) {
	}

	public static PlanTotal plan(Iterable<BigDecimal> componentAmounts, @Nullable BigDecimal cap) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal amount : componentAmounts) {
			sum = sum.add(amount);
		}
		sum = Amounts.money(sum);
		if (cap != null && sum.compareTo(cap) > 0) {
			return new PlanTotal(sum, Amounts.money(sum.subtract(cap)), Amounts.money(cap));
		}
		return new PlanTotal(sum, Amounts.money(BigDecimal.ZERO), sum);
	}
}
