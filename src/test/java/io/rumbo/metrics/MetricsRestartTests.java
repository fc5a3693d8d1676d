package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.customers.CustomerId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderId;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order booked just before the application stopped: the sales transaction committed with its event publication,
 * the metrics listener never ran. At the next start the registry re-submits incomplete publications (what
 * {@code republish-outstanding-events-on-restart} does); the facts then count the order, once, even when the
 * publication is submitted again.
 */
@RumboIntegrationTest
class MetricsRestartTests {

	private static final String NUMBER = "T-METRICS-RESTART";

	private static final LocalDate DAY = LocalDate.of(2002, 5, 14);

	/** The id Spring gives a listener method: its class, name and parameter type. */
	private static final String LISTENER = "io.rumbo.metrics.domain.FactListener.on(io.rumbo.sales.OrderBooked)";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	MetricsQuery query;

	@Autowired
	MetricsRebuild rebuild;

	@AfterEach
	void removeTheOrder() {
		String mine = "SELECT id FROM sales_order WHERE order_number = '" + NUMBER + "'";
		jdbc.sql("DELETE FROM sales_order_credit WHERE order_id IN (" + mine + ")").update();
		jdbc.sql("DELETE FROM sales_order_line WHERE order_id IN (" + mine + ")").update();
		jdbc.sql("DELETE FROM sales_order WHERE order_number = '" + NUMBER + "'").update();
		rebuild.rebuildAll("test");
	}

	@Test
	void anEventLeftIncompleteIsRunAtStartAndCountsOnce() {
		long staff = jdbc.sql("SELECT MIN(id) FROM org_staff").query(Long.class).single();
		long unit = jdbc.sql("SELECT unit_id FROM org_staff WHERE id = :id").param("id", staff).query(Long.class).single();
		long customer = jdbc.sql("SELECT MIN(id) FROM customer_account").query(Long.class).single();
		long product = jdbc.sql("SELECT MIN(id) FROM catalog_product").query(Long.class).single();
		FiscalPeriod month = new FiscalPeriod(DAY.withDayOfMonth(1), DAY.withDayOfMonth(1).plusMonths(1));
		BigDecimal before = query.byPerson(Metric.REVENUE, month, List.of(StaffId.of(staff))).get(StaffId.of(staff));

		OrderFacts facts = new OrderFacts(CustomerId.of(customer), DAY,
				List.of(new OrderFacts.Credit(StaffId.of(staff), UnitId.of(unit), new BigDecimal("100"))),
				new BigDecimal("1234.50"), new BigDecimal("3"), new BigDecimal("400.00"));
		OrderBooked event = tx.execute(s -> {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount, cost_amount,"
					+ " margin_amount, units, version) VALUES (:n, :c, :d, 'BOOKED', 1234.50, 834.50, 400.00, 3, 0)")
				.param("n", NUMBER).param("c", customer).param("d", DAY).update(keys, "id");
			long id = keys.getKey().longValue();
			jdbc.sql("INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price,"
					+ " discount_percent, unit_cost, net_amount, cost_amount, margin_amount)"
					+ " VALUES (:o, 1, :p, 3, 411.50, 0, 278.1667, 1234.50, 834.50, 400.00)")
				.param("o", id).param("p", product).update();
			jdbc.sql("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)"
					+ " VALUES (:o, :s, :u, 100)").param("o", id).param("s", staff).param("u", unit).update();
			OrderBooked booked = new OrderBooked(OrderId.of(id), NUMBER, facts);
			// The publication the registry writes with the change; the application stops before the listener runs.
			publications.create(TargetEventPublication.of(booked, PublicationTargetIdentifier.of(LISTENER)));
			return booked;
		});
		assertThat(query.byPerson(Metric.REVENUE, month, List.of(StaffId.of(staff))).get(StaffId.of(staff)))
			.as("not counted before the listener runs").isEqualByComparingTo(before);

		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(event));
		awaitListeners();
		BigDecimal after = query.byPerson(Metric.REVENUE, month, List.of(StaffId.of(staff))).get(StaffId.of(staff));
		assertThat(after).as("counted once the publication is re-run").isEqualByComparingTo(before.add(facts.net()));

		tx.executeWithoutResult(s -> publications
			.create(TargetEventPublication.of(event, PublicationTargetIdentifier.of(LISTENER))));
		incomplete.resubmitIncompletePublications(p -> p.getEvent().equals(event));
		awaitListeners();
		assertThat(query.byPerson(Metric.REVENUE, month, List.of(StaffId.of(staff))).get(StaffId.of(staff)))
			.as("a second delivery counts nothing twice").isEqualByComparingTo(after);
	}

	private void awaitListeners() {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id = :l")
				.param("l", LISTENER).query(Long.class).single() == 0) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The publication was not completed in 60 s");
	}
}
