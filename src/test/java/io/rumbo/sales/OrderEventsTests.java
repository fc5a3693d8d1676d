package io.rumbo.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.customers.CustomerId;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.OrderManagement.NewCredit;
import io.rumbo.sales.OrderManagement.NewLine;
import io.rumbo.sales.OrderManagement.OrderDetails;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each order event is published by the facade that makes the change, with what a listener needs: the order, its customer and
 * date, the people credited with their unit on the order date and share, and the totals. {@code SalesModuleTests}
 * shows the main events with the module booted on its own; this test covers every order event, the import's
 * summary and the no-op edit on the demo company the integration tests share.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class OrderEventsTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	@Autowired
	OrderManagement orders;

	@Autowired
	ImportService imports;

	@Autowired
	UserManagement users;

	@Autowired
	OrgDirectory org;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	CurrentUser admin;
	long customer;
	long owner;
	long partner;
	long product;

	@BeforeEach
	void setUp() {
		admin = users.actAs("admin").orElseThrow();
		Map<String, Object> account = jdbc.sql("""
				SELECT id, owner_staff_id FROM customer_account WHERE owner_staff_id IS NOT NULL AND archived = FALSE
				ORDER BY id FETCH FIRST 1 ROWS ONLY""").query().singleRow();
		customer = ((Number) account.get("id")).longValue();
		owner = ((Number) account.get("owner_staff_id")).longValue();
		partner = jdbc.sql("SELECT id FROM org_staff WHERE status = 'ACTIVE' AND archived = FALSE AND id <> :owner"
				+ " ORDER BY id FETCH FIRST 1 ROWS ONLY").param("owner", owner).query(Long.class).single();
		product = jdbc.sql("SELECT id FROM catalog_product WHERE active = TRUE ORDER BY id FETCH FIRST 1 ROWS ONLY")
			.query(Long.class)
			.single();
	}

	@Test
	void bookingAnOrderAnnouncesItWithItsCreditsAndTotals() {
		OrderView order = orders.create(admin, details(DAY, "3", List.of(new NewCredit(owner, new BigDecimal("60")),
				new NewCredit(partner, new BigDecimal("40")))));

		OrderBooked booked = only(OrderBooked.class, order.id());
		assertThat(booked.orderNumber()).isEqualTo(order.orderNumber());
		assertFacts(booked.facts(), order);
		assertThat(booked.facts().credits()).extracting(c -> c.staffId().value()).containsExactlyInAnyOrder(owner, partner);
		assertThat(booked.facts().credits()).filteredOn(c -> c.staffId().value() == partner).singleElement()
			.satisfies(c -> assertThat(c.sharePercent()).isEqualByComparingTo("40"));
		assertThat(events.stream(OrderReturned.class)).isEmpty();
	}

	@Test
	void aReturnIsAnnouncedAsReturnedWithNegativeTotals() {
		OrderView order = orders.create(admin, details(DAY, "-2", List.of()));

		OrderReturned returned = only(OrderReturned.class, order.id());
		assertFacts(returned.facts(), order);
		assertThat(returned.facts().net()).isNegative();
		assertThat(returned.facts().units()).isEqualByComparingTo("-2");
		assertThat(returned.facts().credits()).singleElement()
			.satisfies(c -> assertThat(c.staffId()).isEqualTo(StaffId.of(owner)));
		assertThat(events.stream(OrderBooked.class)).isEmpty();
	}

	@Test
	void changingAnOrderAnnouncesItAsItWasAndAsItIs() {
		OrderView before = orders.create(admin, details(DAY, "3", List.of()));
		OrderView after = orders.update(admin, before.id(), before.version(), details(DAY.plusDays(5), "4",
				List.of(new NewCredit(partner, new BigDecimal("100")))));

		OrderChanged changed = only(OrderChanged.class, before.id());
		assertThat(changed.orderNumber()).isEqualTo(before.orderNumber());
		assertFacts(changed.before(), before);
		assertFacts(changed.after(), after);
		assertThat(changed.before().credits()).extracting(OrderFacts.Credit::staffId).containsExactly(StaffId.of(owner));
		assertThat(changed.after().credits()).extracting(OrderFacts.Credit::staffId).containsExactly(StaffId.of(partner));
	}

	@Test
	void savingAnOrderUnchangedAnnouncesNothingAndKeepsItsVersion() {
		OrderView order = orders.create(admin, details(DAY, "3", List.of()));
		long auditLines = jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'ORDER' AND entity_id = :id")
			.param("id", String.valueOf(order.id())).query(Long.class).single();
		OrderView again = orders.update(admin, order.id(), order.version(), details(DAY, "3", List.of()));

		assertThat(again.version()).isEqualTo(order.version());
		assertThat(events.stream(OrderChanged.class)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'ORDER' AND entity_id = :id")
			.param("id", String.valueOf(order.id())).query(Long.class).single()).isEqualTo(auditLines);
	}

	@Test
	void cancellingAnOrderAnnouncesWhatItNoLongerCountsFor() {
		OrderView order = orders.create(admin, details(DAY, "3", List.of()));
		orders.cancel(admin, order.id());

		OrderCancelled cancelled = only(OrderCancelled.class, order.id());
		assertThat(cancelled.orderNumber()).isEqualTo(order.orderNumber());
		assertFacts(cancelled.facts(), order);
	}

	@Test
	void anImportIsAnnouncedOnceWithItsCountsDatesAndPeople() {
		String external = jdbc.sql("SELECT external_id FROM customer_account WHERE id = :id").param("id", customer)
			.query(String.class).single();
		String sku = jdbc.sql("SELECT sku FROM catalog_product WHERE id = :id").param("id", product)
			.query(String.class).single();
		String prefix = "EVT-" + System.nanoTime() % 1_000_000;
		String file = "order,order_date,customer,sku,quantity\n"
				+ prefix + "-1,2026-04-02," + external + "," + sku + ",1\n"
				+ prefix + "-2,2026-04-20," + external + "," + sku + ",2\n";
		ImportSummary first = run(file);
		assertThat(first.created()).as(first.toString()).isEqualTo(2);
		assertThat(events.stream(OrdersImported.class)).singleElement().satisfies(imported -> {
			assertThat(imported.created()).isEqualTo(2);
			assertThat(imported.updated()).isZero();
			assertThat(imported.from()).isEqualTo(LocalDate.of(2026, 4, 2));
			assertThat(imported.to()).isEqualTo(LocalDate.of(2026, 4, 20));
			assertThat(imported.credited()).containsExactly(StaffId.of(owner));
			assertThat(imported.orders()).as("the import names its orders").hasSize(2);
		});
		assertThat(events.stream(OrderBooked.class)).as("no event per order").isEmpty();

		events.clear();
		run(file.replace("2026-04-20", "2026-05-31"));
		assertThat(events.stream(OrdersImported.class)).singleElement().satisfies(imported -> {
			assertThat(imported.created()).isZero();
			assertThat(imported.updated()).isEqualTo(1);
			assertThat(imported.from()).as("the order as it was").isEqualTo(LocalDate.of(2026, 4, 20));
			assertThat(imported.to()).as("the order as it is").isEqualTo(LocalDate.of(2026, 5, 31));
			assertThat(imported.orders()).as("the changed order alone").hasSize(1);
		});
	}

	private ImportSummary run(String file) {
		return imports.run(admin, "orders", "orders.csv", file.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH, false,
				ImportRows.Progress.NONE);
	}

	private OrderDetails details(LocalDate date, String quantity, List<NewCredit> credits) {
		return new OrderDetails(customer, date, null, null,
				List.of(new NewLine(product, new BigDecimal(quantity), new BigDecimal("12.50"), null)), credits);
	}

	private <T> T only(Class<T> type, long orderId) {
		List<T> published = events.stream(type).toList();
		assertThat(published).as(type.getSimpleName()).hasSize(1);
		T event = published.get(0);
		assertThat(event).hasFieldOrPropertyWithValue("orderId", OrderId.of(orderId));
		return event;
	}

	/** The facts say what the order page says: customer, date, totals, and each credit's unit on the order date. */
	private void assertFacts(OrderFacts facts, OrderView order) {
		assertThat(facts.customerId()).isEqualTo(CustomerId.of(order.customerId()));
		assertThat(facts.orderDate()).isEqualTo(order.orderDate());
		assertThat(facts.net()).isEqualByComparingTo(order.netAmount());
		assertThat(facts.units()).isEqualByComparingTo(order.units());
		assertThat(facts.margin()).isEqualByComparingTo(order.marginAmount());
		assertThat(facts.credits()).hasSameSizeAs(order.credits());
		for (OrderView.Credit credit : order.credits()) {
			assertThat(facts.credits()).contains(new OrderFacts.Credit(StaffId.of(credit.staffId()),
					UnitId.of(credit.unitId()), credit.sharePercent()));
		}
		Map<Long, Long> unitsOnDate = org.unitsOn(order.credits().stream().map(OrderView.Credit::staffId).toList(),
				order.orderDate());
		facts.credits()
			.forEach(c -> assertThat(c.unitId().value()).isEqualTo(unitsOnDate.getOrDefault(c.staffId().value(),
					org.staff(c.staffId().value()).orElseThrow().unitId())));
	}
}
