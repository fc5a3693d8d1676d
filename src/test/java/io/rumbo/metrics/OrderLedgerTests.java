package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderChanged;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderId;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderManagement.NewCredit;
import io.rumbo.sales.OrderManagement.NewLine;
import io.rumbo.sales.OrderView;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders reach the facts through the order ledger (what each order contributes, applied as a difference): through the
 * real order facade and its events, an order delivered again counts once, a change to another person, month,
 * customer and line moves all its figures (amounts, order count, customer months, first purchase), a cancellation
 * takes it away everywhere; each time the facts and the ledger equal a rebuild. The random records of
 * {@link MetricsModuleTests} prove the same for every kind of edit at once.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class OrderLedgerTests extends MetricsModuleDatabase {

	/** Months no other test writes orders in. */
	private static final LocalDate MARCH = LocalDate.of(2004, 3, 10);

	private static final LocalDate JULY = LocalDate.of(2004, 7, 22);

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	MetricsQuery query;

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

	MetricsCompany company;

	long ana;

	long bea;

	long eva;

	@BeforeEach
	void company() {
		company = MetricsCompany.create(units, staff, customers, catalog);
		ana = company.people().get(0).staff();
		bea = company.people().get(1).staff();
		eva = company.people().get(3).staff();
		MetricsState.awaitListeners(jdbc);
	}

	@Test
	void anOrderEventDeliveredTwiceCountsOnce() {
		OrderView order = orders.create(MetricsModuleTests.ADMIN, details(0, MARCH, 0, "5",
				List.of(new NewCredit(ana, new BigDecimal("60")), new NewCredit(bea, new BigDecimal("40")))));
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.REVENUE, MARCH, ana)).isEqualByComparingTo("60");
		assertThat(figure(Metric.REVENUE, MARCH, bea)).isEqualByComparingTo("40");
		List<String> once = MetricsState.facts(jdbc);

		OrderBooked booked = new OrderBooked(OrderId.of(order.id()), order.orderNumber(), facts(order));
		deliverTwice(booked);
		assertThat(MetricsState.facts(jdbc)).as("the same order delivered twice more counts once").isEqualTo(once);

		OrderView changed = orders.update(MetricsModuleTests.ADMIN, order.id(), order.version(),
				details(0, MARCH, 0, "7", List.of(new NewCredit(ana, new BigDecimal("100")))));
		MetricsState.awaitListeners(jdbc);
		List<String> afterChange = MetricsState.facts(jdbc);
		OrderChanged again = new OrderChanged(OrderId.of(order.id()), order.orderNumber(), facts(order), facts(changed));
		deliverTwice(again);
		assertThat(MetricsState.facts(jdbc)).as("a change delivered again changes nothing").isEqualTo(afterChange);
		assertThat(figure(Metric.REVENUE, MARCH, ana)).isEqualByComparingTo("140");
		assertThat(figure(Metric.REVENUE, MARCH, bea)).isEqualByComparingTo("0");
		assertThat(figure(Metric.ORDERS, MARCH, ana)).isEqualByComparingTo("1");
		assertFactsEqualARebuild();
	}

	@Test
	void aChangeToAnotherPersonMonthCustomerAndLineMovesEveryFigure() {
		OrderView order = orders.create(MetricsModuleTests.ADMIN, details(1, MARCH, 0, "4",
				List.of(new NewCredit(ana, new BigDecimal("100")))));
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.REVENUE, MARCH, ana)).isEqualByComparingTo("80");
		assertThat(figure(Metric.ORDERS, MARCH, ana)).isEqualByComparingTo("1");
		assertThat(figure(Metric.ACTIVE_CUSTOMERS, MARCH, ana)).isEqualByComparingTo("1");
		assertThat(figure(Metric.NEW_CUSTOMERS, MARCH, ana)).isEqualByComparingTo("1");

		orders.update(MetricsModuleTests.ADMIN, order.id(), order.version(), details(2, JULY, 1, "3",
				List.of(new NewCredit(eva, new BigDecimal("100")))));
		MetricsState.awaitListeners(jdbc);
		for (Metric metric : List.of(Metric.REVENUE, Metric.ORDERS, Metric.ACTIVE_CUSTOMERS, Metric.NEW_CUSTOMERS)) {
			assertThat(figure(metric, MARCH, ana)).as(metric + " leaves the old person and month")
				.isEqualByComparingTo("0");
		}
		assertThat(figure(Metric.REVENUE, JULY, eva)).isEqualByComparingTo("60");
		assertThat(figure(Metric.ORDERS, JULY, eva)).isEqualByComparingTo("1");
		assertThat(figure(Metric.ACTIVE_CUSTOMERS, JULY, eva)).isEqualByComparingTo("1");
		assertThat(figure(Metric.NEW_CUSTOMERS, JULY, eva)).as("the new customer's first purchase")
			.isEqualByComparingTo("1");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM metrics_customer_first WHERE customer_id = :c")
			.param("c", company.accounts().get(1)).query(Long.class).single()).as("the old customer never bought")
			.isZero();
		assertThat(jdbc.sql("SELECT DISTINCT line_id FROM metrics_order_contribution WHERE order_id = :o AND line_id <> 0")
			.param("o", order.id()).query(Long.class).list()).as("the order's amounts moved to its new product's line")
			.containsExactly(company.lines().get(1));
		assertFactsEqualARebuild();
	}

	@Test
	void aCancelledOrderCountsNowhere() {
		orders.create(MetricsModuleTests.ADMIN, details(3, MARCH, 2, "2", List.of(new NewCredit(ana, BigDecimal.TEN),
				new NewCredit(eva, new BigDecimal("90")))));
		OrderView order = orders.create(MetricsModuleTests.ADMIN, details(3, MARCH, 0, "5",
				List.of(new NewCredit(ana, new BigDecimal("100")))));
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.REVENUE, MARCH, ana)).isEqualByComparingTo("104");
		assertThat(figure(Metric.ORDERS, MARCH, ana)).isEqualByComparingTo("2");

		orders.cancel(MetricsModuleTests.ADMIN, order.id());
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.REVENUE, MARCH, ana)).as("the other order's share stays").isEqualByComparingTo("4");
		assertThat(figure(Metric.ORDERS, MARCH, ana)).isEqualByComparingTo("1");
		assertThat(figure(Metric.ACTIVE_CUSTOMERS, MARCH, ana)).as("the customer still bought the other order")
			.isEqualByComparingTo("1");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM metrics_order_contribution WHERE order_id = :o")
			.param("o", order.id()).query(Long.class).single()).as("a cancelled order contributes nothing").isZero();
		assertThat(jdbc.sql("SELECT orders FROM metrics_customer_month WHERE staff_id = :s AND customer_id = :c")
			.param("s", ana).param("c", company.accounts().get(3)).query(Long.class).single())
			.as("one order left behind the customer month").isEqualTo(1);
		assertFactsEqualARebuild();
	}

	/**
	 * The first purchase follows the customer's orders both ways: a late order dated before the first one makes the
	 * customer new in its month (and no longer in the old one), and cancelling it moves the first purchase back.
	 */
	@Test
	void aLateEarlierOrderAndACancelledFirstOrderMoveTheFirstPurchase() {
		orders.create(MetricsModuleTests.ADMIN, details(4, JULY, 0, "1", List.of(new NewCredit(ana, HUNDRED))));
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.NEW_CUSTOMERS, JULY, ana)).isEqualByComparingTo("1");
		assertThat(firstMonth(4)).isEqualTo(JULY.withDayOfMonth(1));

		OrderView late = orders.create(MetricsModuleTests.ADMIN, details(4, MARCH, 1, "1",
				List.of(new NewCredit(bea, HUNDRED))));
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.NEW_CUSTOMERS, MARCH, bea)).as("new in the late order's month").isEqualByComparingTo("1");
		assertThat(figure(Metric.NEW_CUSTOMERS, JULY, ana)).as("no longer new in July").isEqualByComparingTo("0");
		assertThat(figure(Metric.ACTIVE_CUSTOMERS, JULY, ana)).as("still active in July").isEqualByComparingTo("1");
		assertThat(firstMonth(4)).isEqualTo(MARCH.withDayOfMonth(1));
		assertFactsEqualARebuild();

		orders.cancel(MetricsModuleTests.ADMIN, late.id());
		MetricsState.awaitListeners(jdbc);
		assertThat(figure(Metric.NEW_CUSTOMERS, MARCH, bea)).as("the cancelled first order counts nowhere")
			.isEqualByComparingTo("0");
		assertThat(figure(Metric.NEW_CUSTOMERS, JULY, ana)).as("new again in July").isEqualByComparingTo("1");
		assertThat(firstMonth(4)).isEqualTo(JULY.withDayOfMonth(1));
		assertFactsEqualARebuild();
	}

	private LocalDate firstMonth(int account) {
		return jdbc.sql("SELECT month_start FROM metrics_customer_first WHERE customer_id = :c")
			.param("c", company.accounts().get(account)).query(LocalDate.class).single();
	}

	/**
	 * The event published again, twice, one after the other (as the registry re-runs a publication left incomplete;
	 * one event's publications in flight at once would be one publication to the registry).
	 */
	private void deliverTwice(Object event) {
		for (int i = 0; i < 2; i++) {
			tx.executeWithoutResult(s -> events.publishEvent(event));
			MetricsState.awaitListeners(jdbc);
		}
	}

	/** An order of {@code quantity} of one product (20 each) to one account on a day. */
	private OrderManagement.OrderDetails details(int account, LocalDate day, int product, String quantity,
			List<NewCredit> credits) {
		return new OrderManagement.OrderDetails(company.accounts().get(account), day, null, null,
				List.of(new NewLine(company.products().get(product), new BigDecimal(quantity), new BigDecimal("20"), null)),
				credits);
	}

	/** The event's view of an order (the listener reads the order itself; only the customer matters to it). */
	private static OrderFacts facts(OrderView order) {
		return new OrderFacts(CustomerId.of(order.customerId()), order.orderDate(), order.credits().stream()
			.map(c -> new OrderFacts.Credit(StaffId.of(c.staffId()), UnitId.of(c.unitId()), c.sharePercent()))
			.toList(), order.netAmount(), order.units(), order.marginAmount());
	}

	/** A person's figure in the month of a day; nothing counted is zero. */
	private BigDecimal figure(Metric metric, LocalDate day, long person) {
		LocalDate start = day.withDayOfMonth(1);
		BigDecimal figure = query.byPerson(metric, new FiscalPeriod(start, start.plusMonths(1)),
				List.of(StaffId.of(person))).get(StaffId.of(person));
		return figure == null ? BigDecimal.ZERO : figure;
	}

	private void assertFactsEqualARebuild() {
		List<String> incremental = MetricsState.facts(jdbc);
		rebuild.rebuildAll("test");
		assertThat(MetricsState.facts(jdbc)).as("the facts and the ledger kept by the events equal a rebuild")
			.isEqualTo(incremental);
	}
}
