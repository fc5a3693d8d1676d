package io.rumbo.quotas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.quotas.QuotaReading.PersonQuota;
import io.rumbo.quotas.QuotaViews.QuotaLevelRow;
import io.rumbo.quotas.QuotaViews.QuotaUnitChange;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;

/**
 * People who move, join or leave after a version worked out their quota, on the small company of
 * {@link QuotaTestCompany}: the version keeps them where it counted them (published figures do not move under anyone's
 * feet, and a change elsewhere does not trip over them), the quota plan flags them, and a proration seats them where
 * they are now, as a new version with a reason once the quotas bind.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "imports")
@Import(CleanDatabase.class)
class QuotaProrationTests extends QuotaTestCompany {

	@Autowired
	ImportService imports;

	@Autowired
	QuotaUnitChanges unitChanges;

	private QuotaVersionView latest() {
		return queries.plan(ADMIN, year).versions().get(0);
	}

	private BigDecimal[] months(QuotaVersionView v, StaffView person, io.rumbo.organization.OrgUnitView unit) {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO);
		level(v, unit, Metric.REVENUE).rows().stream().filter(r -> r.kind().equals("PERSON") && r.id() == person.id())
			.map(QuotaLevelRow::months).findFirst().ifPresent(l -> l.toArray(months));
		return months;
	}

	private static BigDecimal sum(List<PersonQuota> quotas) {
		return quotas.stream().map(PersonQuota::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void aMoveAfterPublicationKeepsTheQuotaUntilANewVersionProratesIt(AssertablePublishedEvents events) {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		v = quotas.publish(ADMIN, v.id(), v.version(), true);
		quotas.acknowledge(b1User, year, null);
		Set<StaffId> a2Only = Set.of(StaffId.of(a2.id()));
		BigDecimal published = sum(reading.personQuotas(year, a2Only, Set.of(Metric.REVENUE)));

		// a2 moves from team 1 to team 2 on 20 August: September is the first month she counts in team 2.
		staff.update(ADMIN, a2.id(), a2.version(), new StaffManagement.StaffDetails(a2.employeeNumber(),
				a2.firstName(), a2.lastName(), null, null, a2.hireDate(), team2.id(), JobRole.SALESPERSON,
				StaffStatus.ACTIVE, 3, null, LocalDate.of(year, 8, 20)));

		List<QuotaUnitChange> changes = unitChanges.unitChanges(ADMIN, v.id());
		assertThat(changes).singleElement().satisfies(c -> {
			assertThat(c.staffId()).isEqualTo(a2.id());
			assertThat(c.fromMonth()).isEqualTo("FY" + year + "-M09");
			assertThat(c.fromUnitId()).isEqualTo(team1.id());
			assertThat(c.toUnitId()).isEqualTo(team2.id());
			assertThat(c.mayProrate()).isTrue();
		});
		assertThat(unitChanges.unitChanges(lead, v.id())).as("team 1's leader sees her, but team 2 is not theirs")
			.singleElement().satisfies(c -> assertThat(c.mayProrate()).isFalse());
		assertThat(unitChanges.unitChanges(b1User, v.id())).isEmpty();
		assertThat(sum(reading.personQuotas(year, a2Only, Set.of(Metric.REVENUE)))).as("her quota has not moved")
			.isEqualByComparingTo(published);

		// A change to team 2 splits among the people the version counts there, without her and without tripping.
		v = quotas.allocate(ADMIN, v.id(), v.version(), team2.id(), Metric.REVENUE,
				new QuotaManagement.Allocation(AllocationMethod.EVEN, BigDecimal.ZERO, Map.of()), "Reparto igual");
		assertThat(months(v, a2, team2)[9]).isEqualByComparingTo("0");
		assertThat(months(v, a2, team1)[9]).isEqualByComparingTo("500.00");
		// A figure imported for her October goes to team 1, where the version counts her.
		assertThat(imports.run(ADMIN, "quotas", "q.csv", ("employee_number,fiscal_month,measure,amount\n"
				+ a2.employeeNumber() + ",FY" + year + "-M10,revenue,777\n").getBytes(StandardCharsets.UTF_8),
				Locale.ENGLISH, false, "Octubre", ImportRows.Progress.NONE).errors()).isEmpty();
		v = latest();
		assertThat(months(v, a2, team1)[9]).isEqualByComparingTo("777.00");

		long id = v.id();
		long lock = v.version();
		assertThatThrownBy(() -> quotas.prorate(lead, id, lock, "x")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> quotas.prorate(ADMIN, id, lock, " ")).as("the quotas bind: a reason")
			.isInstanceOf(ValidationFailedException.class);

		QuotaVersionView prorated = quotas.prorate(ADMIN, id, lock, "Cambio de equipo de a2");

		assertThat(prorated.number()).isEqualTo(v.number() + 1);
		assertThat(prorated.state()).isEqualTo("PUBLISHED");
		assertThat(prorated.reason()).isEqualTo("Cambio de equipo de a2");
		assertThat(events.ofType(QuotaRevised.class).matching(e -> e.reason().equals("Cambio de equipo de a2")))
			.hasSize(1);
		BigDecimal[] inTeam1 = months(prorated, a2, team1);
		BigDecimal[] inTeam2 = months(prorated, a2, team2);
		assertThat(inTeam1[7]).as("August still in team 1").isEqualByComparingTo("500.00");
		assertThat(inTeam1[8]).isEqualByComparingTo("0");
		// Team 2's 2,000.00 a month among b1, the hire, the mover and a2 from September; the import gave way.
		assertThat(List.of(inTeam2).subList(8, 12)).allSatisfy(m -> assertThat(m).isEqualByComparingTo("500.00"));
		assertThat(months(prorated, a1, team1)[8]).as("a1 alone in team 1 from September")
			.isEqualByComparingTo("1000.00");
		assertThat(level(prorated, team1, Metric.REVENUE).mismatch()).isEqualByComparingTo("0");
		assertThat(unitChanges.unitChanges(ADMIN, prorated.id())).isEmpty();
		assertThat(people.differences(ADMIN, prorated.id())).extracting(QuotaViews.QuotaDiffRow::id)
			.contains(a1.id(), a2.id(), b1.id());
		assertThat(reading.status(year, StaffId.of(b1.id()))).get()
			.satisfies(s -> assertThat(s.acknowledged()).as("b1's quota moved: to acknowledge again").isFalse());
		assertThat(reading.personQuotas(year, a2Only, Set.of(Metric.REVENUE)).stream()
			.filter(q -> q.month().equals(LocalDate.of(year, 9, 1)))).singleElement()
			.satisfies(q -> assertThat(q.unit().value()).isEqualTo(team2.id()));
		long again = prorated.id();
		long againLock = prorated.version();
		assertThatThrownBy(() -> quotas.prorate(ADMIN, again, againLock, "otra vez"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aPersonWhoJoinsAfterADraftIsFlaggedAndProratedInPlace() {
		QuotaVersionView v = quotas.create(ADMIN, year, null);
		StaffView joiner = person(a1.employeeNumber() + "J", team1, LocalDate.of(year, 5, 2), null);

		assertThat(months(v, joiner, team1)).as("not in the draft until prorated")
			.allSatisfy(m -> assertThat(m).isEqualByComparingTo("0"));
		assertThat(unitChanges.unitChanges(ADMIN, v.id())).singleElement().satisfies(c -> {
			assertThat(c.staffId()).isEqualTo(joiner.id());
			assertThat(c.fromMonth()).isEqualTo("FY" + year + "-M05");
			assertThat(c.fromUnitId()).isNull();
			assertThat(c.toUnitId()).isEqualTo(team1.id());
		});
		assertThat(unitChanges.unitChanges(lead, v.id())).as("a draft is the director's").isEmpty();

		QuotaVersionView prorated = quotas.prorate(ADMIN, v.id(), v.version(), null);

		assertThat(prorated.id()).as("in place").isEqualTo(v.id());
		assertThat(prorated.state()).isEqualTo("DRAFT");
		BigDecimal[] months = months(prorated, joiner, team1);
		assertThat(months[3]).isEqualByComparingTo("0");
		// May: team 1's 1,000.00 among a1, a2, the mover and the joiner (250.00), ramped 25 % in her first month.
		assertThat(months[4]).isEqualByComparingTo("62.50");
		assertThat(unitChanges.unitChanges(ADMIN, prorated.id())).isEmpty();
	}
}
