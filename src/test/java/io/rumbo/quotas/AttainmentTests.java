package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.quotas.domain.QuotaHolders;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The attainment service on generated data: 400 people of a manager's team with random monthly quotas and actuals of
 * two measures. Every row must be the pacing of that person's own figures, and the whole team must cost one read of
 * quotas and one read of actuals per measure, never one per person.
 */
class AttainmentTests {

	static final FiscalYears YEARS = new FiscalYears(1);
	static final LocalDate TODAY = LocalDate.of(2026, 2, 13);
	static final CurrentUser MANAGER = new CurrentUser(new UserId(7), "manager", "M", Set.of(Role.MANAGER));
	static final UnitId TEAM = UnitId.of(10);
	static final int PEOPLE = 400;

	QuotaReading quotas = mock(QuotaReading.class);
	QuotaHolders holders = mock(QuotaHolders.class);
	MetricsQuery metrics = mock(MetricsQuery.class);
	FiscalCalendar calendar = mock(FiscalCalendar.class);
	OrgDirectory org = mock(OrgDirectory.class);
	DataScopes scopes = mock(DataScopes.class);
	AttainmentSettings settings = new AttainmentSettings(PaceMethod.WORKING_DAYS, new BigDecimal("90"), false, List.of());
	Attainment attainment = new Attainment(quotas, holders, metrics, calendar, org, scopes, settings,
			Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	final Map<StaffId, UnitId> team = new LinkedHashMap<>();
	final List<QuotaReading.PersonQuota> held = new ArrayList<>();
	final Map<Metric, Map<StaffId, Map<LocalDate, BigDecimal>>> actuals = new HashMap<>();

	@BeforeEach
	void generate() {
		Random random = new Random(42);
		given(calendar.years()).willReturn(YEARS);
		given(scopes.of(any())).willReturn(new DataScope(false, Set.of(TEAM.value()), 1L, TEAM.value()));
		Map<StaffId, String> names = new HashMap<>();
		for (int i = 1; i <= PEOPLE; i++) {
			StaffId person = StaffId.of(i);
			team.put(person, TEAM);
			names.put(person, "Person " + i);
		}
		for (Metric metric : List.of(Metric.REVENUE, Metric.VISITS)) {
			Map<StaffId, Map<LocalDate, BigDecimal>> byPerson = new HashMap<>();
			for (StaffId person : team.keySet()) {
				Map<LocalDate, BigDecimal> months = new HashMap<>();
				for (FiscalPeriod month : YEARS.months(2026)) {
					// Some people have no quota in a month (joined late), and actuals only reach the current month.
					if (random.nextInt(10) > 0) {
						held.add(new QuotaReading.PersonQuota(person, TEAM, metric, month.start(),
								BigDecimal.valueOf(random.nextInt(50_000), 2)));
					}
					if (!month.start().isAfter(TODAY)) {
						months.put(month.start(), BigDecimal.valueOf(random.nextInt(60_000), 2));
					}
				}
				byPerson.put(person, months);
			}
			actuals.put(metric, byPerson);
			given(metrics.byPersonAndMonth(eq(metric), any(), anyCollection())).willReturn(byPerson);
		}
		given(holders.people(anyInt(), anyCollection(), any(), any(), any())).willReturn(team);
		given(quotas.personQuotas(anyInt(), anyCollection(), any())).willReturn(held);
		given(quotas.personQuotas(anyInt(), anyCollection(), any(), anyCollection())).willReturn(held);
		given(org.namesOfStaff(anyCollection())).willReturn(names);
		given(org.namesOfUnits(anyCollection())).willReturn(Map.of(TEAM, "Team"));
	}

	@Test
	void everyRowIsThePacingOfThatPersonsOwnFiguresReadOncePerMeasure() {
		List<Row> rows = attainment.people(MANAGER, "FY2026-Q1", List.of(Metric.REVENUE, Metric.VISITS), null);

		assertThat(rows).hasSize(2 * PEOPLE);
		FiscalPeriod quarter = YEARS.quarter(2026, 1);
		List<FiscalPeriod> months = List.of(YEARS.month(2026, 1), YEARS.month(2026, 2), YEARS.month(2026, 3));
		for (Row row : rows) {
			Metric metric = Metric.ofCode(row.measure()).orElseThrow();
			StaffId person = StaffId.of(row.id());
			Map<LocalDate, BigDecimal> quota = new HashMap<>();
			held.stream().filter(q -> q.staff().equals(person) && q.metric() == metric && quarter.contains(q.month()))
				.forEach(q -> quota.put(q.month(), q.amount()));
			BigDecimal actual = actuals.get(metric).get(person).entrySet().stream()
				.filter(e -> quarter.contains(e.getKey())).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(row.pace()).as(row.measure() + " of " + person)
				.isEqualTo(settings.pacing().pace(metric, months, quota, actual, TODAY));
			assertThat(row.trend()).hasSize(2);
		}
		// Only the quarter's months are read, not the whole year's quotas of every person.
		verify(quotas, times(1)).personQuotas(anyInt(), anyCollection(), any(), eq(YEARS.monthsOf(quarter,
				YEARS.yearOf(quarter.start()))));
		verify(metrics, times(1)).byPersonAndMonth(eq(Metric.REVENUE), eq(quarter), anyCollection());
		verify(metrics, times(1)).byPersonAndMonth(eq(Metric.VISITS), eq(quarter), anyCollection());
		verify(metrics, never()).byPerson(any(), any(), anyCollection());
	}

	@Test
	void atRiskComesFirstFurthestUnderTheThresholdOnTop() {
		List<Row> rows = attainment.people(MANAGER, "FY2026-Q1", List.of(Metric.REVENUE), null);
		List<Row> sorted = AttainmentSorting.sort(rows, io.rumbo.shared.web.ListQuery.of(0, 500, null,
				AttainmentSorting.SORTS, AttainmentSorting.DEFAULT_SORT));
		long atRisk = rows.stream().filter(r -> r.pace().atRisk()).count();
		assertThat(atRisk).isPositive().isLessThan(PEOPLE);
		assertThat(sorted.subList(0, (int) atRisk)).allMatch(r -> r.pace().atRisk());
		assertThat(sorted.get(0).pace().projectedAttainment())
			.isLessThanOrEqualTo(sorted.get((int) atRisk - 1).pace().projectedAttainment());
	}

	@Test
	void aPersonOutsideTheScopeIsNotFound() {
		given(org.staff(StaffId.of(999))).willReturn(Optional.of(new OrgDirectory.StaffSummary(999, "Far Away", 55, true)));
		assertThatThrownBy(() -> attainment.person(MANAGER, StaffId.of(999), "FY2026", List.of()))
			.isInstanceOf(NotFoundException.class);
		given(org.staff(StaffId.of(404))).willReturn(Optional.empty());
		assertThatThrownBy(() -> attainment.person(MANAGER, StaffId.of(404), "FY2026", List.of()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void withoutNamesASalespersonSeesOnlyTheirOwnPlaceRankedAmongEveryone() {
		CurrentUser rep = new CurrentUser(new UserId(8), "rep", "R", Set.of(Role.REP));
		given(scopes.of(rep)).willReturn(new DataScope(false, Set.of(), 17L, TEAM.value()));
		given(scopes.staffIdOf(rep)).willReturn(Optional.of(17L));
		AttainmentViews.Leaderboard board = attainment.leaderboard(rep, "FY2026-Q1", Metric.REVENUE, null);

		assertThat(board.ranked()).isEqualTo(PEOPLE);
		assertThat(board.named()).isFalse();
		assertThat(board.places()).singleElement().satisfies(p -> {
			assertThat(p.staffId()).isEqualTo(17);
			assertThat(p.self()).isTrue();
			List<Row> all = attainment.people(MANAGER, "FY2026-Q1", List.of(Metric.REVENUE), null);
			long ahead = all.stream().filter(r -> r.pace().attainment() != null
					&& r.pace().attainment().compareTo(p.attainment()) > 0).count();
			assertThat(p.rank()).isEqualTo(ahead + 1);
		});
	}

	@Test
	void aPeriodMustBeWholeFiscalMonths() {
		assertThatThrownBy(() -> attainment.period("2026-01-10..2026-02-20"))
			.isInstanceOf(io.rumbo.shared.domain.ValidationFailedException.class);
		assertThat(attainment.period("FY2026-M02").from()).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(attainment.period(null).code()).isEqualTo("FY2026");
	}
}
