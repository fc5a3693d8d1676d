package io.rumbo.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of measures. A measure's code ({@code revenue}, {@code win_rate}) is how the API, quotas, evaluation
 * templates and incentive plans name it; its name in each language is {@code metrics.metric.<code>} in the message
 * bundles. {@code byLine}: the measure can be split by product line (only what order lines carry).
 */
public enum Metric {

	REVENUE(MetricUnit.MONEY, Aggregation.SUM, true, true),
	UNITS(MetricUnit.COUNT, Aggregation.SUM, true, true),
	MARGIN(MetricUnit.MONEY, Aggregation.SUM, true, true),
	MARGIN_PCT(MetricUnit.PERCENT, Aggregation.RATIO, true, true),
	ORDERS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	AVG_ORDER_VALUE(MetricUnit.MONEY, Aggregation.RATIO, true, false),
	NEW_CUSTOMERS(MetricUnit.COUNT, Aggregation.DISTINCT_COUNT, true, false),
	ACTIVE_CUSTOMERS(MetricUnit.COUNT, Aggregation.DISTINCT_COUNT, true, false),
	/** Customers who bought in the period and in the period of the same length just before it. */
	REPEAT_CUSTOMERS(MetricUnit.COUNT, Aggregation.DISTINCT_COUNT, true, false),
	/** Repeat customers as a share of the customers active in the period before. */
	RETENTION_RATE(MetricUnit.PERCENT, Aggregation.RATIO, true, false),
	VISITS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	CALLS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	MEETINGS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	EMAILS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	DEMOS(MetricUnit.COUNT, Aggregation.SUM, true, false),
	OPPORTUNITIES_CREATED(MetricUnit.COUNT, Aggregation.SUM, true, false),
	OPPORTUNITIES_WON(MetricUnit.COUNT, Aggregation.SUM, true, false),
	OPPORTUNITIES_LOST(MetricUnit.COUNT, Aggregation.SUM, false, false),
	/** Won as a share of won plus lost, in the period they closed. */
	WIN_RATE(MetricUnit.PERCENT, Aggregation.RATIO, true, false),
	/** Open opportunities expected to close in the period, amount times the stage's probability: a snapshot. */
	WEIGHTED_PIPELINE(MetricUnit.MONEY, Aggregation.SUM, true, false),
	/** Weighted open pipeline divided by the revenue quota still to reach in the period. */
	PIPELINE_COVERAGE(MetricUnit.RATIO, Aggregation.RATIO, true, false),
	/** Customer satisfaction, 1 to 5. */
	CSAT(MetricUnit.SCORE, Aggregation.AVERAGE, true, false),
	/** Net promoter score: % promoters (9-10) minus % detractors (0-6), from -100 to 100. */
	NPS(MetricUnit.SCORE, Aggregation.RATIO, true, false),
	CASES_RESOLVED(MetricUnit.COUNT, Aggregation.SUM, true, false),
	RESOLUTION_DAYS(MetricUnit.DAYS, Aggregation.AVERAGE, false, false),
	/** Tasks done by their due date as a share of the tasks done. */
	TASKS_ON_TIME(MetricUnit.PERCENT, Aggregation.RATIO, true, false),
	/**
	 * Forecast accuracy (decision 0033): the average, over the fiscal months of the period a person called and that
	 * ended, of each month's accuracy (100 less the error against the called most likely, in percent, never below 0).
	 */
	FORECAST_ACCURACY(MetricUnit.PERCENT, Aggregation.AVERAGE, true, false);

	private final MetricUnit unit;
	private final Aggregation aggregation;
	private final boolean higherIsBetter;
	private final boolean byLine;

	Metric(MetricUnit unit, Aggregation aggregation, boolean higherIsBetter, boolean byLine) {
		this.unit = unit;
		this.aggregation = aggregation;
		this.higherIsBetter = higherIsBetter;
		this.byLine = byLine;
	}

	/** The code the API and the other modules use: {@code revenue}, {@code margin_pct}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The message key of the measure's name. */
	public String messageKey() {
		return "metrics.metric." + code();
	}

	public MetricUnit unit() {
		return unit;
	}

	public Aggregation aggregation() {
		return aggregation;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	public boolean byLine() {
		return byLine;
	}

	/**
	 * Decimals shown for a figure: money, percentages, scores, ratios and days 2; counts 0, except units, which credit
	 * shares split (a 40 % share of 1 unit is 0.40).
	 */
	public int scale() {
		return unit == MetricUnit.COUNT && this != UNITS ? 0 : 2;
	}

	/** The measure a code names, in any case; empty for an unknown code. */
	public static Optional<Metric> ofCode(String code) {
		String wanted = code.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst();
	}
}
