package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.SalesHistory;
import io.rumbo.planning.SalesHistory.ForecastSource;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan versus actual's forecast from the most authoritative figure of each person and month (decision 0033): a
 * manager's own call for their unit, else the person's month call, else their quarter's call spread over its months,
 * else their weighted deals; each part says its source. A team of its own in a quarter years ahead.
 */
@RumboIntegrationTest
class PlanForecastSourcesScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ForecastCalls forecasts;

	@Autowired
	SalesHistory history;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void eachPersonAndMonthCountsWithTheMostAuthoritativeFigure() {
		Api.Response unitCreated = api.post("/api/v1/org-units", "admin", unitBody(unique("PF"), unitId(api, "S-MAD")));
		assertThat(unitCreated.status()).as(unitCreated.body()).isEqualTo(201);
		long unit = unitCreated.json().get("id").asLong();
		long ana = person(unit);
		long beto = person(unit);

		String current = forecasts.periods().get(1).code();
		int year = Integer.parseInt(current.substring(2, 6)) + 7;
		ForecastCalls.Period quarter = forecasts.period("FY" + year + "-Q3");
		ForecastCalls.Period first = forecasts.period("FY" + year + "-M07");
		ForecastCalls.Period second = forecasts.period("FY" + year + "-M08");
		ForecastCalls.Period third = forecasts.period("FY" + year + "-M09");

		// Deals: Ana 1,000 in the first month and 2,000 in the third, Beto 5,000 in the second, all at 10 %.
		deal(ana, "1000", first.start().plusDays(3));
		deal(ana, "2000", third.start().plusDays(3));
		deal(beto, "5000", second.start().plusDays(3));
		// Ana calls the first month (800); Beto calls the quarter (3,000, a third a month, as all three are ahead);
		// their manager calls the third month for the team (9,000).
		call("PERSON", ana, unit, first, "800");
		call("PERSON", beto, unit, quarter, "3000");
		call("TEAM", ana, unit, third, "9000");

		SalesHistory.Forecast forecast = history.forecast(quarter.start(), quarter.end(), List.of(unit));
		assertThat(forecast.calls()).isEqualTo(3);
		Map<LocalDate, Map<ForecastSource, BigDecimal>> byMonth = new HashMap<>();
		for (SalesHistory.ForecastPart part : forecast.parts()) {
			byMonth.computeIfAbsent(part.figure().month(), m -> new java.util.EnumMap<>(ForecastSource.class))
				.merge(part.source(), part.figure().weighted(), BigDecimal::add);
		}
		// First month: Ana's call stands for her deal, Beto's quarter share for him.
		assertThat(byMonth.get(first.start()).keySet()).isEqualTo(EnumSet.of(ForecastSource.MONTH_CALL,
				ForecastSource.QUARTER_CALL));
		assertThat(byMonth.get(first.start()).get(ForecastSource.MONTH_CALL)).isEqualByComparingTo("800");
		assertThat(byMonth.get(first.start()).get(ForecastSource.QUARTER_CALL)).isEqualByComparingTo("1000");
		// Second month: Beto's quarter share stands for his 5,000 deal (not 500 weighted); Ana has nothing.
		assertThat(byMonth.get(second.start())).containsOnlyKeys(ForecastSource.QUARTER_CALL);
		assertThat(byMonth.get(second.start()).get(ForecastSource.QUARTER_CALL)).isEqualByComparingTo("1000");
		// Third month: the manager's call stands for the whole team (Ana's deal and Beto's share are out).
		assertThat(byMonth.get(third.start())).containsOnlyKeys(ForecastSource.TEAM_CALL);
		assertThat(byMonth.get(third.start()).get(ForecastSource.TEAM_CALL)).isEqualByComparingTo("9000");

		// With the calls, no deal counts beside a call that stands for it.
		Set<ForecastSource> sources = EnumSet.noneOf(ForecastSource.class);
		BigDecimal weighted = BigDecimal.ZERO;
		for (SalesHistory.ForecastPart part : history.forecast(quarter.start(), quarter.end(), List.of(unit)).parts()) {
			if (part.source() == ForecastSource.PIPELINE) {
				weighted = weighted.add(part.figure().weighted());
			}
			sources.add(part.source());
		}
		assertThat(weighted).as("no deal counts beside a call that stands for it").isEqualByComparingTo("0");
		// Without calls the same team counts its deals weighted: 100 + 200 + 500.
		jdbc.sql("DELETE FROM sales_forecast_call WHERE unit_id = :unit").param("unit", unit).update();
		BigDecimal plain = history.forecast(quarter.start(), quarter.end(), List.of(unit)).parts().stream()
			.peek(p -> assertThat(p.source()).isEqualTo(ForecastSource.PIPELINE))
			.map(p -> p.figure().weighted())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(plain).isEqualByComparingTo("800");
	}

	private long person(long unit) {
		Api.Response created = api.post("/api/v1/staff", "admin", staffBody(unique("PF"), unit));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void deal(long owner, String amount, LocalDate close) {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "admin").json().get("content").get(0)
			.get("id").asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Fuente " + unique("D"));
		body.put("amount", amount);
		body.put("expectedClose", close.toString());
		body.put("ownerStaffId", owner);
		Api.Response created = api.post("/api/v1/opportunities", "admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/opportunities/" + created.json().get("id").asLong(), "admin").json()
			.get("stageCode").asString()).isEqualTo("PROSPECTING");
	}

	private void call(String level, long staff, long unit, ForecastCalls.Period period, String mostLikely) {
		jdbc.sql("""
				INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
				  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
				  submitted_by, submitted_at)
				VALUES (:level, :staff, :unit, :period, :start, :end, 0, :ml, :ml, 0, 0, 0, 'admin', :at)""")
			.param("level", level)
			.param("staff", staff)
			.param("unit", unit)
			.param("period", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.param("ml", new BigDecimal(mostLikely))
			.param("at", Timestamp.from(java.time.Instant.now()))
			.update();
	}
}
