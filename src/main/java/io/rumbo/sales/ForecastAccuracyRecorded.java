package io.rumbo.sales;

import java.time.LocalDate;
import java.util.List;

import io.rumbo.organization.StaffId;

/**
 * The accuracy of some people's calls was recorded at the end of their periods (decision 0025, 7): who, and the range
 * of the periods' first days {@code [from, to)}. It names the cells, not the figures, so a listener recomputes them
 * from {@link SalesMeasures#forecastAccuracy} and an event delivered twice changes nothing (decision 0033).
 */
public record ForecastAccuracyRecorded(List<StaffId> people, LocalDate from, LocalDate to) {
}
