package io.rumbo.sales;

/**
 * How the owner rates an opportunity for the forecast, independent of its stage. The forecast call adds them up
 * cumulatively (decision 0025): commit = closed + commit; most likely = commit + most likely; best case = most likely +
 * best case; pipeline stays outside the call and omitted counts nowhere. The order of the constants is the order of
 * confidence shown on the pages (the stored value is the name, so adding a constant keeps existing rows valid).
 */
public enum ForecastCategory {
	PIPELINE, BEST_CASE, MOST_LIKELY, COMMIT, CLOSED, OMITTED
}
