package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.planning.Spreading;
import io.rumbo.shared.money.Amounts;

/**
 * The rules of one level of the allocation: a unit's twelve monthly figures split among its children (sub-units and
 * members). Month by month, the pool (the unit's figure plus the over-assignment) goes to the children present that
 * month in proportion to their weights, to the cent (or whole unit) by the largest remainder, so each month's parts
 * add up to its pool exactly and a person who is present only some months is prorated by month. The children are
 * rotated one place per month before the split, so that the unit left over by rounding does not always go to the
 * same child. By hand, a child's year figure is spread over the months it is present in the unit's monthly shape
 * (the plan's seasonality); the over-assignment does not apply.
 */
public final class LevelSplit {

	/**
	 * A sub-unit or member: its weight in each month for a proportional split, the months it is present, its year
	 * figure by hand.
	 */
	public record Child(String key, BigDecimal[] weights, boolean[] present, @Nullable BigDecimal manual) {

		public Child {
			if (present.length != 12 || weights.length != 12) {
				throw new IllegalArgumentException("Twelve months of weights and presence");
			}
		}

		/** A child with the same weight every month. */
		public Child(String key, BigDecimal weight, boolean[] present, @Nullable BigDecimal manual) {
			this(key, constant(weight), present, manual);
		}

		/** A sub-unit: present all year. */
		public static Child unit(String key, BigDecimal weight, @Nullable BigDecimal manual) {
			return unit(key, constant(weight), manual);
		}

		/** A sub-unit with a weight per month (the plan's targets of its subtree). */
		public static Child unit(String key, BigDecimal[] weights, @Nullable BigDecimal manual) {
			boolean[] all = new boolean[12];
			java.util.Arrays.fill(all, true);
			return new Child(key, weights, all, manual);
		}

		private static BigDecimal[] constant(BigDecimal weight) {
			BigDecimal[] weights = new BigDecimal[12];
			java.util.Arrays.fill(weights, weight);
			return weights;
		}
	}

	private LevelSplit() {
	}

	/** The pool of one month: the unit's figure times (1 + over-assignment %), to the measure's scale. */
	public static BigDecimal pool(BigDecimal figure, BigDecimal overPct, int scale) {
		BigDecimal factor = BigDecimal.ONE.add(overPct.divide(Amounts.HUNDRED, 10, RoundingMode.HALF_UP));
		return figure.multiply(factor).setScale(scale, Amounts.ROUNDING);
	}

	/** Each child's twelve monthly figures, by key, in the children's order. */
	public static Map<String, BigDecimal[]> split(BigDecimal[] unitMonths, BigDecimal overPct, List<Child> children,
			boolean byHand, int scale) {
		Map<String, BigDecimal[]> result = new LinkedHashMap<>();
		for (Child c : children) {
			BigDecimal[] months = new BigDecimal[12];
			java.util.Arrays.fill(months, BigDecimal.ZERO.setScale(scale));
			result.put(c.key(), months);
		}
		if (children.isEmpty()) {
			return result;
		}
		if (byHand) {
			for (Child c : children) {
				BigDecimal year = c.manual() == null ? BigDecimal.ZERO : c.manual();
				List<BigDecimal> shape = new ArrayList<>(12);
				boolean any = false;
				for (int m = 0; m < 12; m++) {
					shape.add(c.present()[m] ? unitMonths[m].max(BigDecimal.ZERO) : BigDecimal.ZERO);
					any |= c.present()[m];
				}
				if (!any) {
					continue;
				}
				if (shape.stream().allMatch(v -> v.signum() == 0)) {
					// No seasonality to follow in the months present: evenly over those months only.
					for (int m = 0; m < 12; m++) {
						shape.set(m, c.present()[m] ? BigDecimal.ONE : BigDecimal.ZERO);
					}
				}
				List<BigDecimal> parts = Spreading.allocate(year, shape, scale);
				for (int m = 0; m < 12; m++) {
					result.get(c.key())[m] = parts.get(m);
				}
			}
			return result;
		}
		for (int m = 0; m < 12; m++) {
			List<Child> present = new ArrayList<>();
			for (Child c : children) {
				if (c.present()[m]) {
					present.add(c);
				}
			}
			if (present.isEmpty()) {
				continue;
			}
			int shift = m % present.size();
			List<Child> rotated = new ArrayList<>(present.subList(shift, present.size()));
			rotated.addAll(present.subList(0, shift));
			final int month = m;
			List<BigDecimal> parts = Spreading.allocate(pool(unitMonths[m], overPct, scale),
					rotated.stream().map(c -> c.weights()[month]).toList(), scale);
			for (int i = 0; i < rotated.size(); i++) {
				result.get(rotated.get(i).key())[m] = parts.get(i);
			}
		}
		return result;
	}

	/** A person's effective month: their full share times the ramp factor, to the measure's scale. */
	public static BigDecimal ramped(BigDecimal full, BigDecimal factor, int scale) {
		return full.multiply(factor).setScale(scale, Amounts.ROUNDING);
	}

	/** The mismatch of a level: the unit's figure minus what its sub-units and members carry (negative when over). */
	public static BigDecimal mismatch(BigDecimal unitFigure, List<BigDecimal> allocated) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal a : allocated) {
			sum = sum.add(a);
		}
		return unitFigure.subtract(sum);
	}
}
