package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who wins an award decided by rule: among those whose value qualifies (at least the minimum, or at most it for a
 * measure where lower is better), whoever has the best value; equal values share the award, so rounding never
 * decides. Nobody wins when nobody qualifies.
 */
public final class AwardRule {

	private AwardRule() {
	}

	public static <K> List<K> winners(Map<K, BigDecimal> values, boolean higherIsBetter, @Nullable BigDecimal minimum) {
		BigDecimal best = null;
		for (BigDecimal value : values.values()) {
			if (qualifies(value, higherIsBetter, minimum) && (best == null || better(value, best, higherIsBetter))) {
				best = value;
			}
		}
		List<K> winners = new ArrayList<>();
		if (best == null) {
			return winners;
		}
		for (Map.Entry<K, BigDecimal> entry : values.entrySet()) {
			if (entry.getValue().compareTo(best) == 0) {
				winners.add(entry.getKey());
			}
		}
		return winners;
	}

	private static boolean qualifies(BigDecimal value, boolean higherIsBetter, @Nullable BigDecimal minimum) {
		if (minimum == null) {
			return true;
		}
		return higherIsBetter ? value.compareTo(minimum) >= 0 : value.compareTo(minimum) <= 0;
	}

	private static boolean better(BigDecimal value, BigDecimal than, boolean higherIsBetter) {
		return higherIsBetter ? value.compareTo(than) > 0 : value.compareTo(than) < 0;
	}
}
