package io.rumbo.quotas.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A new hire's ramp: the share of the full quota they carry in their first months of tenure (25/50/75/100 by
 * default), then 100 %. Month 1 of tenure is the month whose middle (the 15th) is less than a month after the hire
 * date, so that someone hired on the 20th starts their ramp with the next month, the first they are counted in.
 */
public record Ramp(List<Integer> percents) {

	public static final Ramp DEFAULT = new Ramp(List.of(25, 50, 75, 100));
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Ramp {
		if (percents.isEmpty() || percents.size() > 24) {
			throw new IllegalArgumentException("A ramp has 1 to 24 months, not " + percents.size());
		}
		for (int p : percents) {
			if (p < 0 || p > 100) {
				throw new IllegalArgumentException("A ramp's share is 0 to 100, not " + p);
			}
		}
		percents = List.copyOf(percents);
	}

	/** Parses {@code "25,50,75,100"}; an error names what is wrong. */
	public static Ramp parse(String text) {
		List<Integer> percents = new ArrayList<>();
		for (String part : text.split(",")) {
			percents.add(Integer.parseInt(part.trim()));
		}
		return new Ramp(percents);
	}

	public String text() {
		return percents.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The month of tenure (1 = first) of the month whose middle is {@code midMonth}; 0 before the hire. */
	public static int tenureMonth(LocalDate hireDate, LocalDate midMonth) {
		if (midMonth.isBefore(hireDate)) {
			return 0;
		}
		return (int) ChronoUnit.MONTHS.between(hireDate, midMonth) + 1;
	}

	/** The share of the full quota (0 to 1) for that month of tenure: the profile's, then all of it. */
	public BigDecimal factor(int tenureMonth) {
		if (tenureMonth <= 0) {
			return BigDecimal.ZERO;
		}
		int percent = tenureMonth <= percents.size() ? percents.get(tenureMonth - 1) : 100;
		return BigDecimal.valueOf(percent).divide(HUNDRED);
	}
}
