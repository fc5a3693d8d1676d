package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.PlanActuals;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning's booked results read from the metrics facts ({@link PlanActuals}) are the figures the sales tables give
 * straight away: per unit of the order date, product line and month, credit shares applied exactly, returns
 * deducted, cancelled orders nowhere; new customers as the metrics engine counts them. Checked on hand-made orders
 * to the cent, on random orders (split credits, credits in another unit than the person's today, returns, mixed
 * orders, cancellations) and on the demo company. The facts are rebuilt before each comparison: that the events keep
 * them equal to a rebuild is the metrics module's own test, and other tests' listeners may still be running.
 */
@RumboIntegrationTest
class PlanActualFactsTests {

	/** A quarter long before the demo company's history, so the orders written here are alone in it. */
	private static final LocalDate QUARTER = LocalDate.of(2001, 1, 1);

	/** The half year of the random orders, also before any other test's records. */
	private static final FiscalPeriod HALF = new FiscalPeriod(LocalDate.of(2004, 1, 1), LocalDate.of(2004, 7, 1));

	private static final String MARK = "T-PLAN-ACTUALS-";

	@Autowired
	PlanActuals actuals;

	@Autowired
	MetricsRebuild rebuild;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void removeTheRecordsWrittenHereAndTheirFacts() {
		String mine = "SELECT id FROM sales_order WHERE order_number LIKE '" + MARK + "%'";
		jdbc.sql("DELETE FROM sales_order_credit WHERE order_id IN (" + mine + ")").update();
		jdbc.sql("DELETE FROM sales_order_line WHERE order_id IN (" + mine + ")").update();
		if (jdbc.sql("DELETE FROM sales_order WHERE order_number LIKE '" + MARK + "%'").update() > 0) {
			rebuild.rebuildAll("test");
		}
	}

	@Test
	void aSplitOrderAndAReturnCountForTheUnitsOfTheOrderDateToTheCent() {
		List<Long> staff = jdbc.sql("SELECT id FROM org_staff ORDER BY id LIMIT 2").query(Long.class).list();
		List<Long> units = jdbc.sql("SELECT id FROM org_unit ORDER BY id LIMIT 2").query(Long.class).list();
		record Product(long id, long line) {
		}
		List<Product> products = jdbc.sql("""
				SELECT MIN(p.id), p.line_id FROM catalog_product p GROUP BY p.line_id ORDER BY p.line_id LIMIT 2""")
			.query((rs, n) -> new Product(rs.getLong(1), rs.getLong(2)))
			.list();
		long customer = jdbc.sql("SELECT MIN(id) FROM customer_account").query(Long.class).single();
		long ana = staff.get(0);
		long luis = staff.get(1);
		long north = units.get(0);
		long south = units.get(1);
		Product first = products.get(0);
		Product second = products.get(1);
		// Ana (60 %, in the north unit on the day) and Luis (40 %, south) share an order of two lines.
		order("1", customer, QUARTER.plusDays(9), "BOOKED",
				List.of(line(first.id(), "2", "100.01", "40.00"), line(second.id(), "1", "50.00", "10.00")),
				Map.of(ana, new long[] { north, 60 }, luis, new long[] { south, 40 }));
		// Ana takes one unit of the first product back in the next month: a return of her own.
		order("2", customer, QUARTER.plusMonths(1).plusDays(4), "BOOKED",
				List.of(line(first.id(), "-1", "-50.00", "-20.00")), Map.of(ana, new long[] { north, 100 }));
		// A cancelled order counts nowhere.
		order("3", customer, QUARTER.plusDays(14), "CANCELLED", List.of(line(first.id(), "10", "1000.00", "400.00")),
				Map.of(ana, new long[] { north, 100 }));
		// Written without events, as an import by hand would: the rebuild reads them.
		rebuild.rebuildAll("test");
		FiscalYears years = calendar.years();
		FiscalPeriod january = years.month(years.yearOf(QUARTER), years.monthOf(QUARTER));
		FiscalPeriod february = years.month(years.yearOf(QUARTER), years.monthOf(QUARTER.plusMonths(1)));
		FiscalPeriod quarter = new FiscalPeriod(QUARTER, QUARTER.plusMonths(3));

		Map<String, PlanActuals.Actual> cells = new TreeMap<>();
		actuals.actuals(quarter, null).forEach(a -> assertThat(cells.put(key(a), a)).as("one row per cell").isNull());
		assertThat(cells).containsOnlyKeys(key(january, north, first.line()), key(january, north, second.line()),
				key(january, south, first.line()), key(january, south, second.line()),
				key(february, north, first.line()));
		// North: 60 % of 100.01 (60.006), 2 units (1.2) and 40.00 margin (24) of the first line; the return less.
		assertActual(cells.get(key(january, north, first.line())), "60.006", "1.2", "24");
		assertActual(cells.get(key(january, north, second.line())), "30", "0.6", "6");
		assertActual(cells.get(key(january, south, first.line())), "40.004", "0.8", "16");
		assertActual(cells.get(key(january, south, second.line())), "20", "0.4", "4");
		assertActual(cells.get(key(february, north, first.line())), "-50", "-1", "-20");
		BigDecimal northRevenue = cells.values().stream().filter(a -> a.unitId().value() == north)
			.map(PlanActuals.Actual::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(northRevenue).isEqualByComparingTo("40.006");
		assertThat(Amounts.money(northRevenue)).as("rounded only when shown").isEqualByComparingTo("40.01");

		assertThat(actuals.actuals(quarter, List.of(UnitId.of(south)))).as("a reader's units alone")
			.hasSize(2)
			.allSatisfy(a -> assertThat(a.unitId().value()).isEqualTo(south));
		assertThat(actuals.actuals(quarter, List.of())).isEmpty();
		// The customer bought for the first time in January, from both units; the return is no purchase.
		assertThat(actuals.newCustomers(quarter)).containsExactlyInAnyOrder(
				new PlanActuals.NewCustomers(january, UnitId.of(north), 1),
				new PlanActuals.NewCustomers(january, UnitId.of(south), 1));
	}

	@Test
	void onRandomOrdersTheActualsAreTheSalesTablesFigures() {
		Random random = new Random(20261129L);
		record Person(long staff, long unit) {
		}
		List<Person> people = jdbc.sql("SELECT id, unit_id FROM org_staff ORDER BY id LIMIT 6")
			.query((rs, n) -> new Person(rs.getLong(1), rs.getLong(2)))
			.list();
		List<Long> customers = jdbc.sql("SELECT id FROM customer_account ORDER BY id LIMIT 8").query(Long.class).list();
		List<Long> products = jdbc.sql("SELECT MIN(id) FROM catalog_product GROUP BY line_id ORDER BY MIN(id) LIMIT 4")
			.query(Long.class)
			.list();
		for (int i = 0; i < 120; i++) {
			// One person, or two sharing 60/40 or 50/50; sometimes credited in another unit than the person's today.
			Person first = people.get(random.nextInt(people.size()));
			long firstUnit = random.nextInt(5) == 0 ? people.get(random.nextInt(people.size())).unit() : first.unit();
			Map<Long, long[]> credits = new HashMap<>();
			if (random.nextBoolean()) {
				credits.put(first.staff(), new long[] { firstUnit, 100 });
			}
			else {
				Person second = people.stream().filter(p -> p.staff() != first.staff()).toList().get(random.nextInt(5));
				int share = random.nextBoolean() ? 60 : 50;
				credits.put(first.staff(), new long[] { firstUnit, share });
				credits.put(second.staff(), new long[] { second.unit(), 100 - share });
			}
			// A return (every line negative), an order with one line taken back (still an order), or a plain order.
			int kind = random.nextInt(8);
			List<Line> lines = new java.util.ArrayList<>();
			for (int n = 0, count = 1 + random.nextInt(3); n < count; n++) {
				int sign = kind == 0 || (kind == 1 && n == 0) ? -1 : 1;
				int quantity = sign * (1 + random.nextInt(5));
				BigDecimal net = BigDecimal.valueOf(quantity).multiply(BigDecimal.valueOf(1000 + random.nextInt(90000), 2));
				BigDecimal margin = net.multiply(new BigDecimal("0.37")).setScale(4, java.math.RoundingMode.HALF_UP);
				lines.add(line(products.get(random.nextInt(products.size())), String.valueOf(quantity),
						net.toPlainString(), margin.toPlainString()));
			}
			LocalDate date = HALF.start().plusMonths(random.nextInt(6)).plusDays(random.nextInt(28));
			order("R" + i, customers.get(random.nextInt(customers.size())), date,
					random.nextInt(7) == 0 ? "CANCELLED" : "BOOKED", lines, credits);
		}
		rebuild.rebuildAll("test");
		assertSameAsTheSalesTables(HALF);
		assertThat(actuals.newCustomers(HALF)).as("the accounts' first purchases are in this half").isNotEmpty();
	}

	@Test
	void onTheDemoCompanyTheActualsAreTheSalesTablesFigures() {
		// The demo's records were loaded without events: the facts were built from them at start, once.
		assertThat(rebuild.last()).isPresent();
		assertThat(rebuild.rebuildIfNeverBuilt("test")).as("built already").isEmpty();
		rebuild.rebuildAll("test");
		FiscalYears years = calendar.years();
		int year = years.yearOf(LocalDate.now(clock));
		assertSameAsTheSalesTables(new FiscalPeriod(years.year(year - 2).start(), years.year(year).end()));
	}

	/**
	 * Every cell of the facts' answer against the same sums taken straight from the order tables (the grouped
	 * statement planning read before the facts), for every unit and for one unit alone, and new customers against
	 * the metrics definition recomputed from the orders.
	 */
	private void assertSameAsTheSalesTables(FiscalPeriod period) {
		Map<String, BigDecimal[]> expected = new TreeMap<>();
		jdbc.sql("""
				SELECT c.unit_id, p.line_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				       SUM(l.net_amount * c.share_percent), SUM(l.quantity * c.share_percent),
				       SUM(l.margin_amount * c.share_percent)
				FROM sales_order o
				JOIN sales_order_line l ON l.order_id = o.id
				JOIN sales_order_credit c ON c.order_id = o.id
				JOIN catalog_product p ON p.id = l.product_id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to
				GROUP BY c.unit_id, p.line_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date)""")
			.param("from", period.start())
			.param("to", period.end())
			.query(rs -> {
				BigDecimal[] sums = { rs.getBigDecimal(5).movePointLeft(2), rs.getBigDecimal(6).movePointLeft(2),
						rs.getBigDecimal(7).movePointLeft(2) };
				// A cell whose sales were all returned within it holds nothing: the facts keep no zero rows.
				if (sums[0].signum() != 0 || sums[1].signum() != 0 || sums[2].signum() != 0) {
					expected.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + LocalDate.of(rs.getInt(3), rs.getInt(4), 1),
							sums);
				}
			});
		assertThat(expected).as("orders in " + period).isNotEmpty();
		Map<String, PlanActuals.Actual> facts = new TreeMap<>();
		actuals.actuals(period, null).forEach(a -> assertThat(facts.put(key(a), a)).as("one row per cell").isNull());
		assertThat(facts.keySet()).isEqualTo(expected.keySet());
		expected.forEach((key, sums) -> {
			PlanActuals.Actual a = facts.get(key);
			assertThat(a.revenue()).as("revenue " + key).isEqualByComparingTo(sums[0]);
			assertThat(a.units()).as("units " + key).isEqualByComparingTo(sums[1]);
			assertThat(a.margin()).as("margin " + key).isEqualByComparingTo(sums[2]);
		});
		UnitId one = facts.values().iterator().next().unitId();
		assertThat(actuals.actuals(period, List.of(one))).as("one unit's rows, read alone")
			.containsExactlyInAnyOrderElementsOf(facts.values().stream().filter(a -> a.unitId().equals(one)).toList());

		Map<String, Long> newCustomers = new HashMap<>();
		jdbc.sql("""
				SELECT c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date),
				       COUNT(DISTINCT o.customer_id)
				FROM sales_order o
				JOIN sales_order_credit c ON c.order_id = o.id
				JOIN (SELECT k.customer_id, MIN(k.order_date) AS first_date FROM sales_order k
				      WHERE k.status = 'BOOKED' AND EXISTS (SELECT 1 FROM sales_order_line q WHERE q.order_id = k.id
				                                            AND q.quantity >= 0)
				      GROUP BY k.customer_id) f ON f.customer_id = o.customer_id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to
				  AND EXISTS (SELECT 1 FROM sales_order_line q WHERE q.order_id = o.id AND q.quantity >= 0)
				  AND EXTRACT(YEAR FROM o.order_date) = EXTRACT(YEAR FROM f.first_date)
				  AND EXTRACT(MONTH FROM o.order_date) = EXTRACT(MONTH FROM f.first_date)
				GROUP BY c.unit_id, EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date)""")
			.param("from", period.start())
			.param("to", period.end())
			.query(rs -> {
				newCustomers.put(rs.getLong(1) + "/" + LocalDate.of(rs.getInt(2), rs.getInt(3), 1), rs.getLong(4));
			});
		Map<String, Long> fromFacts = new HashMap<>();
		actuals.newCustomers(period).forEach(n -> fromFacts.put(n.unitId().value() + "/" + n.month().start(), n.count()));
		assertThat(fromFacts).isEqualTo(newCustomers);
	}

	private static String key(PlanActuals.Actual a) {
		return key(a.month(), a.unitId().value(), a.lineId().value());
	}

	private static String key(FiscalPeriod month, long unit, long line) {
		return unit + "/" + line + "/" + month.start();
	}

	private static void assertActual(PlanActuals.Actual a, String revenue, String units, String margin) {
		assertThat(a.revenue()).as("revenue").isEqualByComparingTo(revenue);
		assertThat(a.units()).as("units").isEqualByComparingTo(units);
		assertThat(a.margin()).as("margin").isEqualByComparingTo(margin);
	}

	private record Line(long product, String quantity, String net, String margin) {
	}

	private static Line line(long product, String quantity, String net, String margin) {
		return new Line(product, quantity, net, margin);
	}

	/** Writes an order as the order entry stores it: totals are the sums of the lines; credits by staff: unit, %. */
	private void order(String number, long customer, LocalDate date, String status, List<Line> lines,
			Map<Long, long[]> credits) {
		BigDecimal net = lines.stream().map(l -> new BigDecimal(l.net())).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal margin = lines.stream().map(l -> new BigDecimal(l.margin())).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal units = lines.stream().map(l -> new BigDecimal(l.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
		jdbc.sql("""
				INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount, cost_amount,
				  margin_amount, units, version)
				VALUES (:number, :customer, :date, :status, :net, :cost, :margin, :units, 0)""")
			.param("number", MARK + number)
			.param("customer", customer)
			.param("date", date)
			.param("status", status)
			.param("net", net)
			.param("cost", net.subtract(margin))
			.param("margin", margin)
			.param("units", units)
			.update();
		long id = jdbc.sql("SELECT id FROM sales_order WHERE order_number = :n").param("n", MARK + number)
			.query(Long.class).single();
		int no = 1;
		for (Line l : lines) {
			BigDecimal quantity = new BigDecimal(l.quantity());
			BigDecimal lineNet = new BigDecimal(l.net());
			jdbc.sql("""
					INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
					  unit_cost, net_amount, cost_amount, margin_amount)
					VALUES (:order, :no, :product, :quantity, :price, 0, NULL, :net, :cost, :margin)""")
				.param("order", id)
				.param("no", no++)
				.param("product", l.product())
				.param("quantity", quantity)
				.param("price", lineNet.divide(quantity, 4, java.math.RoundingMode.HALF_UP).abs())
				.param("net", lineNet)
				.param("cost", lineNet.subtract(new BigDecimal(l.margin())))
				.param("margin", new BigDecimal(l.margin()))
				.update();
		}
		credits.forEach((staff, unitAndShare) -> jdbc.sql("""
				INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)
				VALUES (:order, :staff, :unit, :share)""")
			.param("order", id)
			.param("staff", staff)
			.param("unit", unitAndShare[0])
			.param("share", BigDecimal.valueOf(unitAndShare[1]))
			.update());
	}
}
