package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.math.MathContext;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.money.Amounts;

/**
 * The figures of a what-if (pure; the estimator's arithmetic, decision 0024): the period's value moved to an
 * attainment, or increased by what a deal would add, everything else as it is (quota, proration, the year before a
 * retroactive period). {@link Calculation#component} then pays them as it pays a statement line, so tiers,
 * accelerators, thresholds, caps and bonuses apply unchanged. A year-to-date gate is checked on the year as it would
 * then be: the year's value to the period's end with the period's value replaced.
 */
public final class WhatIf {

	private WhatIf() {
	}

	/**
	 * The figures with the period's value at {@code attainment} % of its quota; unchanged when there is no quota
	 * (a measure without one is not moved by attainment).
	 *
	 * @param ytdValue the year's value up to the period's end (for a gate), null without a gate
	 * @param ytdQuota the year's quota up to the period's end (for a gate), null without a gate or quota
	 */
	public static Calculation.Figures at(Calculation.Figures figures, BigDecimal attainment,
			@Nullable BigDecimal ytdValue, @Nullable BigDecimal ytdQuota) {
		if (attainment.signum() < 0) {
			throw new IllegalArgumentException("An attainment is not negative: " + attainment);
		}
		if (figures.quota() == null || figures.quota().signum() <= 0) {
			return figures;
		}
		BigDecimal value = figures.quota().multiply(attainment).divide(Amounts.HUNDRED, MathContext.DECIMAL128);
		return with(figures, value, ytdValue, ytdQuota);
	}

	/** The figures with {@code added} more in the period's value (a deal won). */
	public static Calculation.Figures plus(Calculation.Figures figures, BigDecimal added,
			@Nullable BigDecimal ytdValue, @Nullable BigDecimal ytdQuota) {
		return with(figures, figures.value().add(added), ytdValue, ytdQuota);
	}

	/** Whether attainment moves the figures: the period has a quota. */
	public static boolean moves(Calculation.Figures figures) {
		return figures.quota() != null && figures.quota().signum() > 0;
	}

	private static Calculation.Figures with(Calculation.Figures figures, BigDecimal value,
			@Nullable BigDecimal ytdValue, @Nullable BigDecimal ytdQuota) {
		BigDecimal ytd = figures.ytdAttainment();
		if (ytdValue != null && ytdQuota != null && ytdQuota.signum() > 0) {
			ytd = ytdValue.subtract(figures.value())
				.add(value)
				.multiply(Amounts.HUNDRED)
				.divide(ytdQuota, MathContext.DECIMAL128);
		}
		return new Calculation.Figures(value, figures.quota(), ytd, figures.before(), figures.quotaBefore(),
				figures.proration());
	}
}
