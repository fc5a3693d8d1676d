package io.rumbo.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.planning.SalesHistory;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.quotas.QuotaReading.PersonQuota;
import io.rumbo.quotas.QuotaViews.QuotaLevelView;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

/** Allocation, proration, ramp, publication and acknowledgement on the small company of {@link QuotaTestCompany}. */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import(CleanDatabase.class)
class QuotasModuleTests extends QuotaTestCompany {

	@Test
	void thePlanIsTheStartAndEveryLevelAddsUpToTheCent() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		assertThat(v.metrics()).contains(Metric.REVENUE, Metric.MARGIN, Metric.UNITS, Metric.NEW_CUSTOMERS);
		QuotaLevelView top = level(v, company, Metric.REVENUE);
		assertThat(top.unitTotal()).as("the plan's 3,000.00 a month").isEqualByComparingTo("36000.00");
		assertThat(top.reference()).isEqualByComparingTo("36000.00");
		assertThat(top.mismatch()).isEqualByComparingTo("0");
		// The region splits as the plan does: team 1 its 12,000.00, team 2 its 24,000.00.
		QuotaLevelView t1 = level(v, team1, Metric.REVENUE);
		assertThat(t1.unitTotal()).isEqualByComparingTo("12000.00");
		assertThat(level(v, team2, Metric.REVENUE).unitTotal()).isEqualByComparingTo("24000.00");
		// Team 1's 1,000.00 a month: a1, a2 and the mover share months 1-6 (333.33 each, the extra cent rotating:
		// a1 gets it in months 1 and 4), a1 and a2 months 7-12 (500.00 each).
		assertThat(total(t1, "PERSON", a1.id())).isEqualByComparingTo("5000.00");
		assertThat(total(t1, "PERSON", mover.id())).as("six months in team 1").isEqualByComparingTo("2000.00");
		assertThat(t1.mismatch()).isEqualByComparingTo("0");
		assertThat(t1.allocated()).isEqualByComparingTo("12000.00");

		// A score is a level each child reaches every month: its year reads as that level, not twelve times it.
		v = quotas.addMeasure(ADMIN, v.id(), v.version(), Metric.CSAT, new BigDecimal("4.5"), null);
		QuotaLevelView csat = level(v, team1, Metric.CSAT);
		assertThat(csat.unitTotal()).isEqualByComparingTo("4.50");
		assertThat(total(csat, "PERSON", mover.id())).as("six months in team 1, 4.5 each").isEqualByComparingTo("4.50");
		assertThat(people.person(ADMIN, year, a1.id(), v.id()).metrics()).filteredOn(m -> m.metric() == Metric.CSAT)
			.singleElement().satisfies(m -> assertThat(m.total()).isEqualByComparingTo("4.50"));
	}

	@Test
	void aMoverIsProratedInEachUnitAndANewHireRamps() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		QuotaLevelView t2 = level(v, team2, Metric.REVENUE);
		// Team 2: 2,000.00 a month. b1 all year; the hire from March (tenure month 1: hired before the 15th); the
		// mover from July (666.67 / 666.67 / 666.66 a month with b1 and the hire).
		assertThat(total(t2, "PERSON", mover.id())).as("months 7-12 in team 2").isEqualByComparingTo("4000.00");
		QuotaViews.QuotaLevelRow hired = t2.rows().stream().filter(r -> r.id() == hire.id()).findFirst().orElseThrow();
		assertThat(hired.months().get(1)).as("February, before the hire").isEqualByComparingTo("0");
		// March: 2,000.00 split between b1 and the hire = 1,000.00, ramped 25 % = 250.00; April 50 %, May 75 %.
		assertThat(hired.months().get(2)).isEqualByComparingTo("250.00");
		assertThat(hired.months().get(3)).isEqualByComparingTo("500.00");
		assertThat(hired.months().get(4)).isEqualByComparingTo("750.00");
		assertThat(hired.months().get(5)).isEqualByComparingTo("1000.00");
		// The ramp leaves part of the team's figure unassigned, and the mismatch says how much: 750 + 500 + 250.
		assertThat(t2.mismatch()).isEqualByComparingTo("1500.00");
		assertThat(hired.fullTotal().subtract(hired.total())).isEqualByComparingTo("1500.00");
	}

	@Test
	void overAssignmentAndAHandSplitShowTheirMismatch() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		v = quotas.allocate(ADMIN, v.id(), v.version(), team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("10"), Map.of()), null);
		QuotaLevelView t1 = level(v, team1, Metric.REVENUE);
		assertThat(t1.pool()).isEqualByComparingTo("13200.00");
		assertThat(t1.allocated()).isEqualByComparingTo("13200.00");
		assertThat(t1.mismatch()).as("10 % over-assigned").isEqualByComparingTo("-1200.00");

		v = quotas.allocate(ADMIN, v.id(), v.version(), team1.id(), Metric.REVENUE, new QuotaManagement.Allocation(
				AllocationMethod.MANUAL, BigDecimal.ZERO, Map.of("PERSON:" + a1.id(), new BigDecimal("10000"),
						"PERSON:" + a2.id(), new BigDecimal("5000"))), null);
		t1 = level(v, team1, Metric.REVENUE);
		assertThat(total(t1, "PERSON", a1.id())).isEqualByComparingTo("10000.00");
		assertThat(total(t1, "PERSON", mover.id())).as("no hand figure").isEqualByComparingTo("0");
		assertThat(t1.mismatch()).as("3,000.00 more than the team's figure").isEqualByComparingTo("-3000.00");

		long stale = v.version() - 1;
		long versionId = v.id();
		assertThatThrownBy(() -> quotas.allocate(ADMIN, versionId, stale, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, BigDecimal.ZERO, Map.of()), null))
			.isInstanceOf(StaleVersionException.class);
	}

	@Test
	void publishedQuotasAreReadOnceReleasedAndAcknowledged(AssertablePublishedEvents events) {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		Set<StaffId> people = Set.of(StaffId.of(a1.id()), StaffId.of(b1.id()), StaffId.of(mover.id()));
		assertThat(reading.personQuotas(year, people, Set.of())).as("a draft is nobody's quota").isEmpty();
		v = quotas.publish(ADMIN, v.id(), v.version(), false);
		assertThat(events.ofType(QuotaPublished.class)).hasSize(1);
		assertThat(reading.unitQuotas(year, List.of(UnitId.of(company.id())), Set.of(Metric.REVENUE))).hasSize(12);
		assertThat(reading.unitQuotas(year, List.of(UnitId.of(team1.id())), Set.of(Metric.REVENUE)))
			.as("the region's level is not released yet").isEmpty();
		assertThat(reading.personQuotas(year, people, Set.of(Metric.REVENUE))).isEmpty();

		long region = level(v, team1, Metric.REVENUE).parentUnitId();
		v = quotas.release(ADMIN, v.id(), v.version(), region);
		v = quotas.release(ADMIN, v.id(), v.version(), team1.id());
		v = quotas.release(ADMIN, v.id(), v.version(), team2.id());
		List<PersonQuota> revenue = reading.personQuotas(year, people, Set.of(Metric.REVENUE));
		List<PersonQuota> moved = revenue.stream().filter(q -> q.staff().value() == mover.id()).toList();
		assertThat(moved).hasSize(12);
		assertThat(moved.get(0).unit()).isEqualTo(UnitId.of(team1.id()));
		assertThat(moved.get(0).month()).isEqualTo(LocalDate.of(year, 1, 1));
		assertThat(moved.get(11).unit()).isEqualTo(UnitId.of(team2.id()));
		assertThat(revenue.stream().filter(q -> q.staff().value() == a1.id()).map(PersonQuota::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("5000.00");
		assertThat(reading.personQuotas(year, people, Set.of(Metric.REVENUE), List.of(12, 1)))
			.as("the months asked for, in the order of the whole year's")
			.isEqualTo(revenue.stream().filter(q -> q.month().getMonthValue() == 1 || q.month().getMonthValue() == 12)
				.toList());

		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> assertThat(s.acknowledged()).isFalse());
		quotas.acknowledge(b1User, year, "De acuerdo");
		assertThat(events.ofType(QuotaAcknowledged.class)).hasSize(1);
		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> {
			assertThat(s.acknowledged()).isTrue();
			assertThat(s.comment()).isEqualTo("De acuerdo");
		});

		// A change to a released level is a new version with a reason; team 2's people keep their acknowledgement.
		long published = v.id();
		long lock = v.version();
		assertThatThrownBy(() -> quotas.allocate(ADMIN, published, lock, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("5"), Map.of()), " "))
			.isInstanceOf(ValidationFailedException.class);
		QuotaVersionView revised = quotas.allocate(ADMIN, published, lock, team1.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, new BigDecimal("5"), Map.of()), "Más ambición");
		assertThat(revised.number()).isEqualTo(2);
		assertThat(revised.state()).isEqualTo("PUBLISHED");
		assertThat(queries.version(ADMIN, published).state()).isEqualTo("SUPERSEDED");
		assertThat(events.ofType(QuotaRevised.class)).hasSize(1);
		assertThat(reading.status(year, StaffId.of(b1.id()))).get().satisfies(s -> {
			assertThat(s.versionNumber()).isEqualTo(2);
			assertThat(s.acknowledged()).as("b1's quota did not change").isTrue();
		});
		assertThat(reading.personQuotas(year, Set.of(StaffId.of(a1.id())), Set.of(Metric.REVENUE)).stream()
			.map(PersonQuota::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).as("5 % over: 6 x 350 + 6 x 525")
			.isEqualByComparingTo("5250.00");
	}

	@Test
	void figuresThatDoNotBindYetReachOnlyTheDirectors() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		ListQuery all = ListQuery.of(0, 100, null, QuotaPeople.SORTS, "staff");
		// A draft is the director's: its people, levels and person months are nobody else's to read.
		assertThat(people.list(ADMIN, v.id(), new QuotaPeople.Filter(null, null, null), all).content()).isNotEmpty();
		assertThat(people.list(b1User, v.id(), new QuotaPeople.Filter(null, null, null), all).content()).isEmpty();
		assertThat(people.list(lead, v.id(), new QuotaPeople.Filter(null, null, null), all).content()).isEmpty();
		assertThat(streamed(lead, v.id(), new QuotaPeople.Filter(null, null, null))).as("nor its export").isEmpty();
		long draft = v.id();
		assertThatThrownBy(() -> people.person(b1User, year, b1.id(), draft)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> queries.level(lead, draft, team1.id(), Metric.REVENUE))
			.isInstanceOf(NotFoundException.class);
		assertThat(queries.levels(lead, draft, all).content()).isEmpty();

		// Published at the company level only: the region's split, and so the teams' figures, are not released.
		v = quotas.publish(ADMIN, v.id(), v.version(), false);
		assertThat(people.people(b1User, year, all).content()).as("the people list of a rep").isEmpty();
		assertThat(people.people(lead, year, all).content()).as("the people list of a manager").isEmpty();
		assertThat(people.people(ADMIN, year, all).content()).extracting(QuotaViews.QuotaPersonSummary::id)
			.contains(a1.id(), b1.id());
		long published = v.id();
		assertThatThrownBy(() -> queries.level(lead, published, team1.id(), Metric.REVENUE))
			.as("team 1's figure is still the region's draft").isInstanceOf(NotFoundException.class);

		long region = level(v, team1, Metric.REVENUE).parentUnitId();
		v = quotas.release(ADMIN, v.id(), v.version(), region);
		assertThat(queries.level(lead, v.id(), team1.id(), Metric.REVENUE).rows())
			.as("the leader prepares the split of a published figure").isNotEmpty();
		assertThat(people.people(lead, year, all).content()).as("the split is not released").isEmpty();

		v = quotas.release(lead, v.id(), v.version(), team1.id());
		assertThat(people.people(lead, year, all).content()).extracting(QuotaViews.QuotaPersonSummary::id)
			.containsExactlyInAnyOrder(a1.id(), a2.id(), mover.id());
		assertThat(people.list(lead, v.id(), new QuotaPeople.Filter(null, mover.id(), null), all).content())
			.as("the mover's months in team 1 only").allMatch(r -> r.unitId() == team1.id()).hasSize(6 * 4);
		// The export streams the list's rows, in its order, with the same scope and release condition in SQL.
		assertThat(streamed(lead, v.id(), new QuotaPeople.Filter(null, null, null))).isEqualTo(people.list(lead,
				v.id(), new QuotaPeople.Filter(null, null, null), all.unpaged()).content()).isNotEmpty();
		assertThat(streamed(b1User, v.id(), new QuotaPeople.Filter(null, null, null))).isEmpty();
		assertThat(people.people(b1User, year, all).content()).as("team 2 is not released").isEmpty();
		long released = v.id();
		assertThatThrownBy(() -> people.mine(b1User, year)).isInstanceOf(NotFoundException.class);
		assertThat(people.person(lead, year, a1.id(), released).metrics()).isNotEmpty();
	}

	private List<QuotaViews.QuotaPersonMonthRow> streamed(CurrentUser reader, long version, QuotaPeople.Filter filter) {
		List<QuotaViews.QuotaPersonMonthRow> rows = new ArrayList<>();
		people.each(reader, version, filter, ListQuery.of(0, 1, null, QuotaPeople.SORTS, "staff").unpaged(), rows::add);
		return rows;
	}
}
