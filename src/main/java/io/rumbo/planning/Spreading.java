package io.rumbo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Divides a total among cells in proportion to weights, to a fixed scale, so that the parts always add up to the
 * total exactly: each part is first rounded down, then the units left over (cents, or whole units) go one by one to
 * the parts with the largest remainders, ties to the earlier cell (largest remainder method). Without any positive
 * weight the total is divided evenly. A negative total is spread the same way with signs reversed.
 */
public final class Spreading {

	private Spreading() {
	}

	public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, int scale) {
		int n = weights.size();
		if (n == 0) {
			return List.of();
		}
		if (total.signum() < 0) {
			return allocate(total.negate(), weights, scale).stream().map(BigDecimal::negate).toList();
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal w : weights) {
			if (w.signum() > 0) {
				sum = sum.add(w);
			}
		}
		List<BigDecimal> effective = new ArrayList<>(n);
		for (BigDecimal w : weights) {
			effective.add(sum.signum() == 0 ? BigDecimal.ONE : (w.signum() > 0 ? w : BigDecimal.ZERO));
		}
		BigDecimal weightSum = sum.signum() == 0 ? BigDecimal.valueOf(n) : sum;
		BigDecimal target = total.setScale(scale, RoundingMode.HALF_UP);
		List<BigDecimal> parts = new ArrayList<>(n);
		List<BigDecimal> remainders = new ArrayList<>(n);
		BigDecimal allocated = BigDecimal.ZERO;
		for (BigDecimal w : effective) {
			BigDecimal exact = target.multiply(w).divide(weightSum, scale + 10, RoundingMode.HALF_UP);
			BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
			parts.add(floor);
			remainders.add(exact.subtract(floor));
			allocated = allocated.add(floor);
		}
		BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
		long leftover = target.subtract(allocated).divide(step, 0, RoundingMode.HALF_UP).longValue();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
		for (int k = 0; k < leftover; k++) {
			int i = order.get(k % n);
			parts.set(i, parts.get(i).add(step));
		}
		return parts;
	}
}
