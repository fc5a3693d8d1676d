package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * A measure of people's results that the effect of training compares before and after a programme. The people
 * module comes before the modules that measure results (metrics, quotas) in the module order, so it declares what it
 * needs and a later module implements it (decision 0035); without an implementation the effect is reported as not
 * available.
 */
public interface TrainingMeasure {

	/** The measure's code; the page names it with {@code people.effect.measure.<code>}. */
	String code();

	/**
	 * Each person's monthly average of the measure from {@code start} (inclusive) to {@code end} (exclusive); every
	 * person asked for is answered (zero when they had no results).
	 */
	Map<Long, BigDecimal> monthlyAverage(Collection<Long> staffIds, LocalDate start, LocalDate end);
}
