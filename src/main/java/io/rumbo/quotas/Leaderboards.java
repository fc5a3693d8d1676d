package io.rumbo.quotas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;
import io.rumbo.quotas.AttainmentViews.Leaderboard;
import io.rumbo.quotas.AttainmentViews.PeriodView;
import io.rumbo.quotas.AttainmentViews.Place;
import io.rumbo.quotas.AttainmentViews.Row;

/**
 * Ranking for the leaderboard: highest attainment first, people without a quota last, equal attainments sharing a
 * rank (1, 2, 2, 4) so that rounding never decides who is ahead. Without names, a reader keeps only the places of the
 * people they may see, at their rank among everyone.
 */
final class Leaderboards {

	private Leaderboards() {
	}

	static Leaderboard rank(PeriodView period, Metric measure, List<Row> rows, boolean named, Predicate<Row> sees,
			@Nullable StaffId self) {
		List<Row> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing((Row r) -> r.pace().attainment(),
				Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(Row::name));
		List<Place> places = new ArrayList<>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < sorted.size(); i++) {
			Row row = sorted.get(i);
			BigDecimal attainment = row.pace().attainment();
			if (i == 0 || attainment == null || previous == null || attainment.compareTo(previous) != 0) {
				rank = i + 1;
			}
			previous = attainment;
			boolean own = self != null && self.value() == row.id();
			if (named || own || sees.test(row)) {
				places.add(new Place(rank, sorted.size(), row.id(), row.name(), row.unitName(), attainment, row.pace().actual(),
						row.pace().quota(), own));
			}
		}
		return new Leaderboard(period, measure.code(), sorted.size(), named, places);
	}
}
