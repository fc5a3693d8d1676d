package io.rumbo.metrics.domain;

/**
 * What the fact tables store: additive sums only, from which every measure of the catalogue is a sum or a ratio of
 * sums. The codes are stored in {@code metrics_fact.measure}; {@link Source} says which records feed them, so that a
 * recompute replaces exactly the measures of the records it re-read.
 */
public enum BaseMeasure {

	REVENUE(Source.ORDERS), UNITS(Source.ORDERS), MARGIN(Source.ORDERS),
	/** Booked orders that are not returns, counted once for each credited person. */
	ORDERS(Source.ORDERS),
	VISIT(Source.ACTIVITIES), CALL(Source.ACTIVITIES), MEETING(Source.ACTIVITIES), EMAIL(Source.ACTIVITIES),
	DEMO(Source.ACTIVITIES),
	OPPS_CREATED(Source.OPPORTUNITIES), OPPS_WON(Source.OPPORTUNITIES), OPPS_LOST(Source.OPPORTUNITIES),
	CASES_RESOLVED(Source.CASES), RESOLUTION_DAYS(Source.CASES),
	CSAT_SUM(Source.RATINGS), CSAT_COUNT(Source.RATINGS), NPS_PROMOTERS(Source.RATINGS),
	NPS_DETRACTORS(Source.RATINGS), NPS_COUNT(Source.RATINGS),
	TASKS_DONE(Source.TASKS), TASKS_ON_TIME(Source.TASKS),
	/** The accuracy percentages of month forecast calls scored at period end, added up, and how many (decision 0033). */
	FORECAST_ACCURACY_SUM(Source.FORECASTS), FORECAST_CALLS_SCORED(Source.FORECASTS);

	/** The kind of record a base measure is counted from. */
	public enum Source {
		ORDERS, ACTIVITIES, OPPORTUNITIES, CASES, RATINGS, TASKS, FORECASTS
	}

	private final Source source;

	BaseMeasure(Source source) {
		this.source = source;
	}

	public Source source() {
		return source;
	}

	/** The base measures one kind of record feeds. */
	public static java.util.List<String> codesOf(Source source) {
		return java.util.Arrays.stream(values()).filter(m -> m.source == source).map(Enum::name).toList();
	}
}
