package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The revenue quota still to reach, which the metrics engine's pipeline coverage divides by. */
class RemainingRevenueQuotasTests {

	static final FiscalYears YEARS = new FiscalYears(1);
	static final FiscalPeriod Q1 = YEARS.quarter(2026, 1);
	static final StaffId ANA = StaffId.of(1);
	static final StaffId BEA = StaffId.of(2);
	static final StaffId CARLOS = StaffId.of(3);
	static final UnitId TEAM = UnitId.of(10);

	QuotaReading quotas = mock(QuotaReading.class);
	MetricsQuery metrics = mock(MetricsQuery.class);
	FiscalCalendar calendar = mock(FiscalCalendar.class);
	RemainingRevenueQuotas remaining = new RemainingRevenueQuotas(quotas, metrics, calendar);

	RemainingRevenueQuotasTests() {
		given(calendar.years()).willReturn(YEARS);
		List<QuotaReading.PersonQuota> held = new java.util.ArrayList<>();
		for (StaffId person : List.of(ANA, BEA)) {
			for (int m = 1; m <= 4; m++) {
				held.add(new QuotaReading.PersonQuota(person, TEAM, Metric.REVENUE, YEARS.month(2026, m).start(),
						new BigDecimal("10000")));
			}
		}
		given(quotas.personQuotas(eq(2026), anyCollection(), eq(Set.of(Metric.REVENUE)))).willReturn(held);
		given(quotas.unitQuotas(eq(2026), anyCollection(), eq(Set.of(Metric.REVENUE)))).willReturn(List.of(
				new QuotaReading.UnitQuota(TEAM, Metric.REVENUE, LocalDate.of(2026, 2, 1), new BigDecimal("50000"))));
	}

	@Test
	void isTheQuotaOfThePeriodLessWhatIsBookedNeverBelowZero() {
		given(metrics.byPerson(eq(Metric.REVENUE), eq(Q1), anyCollection()))
			.willReturn(Map.of(ANA, new BigDecimal("12000"), BEA, new BigDecimal("31000.50")));
		Map<StaffId, BigDecimal> left = remaining.remainingRevenue(Q1, List.of(ANA, BEA, CARLOS), LocalDate.of(2026, 2, 13));
		// April's quota lies outside the quarter: 30,000 each.
		assertThat(left.get(ANA)).isEqualByComparingTo("18000");
		assertThat(left.get(BEA)).isEqualByComparingTo("0");
		assertThat(left.get(CARLOS)).isEqualByComparingTo("0");
	}

	@Test
	void beforeThePeriodTheWholeQuotaRemains() {
		Map<StaffId, BigDecimal> left = remaining.remainingRevenue(Q1, List.of(ANA), LocalDate.of(2025, 12, 1));
		assertThat(left.get(ANA)).isEqualByComparingTo("30000");
		verify(metrics, never()).byPerson(any(), any(), anyCollection());
	}

	@Test
	void aUnitsRemainingIsItsOwnQuotaLessItsSubtreesBookings() {
		given(metrics.byUnit(eq(Metric.REVENUE), eq(Q1), anyCollection())).willReturn(Map.of(TEAM, new BigDecimal("20000")));
		assertThat(remaining.remainingRevenueOfUnits(Q1, List.of(TEAM), LocalDate.of(2026, 2, 13)).get(TEAM))
			.isEqualByComparingTo("30000");
	}
}
