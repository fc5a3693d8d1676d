package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.metrics.MetricsRebuild;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan versus actual by unit starts at the reader's own unit: no company or region row over a rep's own figures; and
 * its actual, read from the metrics facts, is what the reader's units booked according to the order tables.
 */
@RumboIntegrationTest
class PlanPerformanceScopeScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	MetricsRebuild rebuild;

	Api api;
	long planId;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		planId = api.get("/api/v1/plans", "director").json().get("content").valueStream()
			.filter(p -> p.get("fiscalYear").asInt() == LocalDate.now().getYear())
			.findFirst().orElseThrow().get("id").asLong();
	}

	@Test
	void aRepsRowsAreTheirOwnTeam() {
		String team = jdbc.sql("""
				SELECT u.name FROM org_unit u JOIN org_staff s ON s.unit_id = u.id WHERE s.last_name = 'García Martín'""")
			.query(String.class).single();
		JsonNode answer = api.get("/api/v1/plans/" + planId + "/performance?by=unit", "rep").json();
		assertThat(labels(answer)).containsExactly(team);
		JsonNode first = answer.get("rows").get(0);
		assertThat(first.get("depth").asInt()).isZero();
		assertThat(first.get("target").decimalValue()).isEqualByComparingTo(answer.get("total").get("target").decimalValue());
	}

	@Test
	void aManagersRowsStartAtTheirRegion() {
		String root = jdbc.sql("SELECT name FROM org_unit WHERE parent_id IS NULL").query(String.class).list().get(0);
		JsonNode answer = api.get("/api/v1/plans/" + planId + "/performance?by=unit", "manager").json();
		List<String> labels = labels(answer);
		assertThat(labels.get(0)).isEqualTo("Región Centro");
		assertThat(labels).doesNotContain(root).contains("Equipo Madrid Norte", "Equipo Madrid Sur");
		assertThat(answer.get("rows").get(0).get("depth").asInt()).isZero();
	}

	@Test
	void theActualIsWhatTheReadersUnitsBookedInTheYearsMonthsUpToThisOne() {
		// Other tests' orders reach the facts through listeners that may still be running: start from a rebuild.
		rebuild.rebuildAll("test");
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		FiscalPeriod months = new FiscalPeriod(years.year(years.yearOf(today)).start(),
				years.month(years.yearOf(today), years.monthOf(today)).end());
		long repUnit = api.get("/api/v1/staff/me", "rep").json().get("unitId").asLong();
		BigDecimal company = booked(months, null);
		BigDecimal team = booked(months, repUnit);
		assertThat(team).isPositive().isLessThan(company);
		assertThat(actual(api.get("/api/v1/plans/" + planId + "/performance?by=unit", "director").json()))
			.isEqualByComparingTo(Amounts.money(company));
		assertThat(actual(api.get("/api/v1/plans/" + planId + "/performance?by=line", "rep").json()))
			.as("the rep's team, credited while in it").isEqualByComparingTo(Amounts.money(team));
	}

	/** Booked net revenue of the credits of a unit (or of every unit), shares applied, straight from the orders. */
	private BigDecimal booked(FiscalPeriod period, Long unit) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(l.net_amount * c.share_percent), 0) FROM sales_order o
				JOIN sales_order_line l ON l.order_id = o.id JOIN sales_order_credit c ON c.order_id = o.id
				WHERE o.status = 'BOOKED' AND o.order_date >= :from AND o.order_date < :to""" + (unit == null ? ""
				: " AND c.unit_id = " + unit))
			.param("from", period.start())
			.param("to", period.end())
			.query(BigDecimal.class)
			.single()
			.movePointLeft(2);
	}

	private static BigDecimal actual(JsonNode performance) {
		return performance.get("total").get("actual").decimalValue();
	}

	private static List<String> labels(JsonNode performance) {
		List<String> labels = new ArrayList<>();
		performance.get("rows").forEach(r -> labels.add(r.get("label").asString()));
		return labels;
	}
}
