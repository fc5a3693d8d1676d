package io.rumbo.planning;

/** How a total is divided among the cells below it. */
public enum SpreadMethod {
	/** The same share for every cell. */
	EVEN,
	/** In proportion to each cell's actual of the year before (evenly when there was none). */
	LAST_YEAR,
	/** By a monthly profile from the last two years of company sales, the same for every unit and line. */
	SEASONALITY
}
