package io.rumbo.planning;

import java.math.BigDecimal;

/** The figures a target cell (or last year's actual for it) holds, one per measure planned by product line. */
public record TargetFigures(BigDecimal revenue, BigDecimal units, BigDecimal margin) {

	public static final TargetFigures ZERO = new TargetFigures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	/** The figure of a measure; new customers are planned per unit, not in cells, so they are zero here. */
	public BigDecimal value(Measure measure) {
		return switch (measure) {
			case REVENUE -> revenue;
			case UNITS -> units;
			case MARGIN -> margin;
			case NEW_CUSTOMERS -> BigDecimal.ZERO;
		};
	}

	public TargetFigures plus(TargetFigures other) {
		return new TargetFigures(revenue.add(other.revenue), units.add(other.units), margin.add(other.margin));
	}

	/** These figures with one measure's value replaced. */
	public TargetFigures with(Measure measure, BigDecimal value) {
		return new TargetFigures(measure == Measure.REVENUE ? value : revenue, measure == Measure.UNITS ? value : units,
				measure == Measure.MARGIN ? value : margin);
	}

	public TargetFigures times(BigDecimal factor) {
		return new TargetFigures(revenue.multiply(factor), units.multiply(factor), margin.multiply(factor));
	}
}
