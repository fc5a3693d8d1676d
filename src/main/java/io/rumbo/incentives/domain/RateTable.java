package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;

/**
 * A rate table: its kind, what its boundaries are stated in, which side of a boundary is inclusive, and its tiers,
 * contiguous and ascending (each starts where the one before ends; only the last may be open). The arithmetic is in
 * {@link #amount(BigDecimal, BigDecimal)} and is the same whatever the basis: boundaries stated as attainment % are
 * first turned into values through the quota (100 % of a quota of 100,000 is 100,000).
 * <p>
 * Amounts here are exact (not rounded): {@link Calculation} rounds once, per component, through
 * {@link io.rumbo.shared.money.Amounts}.
 */
public record RateTable(TableKind kind, TableBasis basis, TierBoundary boundary, List<Tier> tiers) {

	static final MathContext EXACT = MathContext.DECIMAL128;

	public RateTable {
		tiers = List.copyOf(tiers);
		if (tiers.isEmpty()) {
			throw new IllegalArgumentException("A rate table has at least one tier");
		}
		for (int i = 1; i < tiers.size(); i++) {
			BigDecimal previousEnd = tiers.get(i - 1).to();
			if (previousEnd == null || previousEnd.compareTo(tiers.get(i).from()) != 0) {
				throw new IllegalArgumentException("Tiers are contiguous: tier " + (i + 1));
			}
		}
		if (kind == TableKind.PROPORTIONAL && tiers.get(tiers.size() - 1).to() == null) {
			throw new IllegalArgumentException("A proportional table's last tier has an upper bound");
		}
	}

	/** The tiers in values: attainment boundaries times the quota / 100. */
	List<Tier> inValues(@Nullable BigDecimal quota) {
		if (basis == TableBasis.VALUE) {
			return tiers;
		}
		if (quota == null || quota.signum() <= 0) {
			throw new IllegalStateException("An attainment table needs a quota");
		}
		List<Tier> scaled = new ArrayList<>();
		for (Tier tier : tiers) {
			scaled.add(new Tier(percentOf(tier.from(), quota), tier.to() == null ? null : percentOf(tier.to(), quota),
					tier.pays()));
		}
		return scaled;
	}

	/**
	 * The index of the tier a value is in (0-based), or -1 below the first tier. On a boundary the
	 * {@link TierBoundary} decides.
	 */
	public int tierOf(BigDecimal value, @Nullable BigDecimal quota) {
		List<Tier> rows = inValues(quota);
		int found = -1;
		for (int i = 0; i < rows.size(); i++) {
			Tier tier = rows.get(i);
			boolean aboveFrom = boundary == TierBoundary.LOWER_INCLUSIVE ? value.compareTo(tier.from()) >= 0
					: value.compareTo(tier.from()) > 0 || (i == 0 && value.compareTo(tier.from()) == 0);
			if (aboveFrom) {
				found = i;
			}
		}
		return found;
	}

	/** What the table pays on a value (exact, not rounded); {@code quota} is needed for attainment tables. */
	public BigDecimal amount(BigDecimal value, @Nullable BigDecimal quota) {
		List<Tier> rows = inValues(quota);
		return switch (kind) {
			case FLAT, RETROACTIVE -> {
				int tier = tierOf(value, quota);
				yield tier < 0 ? BigDecimal.ZERO : percentOf(rows.get(tier).pays(), value);
			}
			case MARGINAL -> {
				BigDecimal sum = BigDecimal.ZERO;
				for (Tier tier : rows) {
					sum = sum.add(percentOf(tier.pays(), inside(value, tier)));
				}
				yield sum;
			}
			case PROPORTIONAL -> {
				BigDecimal sum = BigDecimal.ZERO;
				for (Tier tier : rows) {
					BigDecimal width = tier.to().subtract(tier.from());
					sum = sum.add(tier.pays().multiply(inside(value, tier)).divide(width, EXACT));
				}
				yield sum;
			}
			case PER_UNIT -> value.signum() <= 0 ? BigDecimal.ZERO : value.multiply(rows.get(0).pays());
		};
	}

	/** The rate (or amount) of the tier the value is in, as the statement shows it; null below the first tier. */
	public @Nullable BigDecimal paysAt(BigDecimal value, @Nullable BigDecimal quota) {
		if (kind == TableKind.PER_UNIT) {
			return tiers.get(0).pays();
		}
		int tier = tierOf(value, quota);
		return tier < 0 ? null : tiers.get(tier).pays();
	}

	/** The part of a value that lies inside a tier (0 below it, its width above it). */
	private static BigDecimal inside(BigDecimal value, Tier tier) {
		BigDecimal top = tier.to() == null ? value : value.min(tier.to());
		BigDecimal part = top.subtract(tier.from());
		return part.signum() < 0 ? BigDecimal.ZERO : part;
	}

	/**
	 * {@code percent x value / 100}, exactly {@code divide(HUNDRED, EXACT)} (the same digits and scale), without its
	 * long division: the quotient by 100 is exact, at the product's scale or the least one above it that holds it.
	 * The division is kept for the rare product whose quotient needs more than {@link #EXACT}'s 34 digits. A payout
	 * run of thousands of people calls this a score of times per person (docs/benchmarks.md, "Payout runs").
	 */
	static BigDecimal percentOf(BigDecimal percent, BigDecimal value) {
		BigDecimal product = percent.multiply(value);
		if (product.signum() != 0) {
			BigDecimal exact = product.scaleByPowerOfTen(-2).stripTrailingZeros();
			BigDecimal result = exact.scale() < product.scale() ? exact.setScale(product.scale()) : exact;
			if (result.precision() <= EXACT.getPrecision()) {
				return result;
			}
		}
		return product.divide(io.rumbo.shared.money.Amounts.HUNDRED, EXACT);
	}
}
