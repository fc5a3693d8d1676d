package io.rumbo.improvement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The metrics engine's figures for many measured goals at once: goals that read the same measure over the same months
 * are asked together, one {@link MetricsQuery#byPerson} call per measure and period whatever the number of people.
 */
@Component
public class GoalFigures {

	/** A measured goal of a person: the plan's start and the goal's deadline give the months it reads. */
	public record Subject(long goalId, long staffId, Metric metric, LocalDate start, LocalDate dueOn) {

		FiscalPeriod period() {
			return GoalPacing.measured(start, dueOn);
		}
	}

	private record Key(Metric metric, FiscalPeriod period) {
	}

	private final MetricsQuery metrics;

	GoalFigures(MetricsQuery metrics) {
		this.metrics = metrics;
	}

	/** Each goal's figure; a goal whose ratio is undefined (nothing to divide by) is left out. */
	public Map<Long, BigDecimal> of(Collection<Subject> subjects) {
		Map<Key, List<Subject>> groups = subjects.stream()
			.collect(Collectors.groupingBy(s -> new Key(s.metric(), s.period()), LinkedHashMap::new,
					Collectors.toList()));
		Map<Long, BigDecimal> figures = new HashMap<>();
		groups.forEach((key, members) -> {
			Map<StaffId, BigDecimal> byPerson = metrics.byPerson(key.metric(), key.period(),
					members.stream().map(s -> StaffId.of(s.staffId())).distinct().toList());
			for (Subject s : members) {
				BigDecimal figure = byPerson.get(StaffId.of(s.staffId()));
				if (figure != null) {
					figures.put(s.goalId(), figure);
				}
			}
		});
		return figures;
	}
}
