package io.rumbo.sales.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.DataScopes;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.shared.DemoMode;

/**
 * The demo's forecast (decision 0025): the open deals rated by their stage (negotiation commit, proposal most likely,
 * qualification best case), calls of every salesperson with deals for last month, this month and this quarter, the
 * call of Javier Moreno (user "manager") for his region, the accuracy of last month, and two past weekly snapshots. The
 * earlier snapshot is the later one as the week before looked: a few deals closed later, others were still open, had
 * another amount or were not in the pipeline yet, so the movement view has something to show.
 */
@Component
@Order(96)
class DemoForecast implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoForecast.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final DataScopes scopes;
	private final ForecastCalls forecasts;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoForecast(DemoMode demo, UserManagement users, DataScopes scopes, ForecastCalls forecasts, JdbcClient jdbc,
			Clock clock) {
		this.demo = demo;
		this.users = users;
		this.scopes = scopes;
		this.forecasts = forecasts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null
				|| jdbc.sql("SELECT COUNT(*) FROM sales_forecast_snapshot").query(Long.class).single() > 0) {
			return;
		}
		jdbc.sql("""
				UPDATE sales_opportunity SET forecast_category = CASE stage_code WHEN 'NEGOTIATION' THEN 'COMMIT'
				  WHEN 'PROPOSAL' THEN 'MOST_LIKELY' WHEN 'QUALIFICATION' THEN 'BEST_CASE' ELSE forecast_category END
				WHERE stage_code IN ('NEGOTIATION', 'PROPOSAL', 'QUALIFICATION') AND forecast_category = 'PIPELINE'""")
			.update();
		LocalDate today = LocalDate.now(clock);
		List<ForecastCalls.Period> periods = forecasts.periods();
		ForecastCalls.Period lastMonth = periods.get(0);
		int calls = 0;
		for (ForecastCalls.Period period : List.of(lastMonth, periods.get(1), periods.get(4))) {
			List<Long> people = jdbc.sql("""
					SELECT DISTINCT o.owner_staff_id FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
					WHERE s.outcome IN ('OPEN', 'WON') AND o.expected_close >= :start AND o.expected_close < :end
					ORDER BY o.owner_staff_id""")
				.param("start", period.start())
				.param("end", period.end())
				.query(Long.class)
				.list();
			// Called on the period's third day (or three days ago for a period that started later than that).
			LocalDate on = period.start().plusDays(2).isAfter(today) ? today : period.start().plusDays(2);
			for (Long staff : people) {
				ForecastCalls.PersonForecast f = forecasts.person(admin, staff, period.code());
				// A salesperson rounds their deals' figures to the hundred; every third one calls 10 % over.
				BigDecimal lift = staff % 3 == 0 ? new BigDecimal("1.10") : BigDecimal.ONE;
				insert("PERSON", staff, f.unitId(), period, round(f.figures().commit()),
						round(f.figures().mostLikely().multiply(lift)).max(round(f.figures().commit())),
						round(f.figures().bestCase().multiply(lift)).max(round(f.figures().mostLikely().multiply(lift))),
						staff % 3 == 0 ? "Cuento con cerrar las dos propuestas abiertas" : null, on);
				calls++;
			}
		}
		CurrentUser manager = users.actAs("manager").orElse(null);
		if (manager != null) {
			ForecastCalls.TeamForecast team = forecasts.team(manager, null, periods.get(1).code());
			long staff = scopes.staffIdOf(manager).orElseThrow();
			insert("TEAM", staff, team.unitId(), team.period(), team.calledCommit(),
					team.calledMostLikely().multiply(new BigDecimal("0.95")).max(team.calledCommit()),
					team.calledBestCase().multiply(new BigDecimal("0.95")).max(team.calledMostLikely()),
					"Recorto un 5 % el más probable: dos propuestas dependen del presupuesto del cliente",
					today.isAfter(team.period().start().plusDays(3)) ? team.period().start().plusDays(3) : today);
			calls++;
		}
		int accuracy = forecasts.recordAccuracy(today);
		LocalDate later = today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
		LocalDate earlier = later.minusWeeks(1);
		long earlierId = forecasts.takeWeeklySnapshot(earlier).orElseThrow().id();
		forecasts.takeWeeklySnapshot(later);
		jdbc.sql("UPDATE sales_forecast_snapshot SET taken_at = :at WHERE week_start = :week")
			.param("at", Timestamp.from(earlier.plusDays(1).atTime(0, 5).atZone(clock.getZone()).toInstant()))
			.param("week", earlier.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
			.update();
		jdbc.sql("UPDATE sales_forecast_snapshot SET taken_at = :at WHERE week_start = :week")
			.param("at", Timestamp.from(later.plusDays(1).atTime(0, 5).atZone(clock.getZone()).toInstant()))
			.param("week", later.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
			.update();
		// The week before: some deals closed later or at another amount, some were not in yet, the latest closed ones
		// were still open in negotiation.
		jdbc.sql("""
				UPDATE sales_forecast_snapshot_line SET expected_close = expected_close - 21
				WHERE snapshot_id = :snapshot AND outcome = 'OPEN' AND MOD(opportunity_id, 7) = 0""")
			.param("snapshot", earlierId)
			.update();
		jdbc.sql("""
				UPDATE sales_forecast_snapshot_line SET expected_close = expected_close + 14
				WHERE snapshot_id = :snapshot AND outcome = 'OPEN' AND MOD(opportunity_id, 7) = 3""")
			.param("snapshot", earlierId)
			.update();
		jdbc.sql("""
				UPDATE sales_forecast_snapshot_line SET amount = amount + 1500
				WHERE snapshot_id = :snapshot AND outcome = 'OPEN' AND MOD(opportunity_id, 11) = 5""")
			.param("snapshot", earlierId)
			.update();
		jdbc.sql("""
				DELETE FROM sales_forecast_snapshot_line
				WHERE snapshot_id = :snapshot AND outcome = 'OPEN' AND MOD(opportunity_id, 13) = 1""")
			.param("snapshot", earlierId)
			.update();
		jdbc.sql("""
				UPDATE sales_forecast_snapshot_line SET outcome = 'OPEN', stage_code = 'NEGOTIATION', probability = 75,
				  forecast_category = 'COMMIT'
				WHERE snapshot_id = :snapshot AND outcome <> 'OPEN' AND expected_close >= :since""")
			.param("snapshot", earlierId)
			.param("since", earlier.minusDays(21))
			.update();
		log.info("Loaded the demo forecast: {} calls, {} accuracy records, 2 weekly snapshots", calls, accuracy);
	}

	private static BigDecimal round(BigDecimal amount) {
		return amount.divide(new BigDecimal("100"), 0, RoundingMode.HALF_UP).multiply(new BigDecimal("100"));
	}

	private void insert(String level, long staff, long unit, ForecastCalls.Period period, BigDecimal commit,
			BigDecimal mostLikely, BigDecimal bestCase, String note, LocalDate on) {
		jdbc.sql("""
				INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
				  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
				  note, submitted_by, submitted_at)
				VALUES (:level, :staff, :unit, :period, :start, :end, :commit, :mostLikely, :bestCase, 0, 0, 0, :note,
				  'demo', :at)""")
			.param("level", level)
			.param("staff", staff)
			.param("unit", unit)
			.param("period", period.code())
			.param("start", period.start())
			.param("end", period.end())
			.param("commit", commit)
			.param("mostLikely", mostLikely)
			.param("bestCase", bestCase)
			.param("note", note)
			.param("at", Timestamp.from(on.atTime(9, 0).atZone(clock.getZone()).toInstant()))
			.update();
	}
}
