package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A forecast call was submitted: a salesperson's own ({@code team} false) or a manager's for their unit ({@code team}
 * true, upwards to whoever leads the unit above). The figures are cumulative (decision 0025).
 */
public record ForecastCallSubmitted(long callId, boolean team, StaffId staff, UnitId unit, String periodCode,
		LocalDate periodStart, LocalDate periodEnd, BigDecimal commit, BigDecimal mostLikely, BigDecimal bestCase,
		@Nullable String note, String submittedBy, Instant submittedAt) {
}
