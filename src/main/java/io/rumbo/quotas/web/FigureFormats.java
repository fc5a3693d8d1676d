package io.rumbo.quotas.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.shared.web.Formats;

/**
 * A measure's figure written as its unit reads (money with its currency, a percentage with %, a count or a score
 * as a number), through the shared {@link Formats}. Templates call {@code ${@figures.of(m.unit(), value)}}.
 */
@Component("figures")
class FigureFormats {

	private final Formats fmt;

	FigureFormats(Formats fmt) {
		this.fmt = fmt;
	}

	public String of(String unit, @Nullable Number value) {
		return switch (unit) {
			case "MONEY" -> fmt.money(value);
			case "PERCENT" -> fmt.percent(value);
			default -> fmt.number(value);
		};
	}

	/** A pace index (1.05) as the percentage of the pace it is (105 %). */
	public String index(@Nullable Number index) {
		return index == null ? "—" : fmt.percent(new java.math.BigDecimal(index.toString()).movePointRight(2));
	}
}
