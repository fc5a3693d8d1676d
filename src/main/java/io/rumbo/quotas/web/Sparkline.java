package io.rumbo.quotas.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The small trend chart of a row: cumulative attainment by month as the points of an SVG polyline in a 100 x 24 box,
 * 0 % at the bottom and the higher of 100 % and the best month at the top; {@link #target} is where 100 % lies.
 * Drawn on the server, so a team of 25 rows is 25 small SVGs rather than 25 chart instances in the browser. Templates
 * call {@code ${@sparkline.points(row.trend())}}.
 */
@Component("sparkline")
class Sparkline {

	private final io.rumbo.shared.web.Formats fmt;

	Sparkline(io.rumbo.shared.web.Formats fmt) {
		this.fmt = fmt;
	}

	/** The trend in words for screen readers: each month's cumulative attainment, as the reader's language writes it. */
	public String label(List<@Nullable BigDecimal> trend) {
		return String.join(" · ", trend.stream().map(v -> v == null ? "—" : fmt.percent(v)).toList());
	}

	static final double WIDTH = 100;
	static final double HEIGHT = 24;

	public String points(List<@Nullable BigDecimal> trend) {
		if (trend.isEmpty()) {
			return "";
		}
		double top = top(trend);
		StringBuilder points = new StringBuilder();
		double step = trend.size() == 1 ? 0 : WIDTH / (trend.size() - 1);
		for (int i = 0; i < trend.size(); i++) {
			BigDecimal value = trend.get(i);
			double v = value == null ? 0 : Math.max(0, value.doubleValue());
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, HEIGHT - v / top * HEIGHT));
		}
		return points.toString().trim();
	}

	/** The height of the 100 % line. */
	public String target(List<@Nullable BigDecimal> trend) {
		return String.format(Locale.ROOT, "%.1f", HEIGHT - 100 / top(trend) * HEIGHT);
	}

	private static double top(List<@Nullable BigDecimal> trend) {
		double top = 100;
		for (BigDecimal value : trend) {
			if (value != null) {
				top = Math.max(top, value.doubleValue());
			}
		}
		return top;
	}
}
