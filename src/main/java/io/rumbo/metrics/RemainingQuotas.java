package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * The revenue quota still to reach, which pipeline coverage divides by. Quotas come later in the dependency order, so
 * metrics declares what it needs and the quotas module implements it; without an implementation coverage is
 * undefined (left out of the answers).
 */
public interface RemainingQuotas {

	/** Per person: their revenue quota of the period minus what they have booked by {@code asOf}. */
	Map<StaffId, BigDecimal> remainingRevenue(FiscalPeriod period, Collection<StaffId> people, LocalDate asOf);

	/** Per unit (its subtree): the unit's revenue quota of the period minus what it has booked by {@code asOf}. */
	Map<UnitId, BigDecimal> remainingRevenueOfUnits(FiscalPeriod period, Collection<UnitId> units, LocalDate asOf);
}
