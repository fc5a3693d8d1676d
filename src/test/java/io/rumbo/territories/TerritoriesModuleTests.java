package io.rumbo.territories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerOwnerChanged;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.OwnershipPeriod;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.jobs.ScheduledJob;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleListeners;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * The territories module booted with its dependencies on a database of its own (no demo company), so a model can be
 * scheduled and activated on any date without touching the models other tests share. A company with two teams: Ana
 * (team 1) holds five accounts, Pedro (team 2) none. Rules: postal-code ranges of one length, rules of two fields that
 * must both hold, an account named by hand. Activation today moves the accounts the preview said; a second model
 * scheduled 400 days ahead (by the clock, so the test holds on any day) is not activated by the job the day before, is
 * activated by it on its date exactly once (the job run twice), from that date: ownership and territory before it stay
 * (decision 0041).
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class TerritoriesModuleTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "territories");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	CustomerManagement customers;

	@Autowired
	TerritoryModels models;

	@Autowired
	TerritoryAnalysis analysis;

	@Autowired
	TerritoryBalances balances;

	@Autowired
	AccountTerritories accountTerritories;

	@Autowired
	ScheduledActivations schedules;

	@Autowired
	FrozenAccounts frozen;

	@Autowired
	List<ScheduledJob> jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.rumbo.territories.domain.AccountSnapshot snapshot;

	@Autowired
	Realignment realignment;

	@Autowired
	Clock clock;

	TwoTeamCompany company;

	CurrentUser director;

	StaffView ana;

	StaffView pedro;

	LocalDate today;

	@BeforeEach
	void company() {
		today = LocalDate.now(clock);
		company = new TwoTeamCompany(units, staff, users, "T");
		director = company.account("dir", Role.DIRECTOR);
		ana = company.person("A", company.team1, JobRole.SALESPERSON, company.account("ana", Role.REP));
		pedro = company.person("P", company.team2, JobRole.SALESPERSON, company.account("pedro", Role.REP));
	}

	@Test
	void rulesOfOneFieldAreAlternativesOfTwoFieldsMustAllHoldAndNamedAccountsWin() {
		long inNorth = account("15000", "Norte");
		long inSouth = account("15000", "Sur");
		long east = account("25000", "Sur");
		long shortCode = account("1500", "Norte");
		long named = account("99999", "Norte");
		Model m = model("rules");
		models.nameAccount(director, m.id, m.east, version(m.id, m.east), named, NamedMode.INCLUDE);

		Map<Long, AccountMove> rows = preview(m.id);
		assertThat(rows.get(inNorth).toTerritoryId()).as("postal code and region hold").isEqualTo(m.west);
		assertThat(rows.get(inNorth).toOwnerId()).isEqualTo(pedro.id());
		assertThat(rows.get(inNorth).moves()).isTrue();
		assertThat(rows.get(inSouth).toTerritoryId()).as("the region rule fails").isNull();
		assertThat(rows.get(inSouth).moves()).as("no territory takes it: it keeps its owner").isFalse();
		assertThat(rows.get(east).toTerritoryId()).as("second range, no region rule").isEqualTo(m.east);
		assertThat(rows.get(east).moves()).as("already Ana's").isFalse();
		assertThat(rows.get(shortCode).toTerritoryId()).as("1500 is compared only with ranges of its length")
			.isNull();
		assertThat(rows.get(named).toTerritoryId()).as("named INCLUDE whatever the rules").isEqualTo(m.east);
	}

	@Test
	void aScheduledModelActivatesByItselfOnItsDateOnceAndHistoryBeforeItStays() {
		long moved = account("15000", "Norte");
		long later = account("25000", "Sur");
		Model first = model("first");
		assertThat(preview(first.id).get(moved).moves()).isTrue();
		models.activate(director, first.id, models.get(director, first.id).version(), today);
		assertThat(customers.get(director, moved).ownerStaffId()).as("activated today: Pedro's at once")
			.isEqualTo(pedro.id());

		// The second model gives the east account to Pedro too, from a date 400 days ahead (another fiscal year).
		ModelView copy = models.create(director, "second " + company.code, null, first.id);
		long copiedWest = models.territories(director, copy.id()).stream().filter(t -> t.code().equals("W"))
			.findFirst().orElseThrow().id();
		models.nameAccount(director, copy.id(), copiedWest, version(copy.id(), copiedWest), later, NamedMode.INCLUDE);
		LocalDate date = today.plusDays(400);
		long version = models.get(director, copy.id()).version();
		assertThatThrownBy(() -> schedules.schedule(director, copy.id(), version, today))
			.as("today is an activation, not a schedule").isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> schedules.schedule(director, copy.id(), version, today.minusDays(1)))
			.isInstanceOf(ValidationFailedException.class);
		ModelView scheduled = schedules.schedule(director, copy.id(), version, date);
		assertThat(scheduled.status()).isEqualTo(ModelStatus.SCHEDULED);
		assertThat(scheduled.scheduledFor()).isEqualTo(date);
		assertThat(scheduled.scheduledBy()).isEqualTo(director.username());
		assertThatThrownBy(() -> models.addRule(director, copy.id(), copiedWest, version(copy.id(), copiedWest),
				RuleField.CITY, "Oviedo", null)).as("no edits while scheduled").isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> models.activate(director, copy.id(), scheduled.version(), today))
			.as("nor an activation by hand").isInstanceOf(ConflictException.class);
		ModelView other = models.create(director, "other " + company.code, null, null);
		assertThatThrownBy(() -> schedules.schedule(director, other.id(), other.version(), date.plusDays(1)))
			.as("one model scheduled at a time").isInstanceOf(ConflictException.class);
		assertThat(lastYearTo(copy.id(), null)).as("previewed as of its date: last year is the one before the date's")
			.isEqualTo(lastYearTo(copy.id(), date))
			.isAfter(lastYearTo(copy.id(), today));

		ScheduledJob job = jobs.stream().filter(j -> j.name().equals("territories/scheduled-activation")).findFirst()
			.orElseThrow();
		job.work().accept(dueOn(date.minusDays(1)));
		assertThat(models.get(director, copy.id()).status()).as("not due the day before").isEqualTo(ModelStatus.SCHEDULED);
		assertThat(customers.get(director, later).ownerStaffId()).isEqualTo(ana.id());

		job.work().accept(dueOn(date));
		job.work().accept(dueOn(date));
		ModelView active = models.get(director, copy.id());
		assertThat(active.status()).isEqualTo(ModelStatus.ACTIVE);
		assertThat(active.effectiveFrom()).as("from the scheduled date").isEqualTo(date);
		assertThat(active.activatedBy()).isEqualTo(director.username());
		assertThat(models.get(director, first.id).status()).isEqualTo(ModelStatus.HISTORY);
		assertThat(models.get(director, first.id).effectiveTo()).isEqualTo(date);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'TERRITORY_MODEL' AND "
				+ "entity_id = :id AND action = 'ACTIVATE'").param("id", Long.toString(copy.id())).query(Long.class)
			.single()).as("activated once though the job ran twice").isEqualTo(1);

		List<OwnershipPeriod> history = customers.ownership(director, later);
		assertThat(history).anySatisfy(p -> {
			assertThat(p.ownerStaffId()).isEqualTo(ana.id());
			assertThat(p.validTo()).isEqualTo(date);
		});
		assertThat(history).anySatisfy(p -> {
			assertThat(p.ownerStaffId()).isEqualTo(pedro.id());
			assertThat(p.validFrom()).isEqualTo(date);
		});
		assertThat(territoryOn(later, date.minusDays(1))).as("the first model's territory until the date")
			.isEqualTo(first.east);
		assertThat(territoryOn(later, date)).isEqualTo(copiedWest);
		assertThat(territoryOn(moved, today)).as("history before the date untouched").isEqualTo(first.west);
	}

	/**
	 * Previews and balances read the account copy as the events left it (decision 0044): an unchanged company writes
	 * nothing, and a new account reaches the copy through its event alone, without copying the others again (a mark
	 * put in another account's row stays).
	 */
	@Test
	void theAccountCopyIsKeptFromEventsNotTakenAgainOnEachRead() {
		long marked = account("15000", "Norte");
		var year = realignment.lastYear(today);
		realignment.prepare(today);
		assertThat(snapshot.refresh(year.start(), year.end())).as("a built copy of the same year: no row written")
			.isZero();

		Model m = model("copy");
		jdbc.sql("UPDATE territories_account SET legal_name = 'mark' WHERE customer_id = :c").param("c", marked)
			.update();
		assertThat(preview(m.id).get(marked).legalName()).as("the preview read the copy, it did not take it again")
			.isEqualTo("mark");
		assertThat(balances.balance(director, m.id, BalanceIndex.ACCOUNTS, null).isEmpty()).isFalse();
		assertThat(snapshot.refresh(year.start(), year.end())).as("neither did the balance").isZero();

		long added = account("25000", "Sur");
		Map<Long, AccountMove> rows = preview(m.id);
		assertThat(rows.get(added).toTerritoryId()).as("the new account came with its event").isEqualTo(m.east);
		assertThat(rows.get(marked).legalName()).as("and nothing else was copied again").isEqualTo("mark");
	}

	@Test
	void aFrozenAccountTakesItsCurrentOwnerFromCustomersNotFromALateEvent() {
		long account = account("35000", "Este");
		frozen.freeze(director, account, "Key account");
		// A retried or late event says Pedro (team 2) took it; the account is still Ana's (team 1).
		frozen.on(new CustomerOwnerChanged(CustomerId.of(account), StaffId.of(ana.id()), StaffId.of(pedro.id()),
				UnitId.of(company.team1.id()), UnitId.of(company.team2.id()), today.plusDays(30)));
		var row = frozen.list(director, new FrozenAccounts.Filter(null, null, null), new ListQuery(0, 500, List.of()))
			.content().stream().filter(f -> f.customerId() == account).findFirst().orElseThrow();
		assertThat(row.ownerStaffId()).as("the account's current owner").isEqualTo(ana.id());
		assertThat(row.unitId()).isEqualTo(company.team1.id());
	}

	private record Model(long id, long west, long east) {
	}

	/** West (Pedro): 10000..19999 in region Norte; East (Ana): 20000..29999; under a root of the company. */
	private Model model(String name) {
		long id = models.create(director, name + " " + company.code, null, null).id();
		long root = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(null, "R", "Root", 0, null,
				company.company.id())).id();
		long west = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(root, "W", "West", 1,
				pedro.id(), null)).id();
		long east = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(root, "E", "East", 2,
				ana.id(), null)).id();
		models.addRule(director, id, west, version(id, west), RuleField.POSTAL_CODE, "10000", "19999");
		models.addRule(director, id, west, version(id, west), RuleField.REGION, "NORTE " + company.code, null);
		models.addRule(director, id, east, version(id, east), RuleField.POSTAL_CODE, "20000", "29999");
		return new Model(id, west, east);
	}

	private long version(long model, long territory) {
		return models.territory(director, model, territory).version();
	}

	/** An account of Ana's (team 1) since long ago, in a region of this test's own, in the account copy. */
	private long account(String postalCode, String region) {
		long id = customers.create(TwoTeamCompany.ADMIN, new CustomerManagement.CustomerDetails(null,
				"Cuenta " + postalCode + " " + region + " " + company.code + System.nanoTime() % 1000, null,
				Segment.MID_MARKET, null, CompanySize.SMALL, region + " " + company.code, null, postalCode, null,
				PotentialClass.B, new BigDecimal("10000"), CustomerStatus.ACTIVE, ana.id(), company.team1.id(),
				today.minusYears(1))).id();
		ModuleListeners.await(jdbc, "io.rumbo.territories");
		return id;
	}

	private Map<Long, AccountMove> preview(long model) {
		return analysis.preview(director, model, new TerritoryAnalysis.Filter(today, false, null),
				new ListQuery(0, ListQuery.MAX_SIZE, List.of())).accounts().content().stream()
			.collect(Collectors.toMap(AccountMove::customerId, Function.identity()));
	}

	private LocalDate lastYearTo(long model, LocalDate on) {
		return analysis.preview(director, model, new TerritoryAnalysis.Filter(on, true, null),
				new ListQuery(0, 1, List.of())).lastYearTo();
	}

	private long territoryOn(long customer, LocalDate on) {
		var periods = accountTerritories.periods(director, customer, on, null, new ListQuery(0, 10, List.of())).content();
		assertThat(periods).hasSize(1);
		return periods.get(0).territoryId();
	}

	private ZonedDateTime dueOn(LocalDate date) {
		return date.atTime(0, 5).atZone(clock.getZone());
	}
}
