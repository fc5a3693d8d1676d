package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The standard costs of one product over time. The cost in force on a date is the one with the latest start on or
 * before it; before the first start there is no cost (and margins cannot be computed).
 */
public final class CostHistory {

	private final List<CostPeriod> periods;

	public CostHistory(List<Start> starts) {
		List<Start> sorted = new ArrayList<>(starts);
		sorted.sort(Comparator.comparing(Start::validFrom));
		List<CostPeriod> built = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			LocalDate end = i + 1 < sorted.size() ? sorted.get(i + 1).validFrom() : null;
			built.add(new CostPeriod(sorted.get(i).validFrom(), end, sorted.get(i).standardCost()));
		}
		this.periods = List.copyOf(built);
	}

	/** A cost that starts on a date and lasts until the next one starts. */
	public record Start(LocalDate validFrom, BigDecimal standardCost) {
	}

	public Optional<BigDecimal> costOn(LocalDate date) {
		for (int i = periods.size() - 1; i >= 0; i--) {
			if (!date.isBefore(periods.get(i).validFrom())) {
				return Optional.of(periods.get(i).standardCost());
			}
		}
		return Optional.empty();
	}

	public Optional<CostPeriod> periodOn(LocalDate date) {
		return periods.stream().filter(p -> p.covers(date)).findFirst();
	}

	/** Newest first, as pages list them. */
	public List<CostPeriod> newestFirst() {
		List<CostPeriod> copy = new ArrayList<>(periods);
		java.util.Collections.reverse(copy);
		return copy;
	}
}
