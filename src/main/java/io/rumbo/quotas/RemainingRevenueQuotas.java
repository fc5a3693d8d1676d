package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.metrics.RemainingQuotas;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * The revenue quota still to reach, for the metrics engine's pipeline coverage: the published revenue quota of the
 * period's months minus the revenue booked in the period, never below zero (a quota already reached leaves nothing
 * to cover). The metrics facts are monthly, so "booked by asOf" is what the facts hold for the period, which only
 * differs when orders are dated after asOf; before the period starts nothing is booked and the whole quota remains.
 */
@Service
class RemainingRevenueQuotas implements RemainingQuotas {

	private final QuotaReading quotas;
	private final MetricsQuery metrics;
	private final FiscalCalendar calendar;

	RemainingRevenueQuotas(QuotaReading quotas, MetricsQuery metrics, FiscalCalendar calendar) {
		this.quotas = quotas;
		this.metrics = metrics;
		this.calendar = calendar;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<StaffId, BigDecimal> remainingRevenue(FiscalPeriod period, Collection<StaffId> people, LocalDate asOf) {
		Map<StaffId, BigDecimal> quota = new HashMap<>();
		for (int year : years(period)) {
			for (QuotaReading.PersonQuota q : quotas.personQuotas(year, people, Set.of(Metric.REVENUE))) {
				if (period.contains(q.month())) {
					quota.merge(q.staff(), q.amount(), BigDecimal::add);
				}
			}
		}
		Map<StaffId, BigDecimal> booked = asOf.isBefore(period.start()) ? Map.of()
				: metrics.byPerson(Metric.REVENUE, period, people);
		Map<StaffId, BigDecimal> remaining = new LinkedHashMap<>();
		for (StaffId person : people) {
			remaining.put(person, remaining(quota.get(person), booked.get(person)));
		}
		return remaining;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UnitId, BigDecimal> remainingRevenueOfUnits(FiscalPeriod period, Collection<UnitId> units,
			LocalDate asOf) {
		Map<UnitId, BigDecimal> quota = new HashMap<>();
		for (int year : years(period)) {
			for (QuotaReading.UnitQuota q : quotas.unitQuotas(year, units, Set.of(Metric.REVENUE))) {
				if (period.contains(q.month())) {
					quota.merge(q.unit(), q.amount(), BigDecimal::add);
				}
			}
		}
		Map<UnitId, BigDecimal> booked = asOf.isBefore(period.start()) ? Map.of()
				: metrics.byUnit(Metric.REVENUE, period, units);
		Map<UnitId, BigDecimal> remaining = new LinkedHashMap<>();
		for (UnitId unit : units) {
			remaining.put(unit, remaining(quota.get(unit), booked.get(unit)));
		}
		return remaining;
	}

	private static BigDecimal remaining(@Nullable BigDecimal quota, @Nullable BigDecimal booked) {
		BigDecimal q = quota == null ? BigDecimal.ZERO : quota;
		BigDecimal b = booked == null ? BigDecimal.ZERO : booked;
		return Amounts.money(q.subtract(b).max(BigDecimal.ZERO));
	}

	private int[] years(FiscalPeriod period) {
		FiscalYears years = calendar.years();
		return java.util.stream.IntStream.rangeClosed(years.yearOf(period.start()), years.yearOf(period.lastDay()))
			.toArray();
	}
}
