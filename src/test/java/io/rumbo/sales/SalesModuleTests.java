package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
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
import io.rumbo.sales.OrderManagement.NewCredit;
import io.rumbo.sales.OrderManagement.NewLine;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sales module with its direct dependencies and no demo company: orders, opportunities, activities and tasks
 * announce what happened with the facts a listener needs, and an edit of what a record counts for announces it
 * before and after. Sales depends directly on every other module (organization,
 * customers, catalog, planning, imports, identity, shared), so its direct dependencies are the whole module list;
 * what it leaves out is the demo company. The few records the events talk about (a unit, two people, an account and
 * a product) are created through the real facades of those modules.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class SalesModuleTests {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));

	static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "sales");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	OrderManagement orders;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	ActivityManagement activities;

	@Autowired
	OpportunityProducts products;

	@Autowired
	TaskManagement tasks;

	@Autowired
	Clock clock;

	OrgUnitView unit;

	StaffView owner;

	StaffView partner;

	CustomerView account;

	ProductView product;

	@BeforeEach
	void records() {
		String code = "S" + System.nanoTime() % 1_000_000_000;
		unit = units.create(ADMIN, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null, null,
				LocalDate.of(2020, 1, 1), null));
		owner = person(code + "-1");
		partner = person(code + "-2");
		account = customers.create(ADMIN, new CustomerManagement.CustomerDetails(null, "Cliente " + code, null,
				Segment.SMALL_BUSINESS, null, CompanySize.SMALL, null, null, null, null, PotentialClass.B, null,
				CustomerStatus.ACTIVE, owner.id(), null, LocalDate.of(2025, 1, 1)));
		ProductLineView line = catalog.createLine(ADMIN, new CatalogManagement.LineDetails("L-" + code, "Línea",
				"Line", true));
		product = catalog.createProduct(ADMIN, new CatalogManagement.ProductDetails("P-" + code, "Producto",
				"Product", line.id(), UnitOfMeasure.UNIT, new BigDecimal("20"), true, new BigDecimal("8"),
				LocalDate.of(2025, 1, 1)));
	}

	@Test
	void bookingAnOrderSplitSixtyFortyAnnouncesBothCreditsAndTheTotals(Scenario scenario) {
		scenario.stimulate(() -> orders.create(ADMIN, order(List.of(new NewCredit(owner.id(), new BigDecimal("60")),
				new NewCredit(partner.id(), new BigDecimal("40"))))))
			.andWaitForEventOfType(OrderBooked.class)
			.toArriveAndVerify((booked, order) -> {
				assertThat(booked.orderId()).isEqualTo(OrderId.of(order.id()));
				assertThat(booked.orderNumber()).isEqualTo(order.orderNumber());
				OrderFacts facts = booked.facts();
				assertThat(facts.customerId()).isEqualTo(CustomerId.of(account.id()));
				assertThat(facts.orderDate()).isEqualTo(DAY);
				assertThat(facts.credits()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sharePercent")
					.containsExactlyInAnyOrder(new OrderFacts.Credit(StaffId.of(owner.id()), UnitId.of(unit.id()), null),
							new OrderFacts.Credit(StaffId.of(partner.id()), UnitId.of(unit.id()), null));
				assertThat(facts.credits()).filteredOn(c -> c.staffId().equals(StaffId.of(owner.id())))
					.singleElement()
					.satisfies(c -> assertThat(c.sharePercent()).isEqualByComparingTo("60"));
				assertThat(facts.credits()).filteredOn(c -> c.staffId().equals(StaffId.of(partner.id())))
					.singleElement()
					.satisfies(c -> assertThat(c.sharePercent()).isEqualByComparingTo("40"));
				// 3 units at 12.50 with no discount, at a standard cost of 8 each.
				assertThat(facts.units()).isEqualByComparingTo("3");
				assertThat(facts.net()).isEqualByComparingTo("37.50");
				assertThat(facts.margin()).isEqualByComparingTo("13.50");
				assertThat(facts.net()).isEqualByComparingTo(order.netAmount());
			});
	}

	@Test
	void cancellingAnOrderAnnouncesItOnceAndASecondCancelIsRefused(Scenario scenario) {
		OrderView order = orders.create(ADMIN, order(List.of()));
		scenario.stimulate(() -> orders.cancel(ADMIN, order.id()))
			.andWaitForEventOfType(OrderCancelled.class)
			.toArriveAndVerify(cancelled -> {
				assertThat(cancelled.orderId()).isEqualTo(OrderId.of(order.id()));
				assertThat(cancelled.orderNumber()).isEqualTo(order.orderNumber());
				assertThat(cancelled.facts().net()).isEqualByComparingTo("37.50");
				assertThat(cancelled.facts().credits()).singleElement()
					.satisfies(c -> assertThat(c.staffId()).isEqualTo(StaffId.of(owner.id())))
					.satisfies(c -> assertThat(c.sharePercent()).isEqualByComparingTo("100"));
			});
		assertThatThrownBy(() -> orders.cancel(ADMIN, order.id())).isInstanceOf(ConflictException.class);
		assertThat(orders.get(ADMIN, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void anOpportunityMovedToAWonStageAnnouncesTheWin(Scenario scenario) {
		LocalDate today = LocalDate.now(clock);
		OpportunityView opportunity = opportunities.create(ADMIN, new OpportunityManagement.OpportunityDetails(
				account.id(), "Mobiliario", new BigDecimal("12000"), today.plusMonths(2), null, partner.id(), "Web",
				null));
		scenario.stimulate(() -> opportunities.moveTo(ADMIN, opportunity.id(), "WON"))
			.andWaitForEventOfType(OpportunityWon.class)
			.toArriveAndVerify(won -> {
				assertThat(won.opportunity()).isEqualTo(OpportunityId.of(opportunity.id()));
				assertThat(won.customer()).isEqualTo(CustomerId.of(account.id()));
				assertThat(won.amount()).isEqualByComparingTo("12000");
				assertThat(won.owner()).isEqualTo(StaffId.of(partner.id()));
				assertThat(won.unit()).isEqualTo(UnitId.of(unit.id()));
				assertThat(won.closedOn()).isEqualTo(today);
			});
		assertThatThrownBy(() -> opportunities.moveTo(ADMIN, opportunity.id(), "WON"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anActivityMarkedDoneAnnouncesTheDayItWasDone(Scenario scenario) {
		ActivityView planned = activities.create(ADMIN, visit(null));
		scenario.stimulate(() -> activities.update(ADMIN, planned.id(), planned.version(), visit(DAY)))
			.andWaitForEventOfType(ActivityDone.class)
			.toArriveAndVerify(done -> assertThat(done).isEqualTo(new ActivityDone(ActivityId.of(planned.id()),
					ActivityType.VISIT, CustomerId.of(account.id()), StaffId.of(owner.id()), UnitId.of(unit.id()),
					DAY)));
		ActivityView done = activities.get(ADMIN, planned.id());
		assertThatThrownBy(() -> activities.update(ADMIN, done.id(), done.version(), visit(DAY.plusDays(1))))
			.as("a done activity keeps the day it was done")
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void editingAnOpportunityAnnouncesWhatItCountsForBeforeAndAfter(Scenario scenario) {
		LocalDate today = LocalDate.now(clock);
		OpportunityView created = opportunities.create(ADMIN, opportunity("Mobiliario", "12000", today.plusMonths(2),
				owner.id()));
		scenario.stimulate(() -> opportunities.update(ADMIN, created.id(), created.version(),
				opportunity("Mobiliario", "15000", today.plusMonths(3), partner.id())))
			.andWaitForEventOfType(OpportunityChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new OpportunityChanged(
					OpportunityId.of(created.id()), CustomerId.of(account.id()), "PROSPECTING", today,
					new OpportunityChanged.Facts(new BigDecimal("12000.0000"), StaffId.of(owner.id()), UnitId.of(unit.id()),
							today.plusMonths(2)),
					new OpportunityChanged.Facts(new BigDecimal("15000.0000"), StaffId.of(partner.id()),
							UnitId.of(unit.id()), today.plusMonths(3)))));
	}

	@Test
	void pricingAnOpportunityByItsProductsAnnouncesTheNewAmount(Scenario scenario) {
		LocalDate today = LocalDate.now(clock);
		OpportunityView created = opportunities.create(ADMIN, opportunity("Sillas", "1000", today.plusMonths(1),
				owner.id()));
		scenario.stimulate(() -> products.setProducts(ADMIN, created.id(), created.version(),
				List.of(new OpportunityProducts.ProductLine(product.id(), new BigDecimal("4"), new BigDecimal("12.50"),
						null))))
			.andWaitForEventOfType(OpportunityChanged.class)
			.toArriveAndVerify(changed -> {
				assertThat(changed.before().amount()).isEqualByComparingTo("1000");
				assertThat(changed.after().amount()).isEqualByComparingTo("50");
				assertThat(changed.after().owner()).isEqualTo(changed.before().owner());
				assertThat(changed.after().expectedClose()).isEqualTo(today.plusMonths(1));
			});
	}

	@Test
	void editingADoneActivityAnnouncesItsTypeAndOwnerBeforeAndAfter(Scenario scenario) {
		ActivityView done = activities.create(ADMIN, visit(DAY));
		scenario.stimulate(() -> activities.update(ADMIN, done.id(), done.version(),
				new ActivityManagement.ActivityDetails(account.id(), null, ActivityType.CALL, partner.id(), DAY.minusDays(2),
						DAY, 45, "Pide presupuesto", null, null)))
			.andWaitForEventOfType(ActivityChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new ActivityChanged(ActivityId.of(done.id()),
					new ActivityChanged.Facts(ActivityType.VISIT, StaffId.of(owner.id()), UnitId.of(unit.id()), DAY),
					new ActivityChanged.Facts(ActivityType.CALL, StaffId.of(partner.id()), UnitId.of(unit.id()), DAY))));
	}

	@Test
	void editingADoneTaskAnnouncesItsAssigneeAndDueDateBeforeAndAfter(Scenario scenario) {
		LocalDate today = LocalDate.now(clock);
		TaskView task = tasks.create(ADMIN, new TaskManagement.TaskDetails("Enviar la oferta", null, owner.id(), null,
				null, today.plusDays(3)));
		TaskView done = tasks.complete(ADMIN, task.id(), true);
		scenario.stimulate(() -> tasks.update(ADMIN, done.id(), done.version(), new TaskManagement.TaskDetails(
				"Enviar la oferta", null, partner.id(), null, null, today.minusDays(1))))
			.andWaitForEventOfType(TaskChanged.class)
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new TaskChanged(TaskId.of(task.id()),
					new TaskChanged.Facts(StaffId.of(owner.id()), UnitId.of(unit.id()), today.plusDays(3), today),
					new TaskChanged.Facts(StaffId.of(partner.id()), UnitId.of(unit.id()), today.minusDays(1), today))));
	}

	@Test
	void editsOfWhatNoMeasureCountsAnnounceNothing(AssertablePublishedEvents events) {
		LocalDate today = LocalDate.now(clock);
		OpportunityView created = opportunities.create(ADMIN, opportunity("Mobiliario", "12000", today.plusMonths(2),
				owner.id()));
		opportunities.update(ADMIN, created.id(), created.version(), opportunity("Mobiliario de oficina", "12000",
				today.plusMonths(2), owner.id()));
		ActivityView done = activities.create(ADMIN, visit(DAY));
		activities.update(ADMIN, done.id(), done.version(), new ActivityManagement.ActivityDetails(account.id(), null,
				ActivityType.VISIT, null, DAY.minusDays(2), DAY, 90, "Firmará en marzo", "Notas", null));
		TaskView open = tasks.create(ADMIN, new TaskManagement.TaskDetails("Llamar", null, owner.id(), null, null,
				today.plusDays(3)));
		tasks.update(ADMIN, open.id(), open.version(), new TaskManagement.TaskDetails("Llamar", null, partner.id(), null,
				null, today.plusDays(5)));
		assertThat(events.ofType(OpportunityCreated.class)).as("the events of the test are recorded").hasSize(1);
		assertThat(events.ofType(ActivityDone.class)).hasSize(1);
		assertThat(events.ofType(OpportunityChanged.class)).as("only the title changed").isEmpty();
		assertThat(events.ofType(ActivityChanged.class)).as("only the duration and the notes changed").isEmpty();
		assertThat(events.ofType(TaskChanged.class)).as("an open task counts nowhere yet").isEmpty();
	}

	private OpportunityManagement.OpportunityDetails opportunity(String title, String amount, LocalDate close,
			long ownerId) {
		return new OpportunityManagement.OpportunityDetails(account.id(), title, new BigDecimal(amount), close, null,
				ownerId, "Web", null);
	}

	private StaffView person(String number) {
		return staff.create(ADMIN, new StaffManagement.StaffDetails(number, "Eva", "Vendedora " + number, null, null,
				LocalDate.of(2020, 1, 1), unit.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3, null, null));
	}

	private OrderManagement.OrderDetails order(List<NewCredit> credits) {
		return new OrderManagement.OrderDetails(account.id(), DAY, null, null,
				List.of(new NewLine(product.id(), new BigDecimal("3"), new BigDecimal("12.50"), null)), credits);
	}

	private ActivityManagement.ActivityDetails visit(LocalDate doneOn) {
		return new ActivityManagement.ActivityDetails(account.id(), null, ActivityType.VISIT, null, DAY.minusDays(2),
				doneOn, 45, doneOn == null ? null : "Pide presupuesto", null, null);
	}
}
