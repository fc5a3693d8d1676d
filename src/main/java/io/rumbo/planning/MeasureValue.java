package io.rumbo.planning;

import java.math.BigDecimal;

import io.rumbo.shared.time.FiscalPeriod;

/** One figure: how much of a measure in a period. */
public record MeasureValue(Measure measure, FiscalPeriod period, BigDecimal value) {
}
