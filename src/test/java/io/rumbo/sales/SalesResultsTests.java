package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.SalesHistory;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booked results by person, unit, product line and month: a split order is shared to the cent, a return reduces the
 * results and counts as no order, a cancelled order counts nowhere, a credit stays with the unit of the order date;
 * on the demo company every grouping adds up to the same totals as the orders themselves.
 */
@RumboIntegrationTest
class SalesResultsTests {

	/** A quarter long before the demo company's history, so the orders written here are alone in it. */
	private static final LocalDate QUARTER = LocalDate.of(2001, 1, 1);

	@Autowired
	SalesResults results;

	@Autowired
	SalesHistory history;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void removeTheOrdersWrittenHere() {
		String mine = "SELECT id FROM sales_order WHERE order_number LIKE 'T-RESULTS-%'";
		jdbc.sql("DELETE FROM sales_order_credit WHERE order_id IN (" + mine + ")").update();
		jdbc.sql("DELETE FROM sales_order_line WHERE order_id IN (" + mine + ")").update();
		jdbc.sql("DELETE FROM sales_order WHERE order_number LIKE 'T-RESULTS-%'").update();
	}

	@Test
	void aSplitOrderAndAReturnAreCreditedToThePeopleToTheCent() {
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
		order("T-RESULTS-1", customer, QUARTER.plusDays(9), "BOOKED",
				List.of(line(first.id(), "2", "100.01", "40.00"), line(second.id(), "1", "50.00", "10.00")),
				Map.of(ana, new long[] { north, 60 }, luis, new long[] { south, 40 }));
		// Ana takes one unit of the first product back in the next month: a return of her own.
		order("T-RESULTS-2", customer, QUARTER.plusMonths(1).plusDays(4), "BOOKED",
				List.of(line(first.id(), "-1", "-50.00", "-20.00")), Map.of(ana, new long[] { north, 100 }));
		// A cancelled order counts nowhere.
		order("T-RESULTS-3", customer, QUARTER.plusDays(14), "CANCELLED",
				List.of(line(first.id(), "10", "1000.00", "400.00")), Map.of(ana, new long[] { north, 100 }));
		FiscalYears years = calendar.years();
		FiscalPeriod quarter = new FiscalPeriod(QUARTER, QUARTER.plusMonths(3));

		Map<StaffId, SalesResults.Results> byPerson = map(results.byPerson(quarter), SalesResults.PersonResult::staffId,
				SalesResults.PersonResult::results);
		assertThat(byPerson).containsOnlyKeys(StaffId.of(ana), StaffId.of(luis));
		// Ana: 60 % of 150.01 net less the 50.00 returned; 60 % of 3 units less 1; 60 % of 50.00 margin less 20.00.
		assertResults(byPerson.get(StaffId.of(ana)), "40.006", "0.8", "10.00", "0.6");
		assertThat(Amounts.money(byPerson.get(StaffId.of(ana)).netRevenue())).isEqualByComparingTo("40.01");
		assertResults(byPerson.get(StaffId.of(luis)), "60.004", "1.2", "20.00", "0.4");
		assertThat(Amounts.money(byPerson.get(StaffId.of(luis)).netRevenue())).isEqualByComparingTo("60.00");

		Map<UnitId, SalesResults.Results> byUnit = map(results.byUnit(quarter), SalesResults.UnitResult::unitId,
				SalesResults.UnitResult::results);
		assertResults(byUnit.get(UnitId.of(north)), "40.006", "0.8", "10.00", "0.6");
		assertResults(byUnit.get(UnitId.of(south)), "60.004", "1.2", "20.00", "0.4");

		Map<ProductLineId, SalesResults.LineResults> byLine = map(results.byLine(quarter), SalesResults.LineResult::lineId,
				SalesResults.LineResult::results);
		assertThat(byLine.get(ProductLineId.of(first.line())).netRevenue()).isEqualByComparingTo("50.01");
		assertThat(byLine.get(ProductLineId.of(first.line())).units()).isEqualByComparingTo("1");
		assertThat(byLine.get(ProductLineId.of(second.line())).netRevenue()).isEqualByComparingTo("50.00");

		Map<FiscalPeriod, SalesResults.Results> byMonth = map(results.byMonth(quarter), SalesResults.MonthResult::month,
				SalesResults.MonthResult::results);
		assertThat(byMonth).containsOnlyKeys(years.month(years.yearOf(QUARTER), years.monthOf(QUARTER)),
				years.month(years.yearOf(QUARTER), years.monthOf(QUARTER.plusMonths(1))));
		assertResults(byMonth.get(years.month(years.yearOf(QUARTER), years.monthOf(QUARTER))), "150.01", "3", "50.00",
				"1");

		assertThat(history.actuals(quarter).stream().map(SalesHistory.Actual::revenue)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).as("planning's actuals are the same results")
			.isEqualByComparingTo("100.01");
	}

	@Test
	void onTheDemoCompanyPeopleAddUpToUnitsLinesMonthsAndTheOrders() {
		FiscalYears years = calendar.years();
		int year = years.yearOf(LocalDate.now(clock));
		FiscalPeriod period = new FiscalPeriod(years.year(year - 1).start(), years.year(year).end());
		SalesResults.Results people = total(results.byPerson(period).stream().map(SalesResults.PersonResult::results));
		SalesResults.Results units = total(results.byUnit(period).stream().map(SalesResults.UnitResult::results));
		SalesResults.Results months = total(results.byMonth(period).stream().map(SalesResults.MonthResult::results));
		SalesResults.LineResults lines = results.byLine(period).stream().map(SalesResults.LineResult::results)
			.reduce(SalesResults.LineResults.NONE, SalesResults.LineResults::plus);
		assertThat(people.netRevenue()).isPositive();
		assertThat(results.byPerson(period).size()).as("more people than units sell").isGreaterThan(1);
		assertThat(units).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(people);
		assertThat(months).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(people);
		assertThat(lines.netRevenue()).isEqualByComparingTo(people.netRevenue());
		assertThat(lines.margin()).isEqualByComparingTo(people.margin());
		assertThat(lines.units()).isEqualByComparingTo(people.units());
		record Orders(BigDecimal net, BigDecimal margin, BigDecimal units, long count) {
		}
		Orders booked = jdbc.sql("""
				SELECT SUM(net_amount), SUM(margin_amount), SUM(units), SUM(CASE WHEN EXISTS (SELECT 1 FROM sales_order_line l WHERE l.order_id = o.id AND l.quantity >= 0) THEN 1 ELSE 0 END)
				FROM sales_order o WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :to""")
			.param("from", period.start())
			.param("to", period.end())
			.query((rs, n) -> new Orders(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)))
			.single();
		assertThat(people.netRevenue()).as("every order's credit shares sum to 100 %").isEqualByComparingTo(booked.net());
		assertThat(people.margin()).isEqualByComparingTo(booked.margin());
		assertThat(people.units()).isEqualByComparingTo(booked.units());
		assertThat(people.orders()).isEqualByComparingTo(BigDecimal.valueOf(booked.count()));

		// Each month and each unit against sums taken straight from the tables, not regrouped from the same rows.
		Map<java.time.YearMonth, BigDecimal> monthly = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date), SUM(net_amount) FROM sales_order
				WHERE status = 'BOOKED' AND order_date >= :from AND order_date < :to
				GROUP BY EXTRACT(YEAR FROM order_date), EXTRACT(MONTH FROM order_date)""")
			.param("from", period.start()).param("to", period.end())
			.query(rs -> {
				monthly.put(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getBigDecimal(3));
			});
		Map<java.time.YearMonth, SalesResults.Results> byMonth = map(results.byMonth(period),
				m -> java.time.YearMonth.from(m.month().start()), SalesResults.MonthResult::results);
		assertThat(byMonth.keySet()).isEqualTo(monthly.keySet());
		monthly.forEach((month, net) -> assertThat(byMonth.get(month).netRevenue()).as(month.toString())
			.isEqualByComparingTo(net));
		Map<Long, BigDecimal> perUnit = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT c.unit_id, SUM(l.net_amount * c.share_percent) / 100 FROM sales_order o
				JOIN sales_order_line l ON l.order_id = o.id JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to GROUP BY c.unit_id""")
			.param("from", period.start()).param("to", period.end())
			.query(rs -> {
				perUnit.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		Map<UnitId, SalesResults.Results> byUnit = map(results.byUnit(period), SalesResults.UnitResult::unitId,
				SalesResults.UnitResult::results);
		assertThat(byUnit).hasSameSizeAs(perUnit);
		perUnit.forEach((unit, net) -> assertThat(byUnit.get(UnitId.of(unit)).netRevenue()).as("unit " + unit)
			.isEqualByComparingTo(net));
	}

	private static SalesResults.Results total(java.util.stream.Stream<SalesResults.Results> results) {
		return results.reduce(SalesResults.Results.NONE, SalesResults.Results::plus);
	}

	private static void assertResults(SalesResults.Results r, String net, String units, String margin, String orders) {
		assertThat(r.netRevenue()).as("net revenue").isEqualByComparingTo(net);
		assertThat(r.units()).as("units").isEqualByComparingTo(units);
		assertThat(r.margin()).as("margin").isEqualByComparingTo(margin);
		assertThat(r.orders()).as("orders").isEqualByComparingTo(orders);
	}

	private static <T, K, V> Map<K, V> map(List<T> rows, Function<T, K> key, Function<T, V> value) {
		Map<K, V> map = new java.util.HashMap<>();
		rows.forEach(r -> assertThat(map.put(key.apply(r), value.apply(r))).as("one row per key").isNull());
		return map;
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
			.param("number", number)
			.param("customer", customer)
			.param("date", date)
			.param("status", status)
			.param("net", net)
			.param("cost", net.subtract(margin))
			.param("margin", margin)
			.param("units", units)
			.update();
		long id = jdbc.sql("SELECT id FROM sales_order WHERE order_number = :n").param("n", number).query(Long.class)
			.single();
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
