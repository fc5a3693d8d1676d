package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure for each fiscal month of a plan's year, by fiscal month number (1 to 12); a month not given is zero.
 * Immutable: {@link #plus} answers a new value.
 */
public record MonthlyValues(Map<Integer, BigDecimal> byMonth) {

	public static final MonthlyValues ZERO = new MonthlyValues(Map.of());

	public MonthlyValues {
		for (Integer month : byMonth.keySet()) {
			if (month < 1 || month > 12) {
				throw new IllegalArgumentException("Fiscal month 1 to 12, not " + month);
			}
		}
		byMonth = Collections.unmodifiableMap(new TreeMap<>(byMonth));
	}

	public static MonthlyValues of(int month, BigDecimal value) {
		return new MonthlyValues(Map.of(month, value));
	}

	public BigDecimal month(int month) {
		return byMonth.getOrDefault(month, BigDecimal.ZERO);
	}

	/** The sum of the given fiscal months. */
	public BigDecimal sum(Collection<Integer> months) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Integer m : months) {
			sum = sum.add(month(m));
		}
		return sum;
	}

	public BigDecimal total() {
		return byMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public MonthlyValues plus(MonthlyValues other) {
		Map<Integer, BigDecimal> sum = new TreeMap<>(byMonth);
		other.byMonth.forEach((m, v) -> sum.merge(m, v, BigDecimal::add));
		return new MonthlyValues(sum);
	}

	public MonthlyValues plus(int month, BigDecimal value) {
		return plus(of(month, value));
	}

	/** Only the given months (the others zero). */
	public MonthlyValues only(Collection<Integer> months) {
		Map<Integer, BigDecimal> kept = new TreeMap<>(byMonth);
		kept.keySet().retainAll(months);
		return new MonthlyValues(kept);
	}
}
