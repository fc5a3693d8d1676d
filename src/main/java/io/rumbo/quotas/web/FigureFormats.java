package io.rumbo.quotas.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.web.Formats;

/**
 * A measure's figure written as its unit reads (money with its currency, a percentage with %, a count or a score
 * as a number), through the shared {@link Formats}. Templates call {@code ${@figures.of(m.unit(), value)}}.
 */
@Component("figures")
class FigureFormats {

	private final Formats fmt;
	private final FiscalCalendar calendar;

	FigureFormats(Formats fmt, FiscalCalendar calendar) {
		this.fmt = fmt;
		this.calendar = calendar;
	}

	/**
	 * A fiscal month's code ({@code FY2026-M04}) as the short name of its calendar month in the reader's language
	 * ({@code Apr}, {@code abr}): month 4 is April only when the year starts in January.
	 */
	public String month(String code) {
		java.time.LocalDate start = calendar.years().parse(code).start();
		String name = java.time.format.DateTimeFormatter.ofPattern("MMM", java.util.Locale.forLanguageTag(fmt.lang())).format(start);
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	public String of(String unit, @Nullable Number value) {
		return switch (unit) {
			case "MONEY" -> fmt.money(value);
			case "PERCENT" -> fmt.percent(value);
			default -> fmt.number(value);
		};
	}

	/**
	 * A figure of a measure of the catalogue (by its code) at that measure's decimals: counts whole (2 visits, not
	 * 2.00), units with 2 (credit shares split them), money with its currency, percentages with %.
	 */
	public String measure(String code, @Nullable Number value) {
		return io.rumbo.metrics.Metric.ofCode(code)
			.map(m -> scaled(m.unit().name(), value, m.scale()))
			.orElseGet(() -> fmt.number(value));
	}

	/** A fiscal month's code as its calendar month and year in the reader's language ({@code Sep 2026}). */
	public String monthOfYear(String code) {
		java.time.LocalDate start = calendar.years().parse(code).start();
		return month(code) + " " + start.getYear();
	}

	/**
	 * A figure at its measure's decimals: money with its currency, a percentage with %, anything else as a number with
	 * exactly {@code scale} decimals, so a total reads like the months beside it (4,732.60 units, not 4,732.6).
	 */
	public String scaled(String unit, @Nullable Number value, int scale) {
		return switch (unit) {
			case "MONEY" -> fmt.money(value);
			case "PERCENT" -> fmt.percent(value);
			default -> fmt.decimal(value, scale);
		};
	}

	/** A change of a figure, with its sign always written ({@code +1,200.00 €}, {@code -35}). */
	public String signed(String unit, @Nullable Number value, int scale) {
		if (value == null) {
			return "";
		}
		String text = scaled(unit, value, scale);
		return new java.math.BigDecimal(value.toString()).signum() > 0 ? "+" + text : text;
	}

	/** A pace index (1.05) as the percentage of the pace it is (105 %). */
	public String index(@Nullable Number index) {
		return index == null ? "—" : fmt.percent(new java.math.BigDecimal(index.toString()).movePointRight(2));
	}
}
