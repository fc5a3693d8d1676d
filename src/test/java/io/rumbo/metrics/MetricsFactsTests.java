package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The facts kept from events equal the facts rebuilt from the records, events delivered again change nothing, and
 * every measure read from the facts equals the same measure recomputed straight from the records' tables, by person
 * and by unit, on random records (split credits, returns, cancellations, corrections, activities, opportunities,
 * tasks, cases, ratings).
 */
@RumboIntegrationTest
class MetricsFactsTests {

	private static final FiscalPeriod QUARTER = new FiscalPeriod(LocalDate.of(MetricsTestData.YEAR, 4, 1),
			LocalDate.of(MetricsTestData.YEAR, 7, 1));

	private static final FiscalPeriod HALF = new FiscalPeriod(LocalDate.of(MetricsTestData.YEAR, 1, 1),
			LocalDate.of(MetricsTestData.YEAR, 7, 1));

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
	OrgDirectory org;

	MetricsTestData data;

	@AfterEach
	void removeTheRecordsAndTheirFacts() {
		if (data != null) {
			data.remove();
			rebuild.rebuildAll("test");
		}
	}

	@Test
	void eventsKeepTheFactsEqualToARebuildAndEveryMeasureEqualsADirectRecomputation() {
		rebuild.rebuildAll("test");
		data = new MetricsTestData(jdbc, tx, events, 20260101L);
		data.generate(60);
		awaitListeners();
		List<String> incremental = facts();
		assertThat(incremental).as("the events wrote facts").isNotEmpty();

		data.redeliverAll();
		awaitListeners();
		assertThat(facts()).as("events delivered again count nothing twice").isEqualTo(incremental);

		MetricsRebuild.Report report = rebuild.rebuildAll("test");
		assertThat(report.orderRows()).isPositive();
		assertThat(facts()).as("the rebuild finds what the events kept").isEqualTo(incremental);

		DirectMeasures direct = new DirectMeasures(jdbc);
		List<StaffId> people = data.people.stream().map(p -> StaffId.of(p.staff())).toList();
		for (FiscalPeriod period : List.of(QUARTER, HALF)) {
			FiscalPeriod before = new FiscalPeriod(period.start().minusMonths(
					java.time.temporal.ChronoUnit.MONTHS.between(period.start(), period.end())), period.start());
			for (Metric metric : Metric.values()) {
				if (metric == Metric.PIPELINE_COVERAGE) {
					continue;
				}
				Map<StaffId, BigDecimal> figures = query.byPerson(metric, period, people);
				Map<StaffId, Map<LocalDate, BigDecimal>> monthly = query.byPersonAndMonth(metric, period, people);
				for (StaffId person : people) {
					String who = "%1$s = " + person.value();
					BigDecimal expected = direct.all(who, who, period, before).get(metric);
					same(figures.get(person), expected, metric + " of " + person + " in " + period);
					if (metric.aggregation() == Aggregation.SUM) {
						BigDecimal months = monthly.get(person).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
						// Each month is rounded to the cent on its own: the months add up to the period within half a cent each.
						assertThat(months).as(metric + " by month adds up")
							.isCloseTo(figures.get(person), within(new BigDecimal("0.03")));
					}
				}
			}
		}
		Set<Long> units = new java.util.TreeSet<>();
		data.people.forEach(p -> units.add(p.unit()));
		for (long unit : units) {
			for (Metric metric : List.of(Metric.REVENUE, Metric.UNITS, Metric.ORDERS, Metric.MARGIN_PCT,
					Metric.ACTIVE_CUSTOMERS, Metric.VISITS, Metric.WIN_RATE, Metric.CSAT, Metric.CASES_RESOLVED,
					Metric.TASKS_ON_TIME, Metric.NEW_CUSTOMERS)) {
				Set<UnitId> subtree = org.subtreesOn(List.of(UnitId.of(unit)), QUARTER.start()).get(UnitId.of(unit));
				String inUnits = "%2$s IN " + DirectMeasures.in(subtree.stream().map(UnitId::value).toList());
				BigDecimal expected = direct.all(inUnits, inUnits, QUARTER, HALF).get(metric);
				same(query.byUnit(metric, QUARTER, List.of(UnitId.of(unit))).get(UnitId.of(unit)), expected,
						metric + " of unit " + unit);
			}
		}
	}

	/** Equal figures, or both undefined (a ratio with nothing to divide by). */
	private static void same(BigDecimal actual, BigDecimal expected, String what) {
		if (expected == null) {
			assertThat(actual).as(what + " is undefined").isNull();
		}
		else {
			assertThat(actual).as(what).isEqualByComparingTo(expected);
		}
	}

	/** Every fact row as text, in order: the whole state to compare. */
	private List<String> facts() {
		List<String> rows = new ArrayList<>();
		jdbc.sql("SELECT staff_id, unit_id, month_start, line_id, measure, amount FROM metrics_fact"
				+ " ORDER BY staff_id, unit_id, month_start, line_id, measure")
			.query(rs -> {
				rows.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class) + "/" + rs.getLong(4)
						+ "/" + rs.getString(5) + "=" + rs.getBigDecimal(6).stripTrailingZeros().toPlainString());
			});
		jdbc.sql("SELECT staff_id, unit_id, month_start, customer_id FROM metrics_customer_month"
				+ " ORDER BY staff_id, unit_id, month_start, customer_id")
			.query(rs -> {
				rows.add("C" + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class) + "/"
						+ rs.getLong(4));
			});
		jdbc.sql("SELECT customer_id, month_start FROM metrics_customer_first ORDER BY customer_id").query(rs -> {
			rows.add("F" + rs.getLong(1) + "/" + rs.getObject(2, LocalDate.class));
		});
		jdbc.sql("SELECT opportunity_id, staff_id, unit_id, month_start, amount FROM metrics_open_pipeline"
				+ " ORDER BY opportunity_id")
			.query(rs -> {
				rows.add("P" + rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/"
						+ rs.getObject(4, LocalDate.class) + "=" + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
			});
		return rows;
	}

	/** The metrics listeners run after commit on other threads; their publications are deleted once complete. */
	private void awaitListeners() {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			long open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND listener_id LIKE 'io.rumbo.metrics.%'").query(Long.class).single();
			if (open == 0) {
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
		throw new AssertionError("The metrics listeners did not finish in 60 s");
	}
}
