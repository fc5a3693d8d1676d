package io.rumbo.sales;

/** How the owner rates an opportunity for the forecast, independent of its stage. */
public enum ForecastCategory {
	PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
