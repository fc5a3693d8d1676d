package io.rumbo.customers;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customers module with what it needs (organization, identity, imports, shared) and no demo company: accounts,
 * cases and ratings announce what happened, attributed to the owner of the account on the day. The sales module
 * that answers for orders is not booted; a mock stands in (no case here names an order).
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class CustomersModuleTests {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	static final LocalDate SINCE = LocalDate.of(2025, 1, 1);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "customers");
	}

	@MockitoBean
	CustomerSalesHistory sales;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ServiceManagement service;

	@Autowired
	CustomerDirectory directory;

	OrgUnitView unit;

	StaffView owner;

	@BeforeEach
	void organisation() {
		String code = "U" + System.nanoTime() % 1_000_000_000;
		unit = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null, null,
				LocalDate.of(2020, 1, 1), null));
		owner = person(code + "-1");
	}

	@Test
	void creatingAnAccountAnnouncesItsOwnerAndUnit(Scenario scenario) {
		scenario.stimulate(() -> customers.create(ADMIN, account("Created SA", owner.id(), SINCE)))
			.andWaitForEventOfType(CustomerCreated.class)
			.toArriveAndVerify(created -> {
				assertThat(created.owner()).isEqualTo(StaffId.of(owner.id()));
				assertThat(created.unit()).isEqualTo(UnitId.of(unit.id()));
				assertThat(created.since()).isEqualTo(SINCE);
				assertThat(directory.find(created.customer()).orElseThrow().legalName()).isEqualTo("Created SA");
			});
	}

	@Test
	void handingAnAccountToAnotherOwnerAnnouncesBothOwnersFromTheEffectiveDate(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Handed SA", owner.id(), SINCE));
		StaffView next = person(unit.code() + "-2");
		LocalDate effective = LocalDate.of(2026, 3, 1);
		scenario.stimulate(() -> customers.update(ADMIN, account.id(), account.version(),
				account("Handed SA", next.id(), effective)))
			.andWaitForEventOfType(CustomerOwnerChanged.class)
			.toArriveAndVerify(changed -> {
				assertThat(changed).isEqualTo(new CustomerOwnerChanged(CustomerId.of(account.id()),
						StaffId.of(owner.id()), StaffId.of(next.id()), UnitId.of(unit.id()), UnitId.of(unit.id()),
						effective));
				assertThat(directory.ownershipOn(changed.customer(), effective.minusDays(1)).orElseThrow().owner())
					.isEqualTo(StaffId.of(owner.id()));
			});
	}

	@Test
	void openingACaseAnnouncesItAttributedToTheOwnerOnTheDay(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Opened SA", owner.id(), SINCE));
		scenario.stimulate(() -> service.open(ADMIN, serviceCase(account.id(), LocalDate.of(2026, 2, 2), null)))
			.andWaitForEventOfType(ServiceCaseOpened.class)
			.toArriveAndVerify(opened -> {
				assertThat(opened.customer()).isEqualTo(CustomerId.of(account.id()));
				assertThat(opened.owner()).isEqualTo(StaffId.of(owner.id()));
				assertThat(opened.unit()).isEqualTo(UnitId.of(unit.id()));
				assertThat(opened.openedOn()).isEqualTo(LocalDate.of(2026, 2, 2));
				assertThat(opened.priority()).isEqualTo(CasePriority.HIGH);
			});
	}

	@Test
	void resolvingACaseAnnouncesTheResolutionDaysAndASecondResolutionIsRefused(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Resolved SA", owner.id(), SINCE));
		ServiceCaseView opened = service.open(ADMIN, serviceCase(account.id(), LocalDate.of(2026, 2, 2), null));
		scenario.stimulate(() -> service.resolve(ADMIN, opened.id(), LocalDate.of(2026, 2, 12), "Replaced"))
			.andWaitForEventOfType(ServiceCaseResolved.class)
			.toArriveAndVerify(resolved -> assertThat(resolved).isEqualTo(new ServiceCaseResolved(
					ServiceCaseId.of(opened.id()), CustomerId.of(account.id()), StaffId.of(owner.id()),
					UnitId.of(unit.id()), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 12), 10)));
		assertThatThrownBy(() -> service.resolve(ADMIN, opened.id(), LocalDate.of(2026, 2, 13), null))
			.isInstanceOf(ConflictException.class)
			.hasMessage("customers.case.alreadyResolved");
	}

	@Test
	void reopeningAResolvedCaseAnnouncesItAndReopeningAnOpenOneIsRefused(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Reopened SA", owner.id(), SINCE));
		ServiceCaseView resolved = service.open(ADMIN,
				serviceCase(account.id(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 5)));
		scenario.stimulate(() -> service.reopen(ADMIN, resolved.id()))
			.andWaitForEventOfType(ServiceCaseReopened.class)
			.toArriveAndVerify(reopened -> {
				assertThat(reopened.serviceCase()).isEqualTo(ServiceCaseId.of(resolved.id()));
				assertThat(reopened.wasResolvedOn()).isEqualTo(LocalDate.of(2026, 2, 5));
			});
		assertThat(service.get(ADMIN, resolved.id()).resolvedOn()).isNull();
		assertThatThrownBy(() -> service.reopen(ADMIN, resolved.id())).isInstanceOf(ConflictException.class)
			.hasMessage("customers.case.notResolved");
	}

	@Test
	void correctingAResolvedCaseAnnouncesItsResolutionBeforeAndAfter(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Corrected SA", owner.id(), SINCE));
		StaffView other = person(unit.code() + "-3");
		CustomerView otherAccount = customers.create(ADMIN, account("Other SA", other.id(), SINCE));
		ServiceCaseView resolved = service.open(ADMIN,
				serviceCase(account.id(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 5)));
		scenario.stimulate(() -> service.update(ADMIN, resolved.id(), resolved.version(),
				serviceCase(otherAccount.id(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4))))
			.andWaitForEventOfType(ServiceCaseResolutionChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new ServiceCaseResolutionChanged(
					ServiceCaseId.of(resolved.id()),
					new ServiceCaseResolutionChanged.Resolution(CustomerId.of(account.id()), StaffId.of(owner.id()),
							UnitId.of(unit.id()), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 5), 3),
					new ServiceCaseResolutionChanged.Resolution(CustomerId.of(otherAccount.id()), StaffId.of(other.id()),
							UnitId.of(unit.id()), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), 30))));
	}

	@Test
	void reopeningAResolvedCaseByAnEditAnnouncesTheResolutionAsItWas(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Moved SA", owner.id(), SINCE));
		StaffView other = person(unit.code() + "-4");
		CustomerView otherAccount = customers.create(ADMIN, account("Moved Other SA", other.id(), SINCE));
		ServiceCaseView resolved = service.open(ADMIN,
				serviceCase(account.id(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 5)));
		scenario.stimulate(() -> service.update(ADMIN, resolved.id(), resolved.version(),
				serviceCase(otherAccount.id(), LocalDate.of(2026, 2, 2), null)))
			.andWaitForEventOfType(ServiceCaseReopened.class)
			.toArriveAndVerify(reopened -> assertThat(reopened).as("the owner the resolution counted for")
				.isEqualTo(new ServiceCaseReopened(ServiceCaseId.of(resolved.id()), CustomerId.of(account.id()),
						StaffId.of(owner.id()), UnitId.of(unit.id()), LocalDate.of(2026, 2, 5))));
	}

	@Test
	void aCaseRecordedAlreadyResolvedAnnouncesItsResolutionToo(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Recorded SA", owner.id(), SINCE));
		scenario.stimulate(() -> service.open(ADMIN,
				serviceCase(account.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4))))
			.andWaitForEventOfType(ServiceCaseResolved.class)
			.toArriveAndVerify(resolved -> assertThat(resolved.resolutionDays()).isEqualTo(3));
	}

	@Test
	void aRatingAnnouncesTheScoresAttributedToTheOwnerOnTheDay(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Rated SA", owner.id(), SINCE));
		scenario.stimulate(() -> service.rate(ADMIN, new ServiceManagement.RatingDetails(account.id(), null, null,
				LocalDate.of(2026, 4, 1), 4, 9, "Good")))
			.andWaitForEventOfType(SatisfactionRated.class)
			.toArriveAndVerify(rated -> {
				assertThat(rated.customer()).isEqualTo(CustomerId.of(account.id()));
				assertThat(rated.owner()).isEqualTo(StaffId.of(owner.id()));
				assertThat(rated.unit()).isEqualTo(UnitId.of(unit.id()));
				assertThat(rated.csat()).isEqualTo(4);
				assertThat(rated.nps()).isEqualTo(9);
				assertThat(rated.ratedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
				assertThat(rated.serviceCase()).isNull();
			});
	}

	/**
	 * Editing fields territory rules read announces the account (its owner unchanged: no owner event), so copies of
	 * account fields learn of it; saving the same details announces nothing.
	 */
	@Test
	void editingAnAccountsDetailsAnnouncesTheAccountAndArchivingItToo(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Edited SA", owner.id(), SINCE));
		scenario.stimulate(() -> customers.update(ADMIN, account.id(), account.version(),
				new CustomerManagement.CustomerDetails(null, "Edited SA", null, Segment.SMALL_BUSINESS, "Retail",
						CompanySize.SMALL, "Norte", null, "28001", "Madrid", PotentialClass.A, null,
						CustomerStatus.ACTIVE, owner.id(), null, SINCE)))
			.andWaitForEventOfType(CustomerDetailsChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed.customer()).isEqualTo(CustomerId.of(account.id())));
		CustomerView edited = customers.get(ADMIN, account.id());
		scenario.stimulate(() -> customers.archive(ADMIN, account.id()))
			.andWaitForEventOfType(CustomerArchived.class)
			.toArriveAndVerify(archived -> assertThat(archived.customer()).isEqualTo(CustomerId.of(account.id())));
		assertThat(edited.ownerStaffId()).isEqualTo(owner.id());
	}

	@Test
	void savingTheSameDetailsAnnouncesNoChange(Scenario scenario) {
		CustomerView account = customers.create(ADMIN, account("Same SA", owner.id(), SINCE));
		scenario.stimulate(() -> customers.update(ADMIN, account.id(), account.version(),
				account("Same SA", owner.id(), SINCE)))
			.andWaitForStateChange(() -> customers.get(ADMIN, account.id()))
			.andVerifyEvents(events -> assertThat(events.ofType(CustomerDetailsChanged.class)).isEmpty());
	}

	@Test
	void archivingAnAccountTwiceIsRefused() {
		CustomerView account = customers.create(ADMIN, account("Archived SA", owner.id(), SINCE));
		customers.archive(ADMIN, account.id());
		assertThatThrownBy(() -> customers.archive(ADMIN, account.id())).isInstanceOf(ConflictException.class)
			.hasMessage("customers.customer.alreadyArchived");
	}

	private StaffView person(String number) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, "Eva", "Owner " + number, null, null,
				LocalDate.of(2020, 1, 1), unit.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, null, null));
	}

	private static CustomerManagement.CustomerDetails account(String name, long ownerId, LocalDate effective) {
		return new CustomerManagement.CustomerDetails(null, name, null, Segment.SMALL_BUSINESS, null,
				CompanySize.SMALL, null, null, null, null, PotentialClass.B, null, CustomerStatus.ACTIVE, ownerId, null,
				effective);
	}

	private static ServiceManagement.CaseDetails serviceCase(long customerId, LocalDate opened, LocalDate resolved) {
		return new ServiceManagement.CaseDetails(null, customerId, null, "Broken delivery", CaseCategory.DELIVERY,
				CasePriority.HIGH, opened, resolved, resolved == null ? null : "Fixed");
	}
}
