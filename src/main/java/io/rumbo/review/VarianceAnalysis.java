package io.rumbo.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.money.Amounts;

/**
 * The variance arithmetic of a review (decision 0031, docs/variance.md): the revenue gap between a base (the plan, or
 * last year) and the actual split into volume, mix and price effects per product line, and the margin gap split into
 * a revenue effect and a cost effect. Effects are computed exactly and rounded to the cent per line; the rounding
 * residue of a line goes into its mix effect, so that volume + mix + price = gap to the cent on every line, and the
 * totals are the sums of the lines.
 */
public final class VarianceAnalysis {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private VarianceAnalysis() {
	}

	/**
	 * One product line's base and actual. {@code fallbackPrice}: the price that stands for the base when the base has
	 * revenue but no quantity (a plan made in money only): last year's average price of the line.
	 */
	public record LineInput(String key, BigDecimal baseRevenue, BigDecimal baseQuantity, BigDecimal actualRevenue,
			BigDecimal actualQuantity, @Nullable BigDecimal fallbackPrice) {
	}

	/** A line's (or the total's) effects, in cents; {@code gap} = actual - base = volume + mix + price. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ReviewVarianceEffects")
	public record Effects(String key, BigDecimal base, BigDecimal actual, BigDecimal volume, BigDecimal mix,
			BigDecimal price, BigDecimal gap, @Nullable BigDecimal basePrice, boolean derivedPrice) {

		public @Nullable BigDecimal gapPercent() {
			return base.signum() == 0 ? null
					: gap.multiply(BigDecimal.valueOf(100)).divide(base.abs(), 1, RoundingMode.HALF_UP);
		}
	}

	public record Decomposition(List<Effects> lines, Effects total) {
	}

	/** The margin gap: revenue effect = revenue gap x base margin rate; cost effect = the rest of the margin gap. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ReviewMarginSplit")
	public record MarginSplit(BigDecimal baseMargin, BigDecimal actualMargin, BigDecimal revenueEffect,
			BigDecimal costEffect, BigDecimal gap) {
	}

	/**
	 * Splits the revenue gap of each line. With Q the quantities, P the base price of a line (base revenue / base
	 * quantity, else the fallback price, else the line's actual price) and Qa, Qb the totals over the lines that have
	 * a price: volume = (Qa - Qb) x (Qb_i / Qb) x P_i; mix = (Qa_i - Qa x Qb_i / Qb) x P_i; price = actual revenue -
	 * Qa_i x P_i. A line without any quantity (neither base, actual nor a fallback price) is in money only: its whole
	 * gap is volume.
	 */
	public static Decomposition decompose(List<LineInput> inputs) {
		record Priced(LineInput in, @Nullable BigDecimal price, BigDecimal baseQty, boolean derived) {
		}
		List<Priced> priced = new ArrayList<>();
		BigDecimal qb = BigDecimal.ZERO;
		BigDecimal qa = BigDecimal.ZERO;
		for (LineInput in : inputs) {
			BigDecimal price = null;
			BigDecimal baseQty = in.baseQuantity();
			boolean derived = false;
			if (in.baseQuantity().signum() > 0) {
				price = in.baseRevenue().divide(in.baseQuantity(), EXACT);
			}
			else if (in.fallbackPrice() != null && in.fallbackPrice().signum() > 0) {
				price = in.fallbackPrice();
				baseQty = in.baseRevenue().divide(price, EXACT);
				derived = true;
			}
			else if (in.actualQuantity().signum() > 0) {
				price = in.actualRevenue().divide(in.actualQuantity(), EXACT);
				baseQty = in.baseRevenue().divide(price, EXACT);
				derived = true;
			}
			if (price != null) {
				qb = qb.add(baseQty);
				qa = qa.add(in.actualQuantity());
			}
			priced.add(new Priced(in, price, baseQty, derived));
		}
		List<Effects> lines = new ArrayList<>();
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO };
		for (Priced p : priced) {
			BigDecimal base = Amounts.money(p.in().baseRevenue());
			BigDecimal actual = Amounts.money(p.in().actualRevenue());
			BigDecimal gap = actual.subtract(base);
			BigDecimal volume;
			BigDecimal price;
			if (p.price() == null || qb.signum() == 0) {
				volume = gap;
				price = Amounts.money(BigDecimal.ZERO);
			}
			else {
				BigDecimal share = p.baseQty().divide(qb, EXACT);
				volume = Amounts.money(qa.subtract(qb).multiply(share, EXACT).multiply(p.price(), EXACT));
				price = Amounts.money(p.in().actualRevenue().subtract(p.in().actualQuantity().multiply(p.price(), EXACT)));
			}
			// The mix effect is what is left of the line's gap: exactly its formula's value up to the rounding
			// residue of the three rounded effects (never more than a cent or two).
			BigDecimal mix = gap.subtract(volume).subtract(price);
			lines.add(new Effects(p.in().key(), base, actual, volume, mix, price, gap,
					p.price() == null ? null : p.price().setScale(4, RoundingMode.HALF_UP), p.derived()));
			sums[0] = sums[0].add(base);
			sums[1] = sums[1].add(actual);
			sums[2] = sums[2].add(volume);
			sums[3] = sums[3].add(mix);
			sums[4] = sums[4].add(price);
			sums[5] = sums[5].add(gap);
		}
		return new Decomposition(lines, new Effects("total", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
				null, false));
	}

	/**
	 * The mix effect by its own formula, unrounded: (Qa_i - Qa x Qb_i / Qb) x P_i. The decomposition takes the mix as
	 * the rest of the gap; this is what it equals up to the rounding residue (the unit test checks both).
	 */
	public static BigDecimal mixByFormula(BigDecimal qa, BigDecimal qb, BigDecimal qaLine, BigDecimal qbLine,
			BigDecimal price) {
		return qaLine.subtract(qa.multiply(qbLine).divide(qb, EXACT)).multiply(price, EXACT);
	}

	/** Splits a margin gap; base figures are the plan's (or last year's), all in money. */
	public static MarginSplit margin(BigDecimal baseRevenue, BigDecimal baseMargin, BigDecimal actualRevenue,
			BigDecimal actualMargin) {
		BigDecimal bm = Amounts.money(baseMargin);
		BigDecimal am = Amounts.money(actualMargin);
		BigDecimal gap = am.subtract(bm);
		BigDecimal revenueGap = Amounts.money(actualRevenue).subtract(Amounts.money(baseRevenue));
		BigDecimal revenueEffect = baseRevenue.signum() == 0 ? Amounts.money(BigDecimal.ZERO)
				: Amounts.money(revenueGap.multiply(baseMargin.divide(baseRevenue, EXACT), EXACT));
		return new MarginSplit(bm, am, revenueEffect, gap.subtract(revenueEffect), gap);
	}
}
