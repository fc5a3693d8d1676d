package io.rumbo.people;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.people.PeopleViews.Group;
import io.rumbo.people.PeopleViews.TrainingEffect;

/**
 * The effect of a programme, as a simple comparison: the people who completed it against the active people of the
 * same job roles who did not, each group's average of a measure ({@link TrainingMeasure}) over the months before and
 * after the median completion date. Both groups use the same calendar windows, so a good or bad season shows in both;
 * nothing else is controlled for, and the page says so.
 */
@Service
public class TrainingEffects {

	public static final int DEFAULT_MONTHS = 3;

	private final JdbcClient jdbc;
	private final TrainingQueries queries;
	private final ObjectProvider<TrainingMeasure> measures;
	private final Clock clock;

	TrainingEffects(JdbcClient jdbc, TrainingQueries queries, ObjectProvider<TrainingMeasure> measures, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.measures = measures;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public TrainingEffect of(ProgrammeId programme, int months) {
		queries.programme(programme);
		int span = Math.max(1, Math.min(12, months));
		TrainingMeasure measure = measures.getIfAvailable();
		List<LocalDate> completions = jdbc.sql("""
				SELECT MAX(e.completed_on) FROM people_enrolment e
				WHERE e.programme_id = :p AND e.status = 'COMPLETED' GROUP BY e.staff_id ORDER BY 1""")
			.param("p", programme.value()).query(LocalDate.class).list();
		List<Long> participants = jdbc.sql("SELECT DISTINCT e.staff_id FROM people_enrolment e WHERE e.programme_id = :p"
				+ " AND e.status = 'COMPLETED' ORDER BY 1").param("p", programme.value()).query(Long.class).list();
		List<Long> others = participants.isEmpty() ? List.of() : jdbc.sql("""
				SELECT pp.staff_id FROM people_person pp
				WHERE pp.active = TRUE
				  AND pp.job_role IN (SELECT x.job_role FROM people_person x WHERE x.staff_id IN (:participants))
				  AND NOT EXISTS (SELECT 1 FROM people_enrolment e WHERE e.staff_id = pp.staff_id
				                  AND e.programme_id = :p AND e.status = 'COMPLETED')
				ORDER BY pp.staff_id""")
			.param("participants", participants).param("p", programme.value()).query(Long.class).list();
		String code = measure == null ? "none" : measure.code();
		if (completions.isEmpty() || measure == null) {
			return new TrainingEffect(programme.value(), code, span, null, new Group(participants.size(), null, null,
					null), new Group(others.size(), null, null, null), measure != null);
		}
		LocalDate median = completions.get(completions.size() / 2);
		Windows w = Windows.around(median, span, LocalDate.now(clock));
		return new TrainingEffect(programme.value(), code, span, median, group(measure, participants, w),
				group(measure, others, w), true);
	}

	/**
	 * The months before the completion month, and the months after it up to the current month (excluded: it is not
	 * over); the month of completion itself belongs to neither.
	 */
	record Windows(LocalDate beforeStart, LocalDate beforeEnd, LocalDate afterStart, @Nullable LocalDate afterEnd) {

		static Windows around(LocalDate completed, int months, LocalDate today) {
			LocalDate month = completed.withDayOfMonth(1);
			LocalDate afterStart = month.plusMonths(1);
			LocalDate afterEnd = afterStart.plusMonths(months);
			LocalDate thisMonth = today.withDayOfMonth(1);
			if (afterEnd.isAfter(thisMonth)) {
				afterEnd = thisMonth;
			}
			return new Windows(month.minusMonths(months), month, afterStart,
					afterEnd.isAfter(afterStart) ? afterEnd : null);
		}
	}

	private static Group group(TrainingMeasure measure, Collection<Long> people, Windows w) {
		if (people.isEmpty()) {
			return new Group(0, null, null, null);
		}
		BigDecimal before = average(measure.monthlyAverage(people, w.beforeStart(), w.beforeEnd()));
		BigDecimal after = w.afterEnd() == null ? null
				: average(measure.monthlyAverage(people, w.afterStart(), w.afterEnd()));
		return new Group(people.size(), before, after, before == null || after == null ? null : after.subtract(before));
	}

	static @Nullable BigDecimal average(Map<Long, BigDecimal> values) {
		List<BigDecimal> all = new ArrayList<>(values.values());
		if (all.isEmpty()) {
			return null;
		}
		return all.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(all.size()), 2, RoundingMode.HALF_UP);
	}
}
