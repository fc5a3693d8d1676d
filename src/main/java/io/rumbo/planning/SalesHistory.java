package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The open pipeline and what target customers and strategies did, read from the sales records for plan versus actual,
 * target lists and strategies. Declared here and implemented by the sales module, because sales comes later in the
 * dependency order. Booked results come from the metrics facts through {@link PlanActuals} instead.
 */
public interface SalesHistory {

	/**
	 * Open opportunities weighted by their stage's probability, by expected close month ({@code month} is its first
	 * day, which starts a fiscal month too), owner's unit and product line ({@code null} for an opportunity without
	 * products).
	 */
	record Pipeline(LocalDate month, long unitId, @Nullable Long lineId, BigDecimal weighted) {
	}

	/**
	 * The open pipeline expected to close in the range; only the opportunities of these owners' units when
	 * {@code unitIds} is given (filtered in SQL), every unit when it is {@code null}.
	 */
	List<Pipeline> pipeline(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds);

	/**
	 * What the plan's forecast adds to the actual (decisions 0025 and 0033): for each person and month, the most
	 * authoritative figure that exists, the called most likely less what was already won when called (never below
	 * zero, on the line of opportunities without products): a manager's own call for their unit (its month's call,
	 * else its quarter's spread evenly over the quarter's months not over yet) stands for everyone of the unit's
	 * subtree; else the person's call for the month; else their quarter's call spread the same way; else their open
	 * deals weighted by probability. {@code calls} says how many calls were used; each part says its source.
	 */
	record Forecast(List<ForecastPart> parts, int calls) {

		/** The figures, whatever their source. */
		public List<Pipeline> rows() {
			return parts.stream().map(ForecastPart::figure).toList();
		}
	}

	/** Where a forecast figure comes from, from the most authoritative. */
	enum ForecastSource {
		TEAM_CALL, MONTH_CALL, QUARTER_CALL, PIPELINE
	}

	record ForecastPart(Pipeline figure, ForecastSource source) {
	}

	/** {@link Forecast}: without calls (an implementation that has none), the weighted pipeline. */
	default Forecast forecast(LocalDate from, LocalDate toExclusive, @Nullable Collection<Long> unitIds) {
		return new Forecast(pipeline(from, toExclusive, unitIds).stream()
			.map(p -> new ForecastPart(p, ForecastSource.PIPELINE))
			.toList(), 0);
	}

	/** Which of these customers had a visit or other activity done in the period. */
	Set<Long> visited(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Which of these customers booked an order in the period. */
	Set<Long> bought(Collection<Long> customerIds, LocalDate from, LocalDate toExclusive);

	/** Net revenue, margin and number of booked orders tagged with each strategy. */
	record Contribution(long strategyId, BigDecimal revenue, BigDecimal margin, long orders, long opportunities) {
	}

	Map<Long, Contribution> contributions(Collection<Long> strategyIds);
}
