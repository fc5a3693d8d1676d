package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.UserManagement;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.sales.domain.ForecastArithmetic;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecast calls over real HTTP with each role (decision 0025): the rep's figures and call, the manager's roll-up and
 * own call that never overwrites the rep's, scope (out of scope 404, role 403), snapshots frozen against later edits,
 * the movement between two snapshots and the accuracy at period end.
 */
@RumboIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class ForecastApiScenarioTests extends ApiTestSupport {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ForecastCalls forecasts;

	@Autowired
	UserManagement users;

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	/** A fiscal month years ahead, where only this class's deals close. */
	private String futureMonth(int yearsAhead, int month) {
		String current = api.get("/api/v1/forecast/periods", "rep").json().get(1).get("code").asString();
		int year = Integer.parseInt(current.substring(2, 6));
		return String.format("FY%d-M%02d", year + yearsAhead, month);
	}

	private long deal(String amount, LocalDate close, String category, String stage) {
		long customer = api.get("/api/v1/customers?size=1&status=ACTIVE", "rep").json().get("content").get(0).get("id")
			.asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("title", "Previsión " + SEQUENCE.incrementAndGet());
		body.put("amount", amount);
		body.put("expectedClose", close.toString());
		body.put("forecastCategory", category);
		Api.Response created = api.post("/api/v1/opportunities", "rep", body);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		if (!"PROSPECTING".equals(stage)) {
			assertThat(api.post("/api/v1/opportunities/" + id + "/stage", "rep", Map.of("stage", stage)).status())
				.isEqualTo(200);
		}
		return id;
	}

	private static Map<String, Object> call(String period, String commit, String mostLikely, String bestCase,
			String note) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("period", period);
		body.put("commit", commit);
		body.put("mostLikely", mostLikely);
		body.put("bestCase", bestCase);
		body.put("note", note);
		return body;
	}

	@Test
	void aRepCallsAndTheManagerAdjustsTheRollUpWithoutOverwritingIt() {
		String period = futureMonth(3, 6);
		JsonNode empty = api.get("/api/v1/forecast/me?period=" + period, "rep").json();
		LocalDate close = LocalDate.parse(empty.get("period").get("start").asString()).plusDays(9);
		deal("3800", close, "COMMIT", "NEGOTIATION");
		deal("2000", close, "MOST_LIKELY", "PROPOSAL");
		deal("22500", close, "BEST_CASE", "QUALIFICATION");
		deal("5000", close, "PIPELINE", "PROSPECTING");

		JsonNode mine = api.get("/api/v1/forecast/me?period=" + period, "rep").json();
		JsonNode f = mine.get("figures");
		JsonNode before = empty.get("figures");
		assertThat(f.get("commit").decimalValue().subtract(before.get("commit").decimalValue())).isEqualByComparingTo("3800");
		assertThat(f.get("mostLikely").decimalValue().subtract(before.get("mostLikely").decimalValue()))
			.as("commit + most likely").isEqualByComparingTo("5800");
		assertThat(f.get("bestCase").decimalValue().subtract(before.get("bestCase").decimalValue()))
			.as("most likely + best case").isEqualByComparingTo("28300");
		assertThat(f.get("pipeline").decimalValue().subtract(before.get("pipeline").decimalValue()))
			.isEqualByComparingTo("5000");
		// 3,800 x 75 % + 2,000 x 50 % + 22,500 x 20 % + 5,000 x 10 %
		assertThat(f.get("weighted").decimalValue().subtract(before.get("weighted").decimalValue()))
			.isEqualByComparingTo("8850");
		assertThat(mine.get("deals").size() - empty.get("deals").size()).isEqualTo(4);

		Api.Response refused = api.post("/api/v1/forecast/me/calls", "rep", call(period, "4000", "3000", "9000", null));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("mostLikely");
		Api.Response submitted = api.post("/api/v1/forecast/me/calls", "rep",
				call(period, "3800", "5500", "20000", "Dos propuestas en el aire"));
		assertThat(submitted.status()).isEqualTo(201);
		long callId = submitted.json().get("id").asLong();
		assertThat(submitted.json().get("level").asString()).isEqualTo("PERSON");
		assertThat(api.get("/api/v1/forecast/me?period=" + period, "rep").json().get("call").get("id").asLong())
			.isEqualTo(callId);

		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		JsonNode team = api.get("/api/v1/forecast/team?period=" + period, "manager").json();
		JsonNode row = member(team, lucia);
		assertThat(row.get("call").get("mostLikely").decimalValue()).isEqualByComparingTo("5500");
		assertThat(team.get("calledMostLikely").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("5500"));
		long unit = team.get("unitId").asLong();
		Map<String, Object> adjusted = new LinkedHashMap<>(call(period, "3000", "4500", "15000", "Recorto: presupuesto"));
		adjusted.put("unitId", unit);
		Api.Response teamCall = api.post("/api/v1/forecast/team/calls", "manager", adjusted);
		assertThat(teamCall.status()).isEqualTo(201);
		assertThat(teamCall.json().get("level").asString()).isEqualTo("TEAM");
		JsonNode after = api.get("/api/v1/forecast/team?period=" + period + "&unitId=" + unit, "manager").json();
		assertThat(after.get("teamCall").get("mostLikely").decimalValue()).isEqualByComparingTo("4500");
		assertThat(after.get("teamCall").get("note").asString()).isEqualTo("Recorto: presupuesto");
		assertThat(member(after, lucia).get("call").get("mostLikely").decimalValue()).as("the rep's call stays")
			.isEqualByComparingTo("5500");
		JsonNode director = api.get("/api/v1/forecast/team?period=" + period, "director").json();
		assertThat(director.get("subTeamCalls").valueStream().map(c -> c.get("id").asLong()))
			.contains(teamCall.json().get("id").asLong());

		// scope: the call is the rep's, their manager's and the director's; a rep may not roll up (403)
		assertThat(api.get("/api/v1/forecast/calls/" + callId, "rep").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/forecast/calls/" + callId, "manager").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/forecast/calls/" + callId, "director").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/forecast/calls/" + teamCall.json().get("id").asLong(), "rep").status())
			.as("the manager's call is not the rep's").isEqualTo(404);
		assertThat(api.get("/api/v1/forecast/team?period=" + period, "rep").status()).isEqualTo(403);
		assertThat(api.post("/api/v1/forecast/team/calls", "rep", adjusted).status()).isEqualTo(403);
		long top = director.get("unitId").asLong();
		Map<String, Object> above = new LinkedHashMap<>(adjusted);
		above.put("unitId", top);
		assertThat(api.post("/api/v1/forecast/team/calls", "manager", above).status()).as("a unit the manager does not lead")
			.isEqualTo(404);
		List<Long> managers = ids(api.get("/api/v1/forecast/calls?size=500", "manager").json());
		long elsewhere = ids(api.get("/api/v1/forecast/calls?size=500", "director").json()).stream()
			.filter(id -> !managers.contains(id))
			.findFirst()
			.orElseThrow();
		assertThat(api.get("/api/v1/forecast/calls/" + elsewhere, "manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/forecast/calls/" + elsewhere, "rep").status()).isEqualTo(404);
	}

	@Test
	void aSnapshotStaysAsItWasAndTheMovementShowsWhatChanged() {
		String period = futureMonth(4, 2);
		JsonNode empty = api.get("/api/v1/forecast/me?period=" + period, "rep").json();
		LocalDate close = LocalDate.parse(empty.get("period").get("start").asString()).plusDays(5);
		long edited = deal("10000", close, "COMMIT", "NEGOTIATION");
		long pushed = deal("4000", close, "MOST_LIKELY", "PROPOSAL");
		long won = deal("2500", close, "COMMIT", "NEGOTIATION");
		long call = api.post("/api/v1/forecast/me/calls", "rep", call(period, "12500", "16500", "16500", null)).json()
			.get("id").asLong();

		// Weeks of 2001 are this class's own: the demo's snapshots are of the last two weeks.
		ForecastCalls.Snapshot first = forecasts.takeWeeklySnapshot(LocalDate.of(2001, 3, 4)).orElseThrow();
		assertThat(forecasts.takeWeeklySnapshot(LocalDate.of(2001, 3, 3))).as("the same week again does nothing")
			.isEmpty();
		JsonNode opportunity = api.get("/api/v1/opportunities/" + edited, "rep").json();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("version", opportunity.get("version").asLong());
		change.put("customerId", opportunity.get("customerId").asLong());
		change.put("title", opportunity.get("title").asString());
		change.put("amount", "12000");
		change.put("expectedClose", close.toString());
		change.put("forecastCategory", "COMMIT");
		assertThat(api.put("/api/v1/opportunities/" + edited, "rep", change).status()).isEqualTo(200);
		JsonNode p = api.get("/api/v1/opportunities/" + pushed, "rep").json();
		change.put("version", p.get("version").asLong());
		change.put("title", p.get("title").asString());
		change.put("amount", "4000");
		change.put("expectedClose", close.plusMonths(2).toString());
		change.put("forecastCategory", "MOST_LIKELY");
		assertThat(api.put("/api/v1/opportunities/" + pushed, "rep", change).status()).isEqualTo(200);
		api.post("/api/v1/opportunities/" + won + "/stage", "rep", Map.of("stage", "WON"));
		long added = deal("700", close, "BEST_CASE", "QUALIFICATION");
		api.post("/api/v1/forecast/me/calls", "rep", call(period, "14500", "18500", "19200", "later"));

		io.rumbo.identity.CurrentUser rep = users.actAs("rep").orElseThrow();
		Map<Long, ForecastCalls.Deal> frozen = new java.util.HashMap<>();
		forecasts.snapshotDeals(rep, first.id()).forEach(d -> frozen.put(d.opportunityId(), d));
		assertThat(frozen.get(edited).amount()).as("the edit after the snapshot").isEqualByComparingTo("10000");
		assertThat(frozen.get(pushed).expectedClose()).isEqualTo(close);
		assertThat(frozen.get(won).outcome()).isEqualTo("OPEN");
		assertThat(frozen).doesNotContainKey(added);
		assertThat(forecasts.snapshotCalls(rep, first.id())).as("the call that counted then")
			.anySatisfy(c -> {
				assertThat(c.id()).isEqualTo(call);
				assertThat(c.commit()).isEqualByComparingTo("12500");
			})
			.noneSatisfy(c -> assertThat(c.note()).isEqualTo("later"));

		ForecastCalls.Snapshot second = forecasts.takeWeeklySnapshot(LocalDate.of(2001, 3, 11)).orElseThrow();
		JsonNode movement = api.get("/api/v1/forecast/movement?from=" + first.id() + "&to=" + second.id(), "rep").json();
		Map<Long, String> kinds = new java.util.HashMap<>();
		movement.get("deals").valueStream().forEach(d -> kinds.put(d.get("opportunityId").asLong(),
				d.get("movement").asString()));
		assertThat(kinds).containsEntry(edited, "AMOUNT_CHANGED")
			.containsEntry(pushed, "PUSHED_OUT")
			.containsEntry(won, "WON")
			.containsEntry(added, "NEW");
		assertThat(movement.get("counts").get("NEW").asLong()).isGreaterThanOrEqualTo(1);
		JsonNode managers = api.get("/api/v1/forecast/movement?from=" + first.id() + "&to=" + second.id(), "manager")
			.json();
		assertThat(managers.get("deals").valueStream().map(d -> d.get("opportunityId").asLong())).contains(edited);
		assertThat(movement.get("deals").valueStream().map(d -> d.get("ownerStaffId").asLong()).distinct())
			.as("the rep sees only their own deals")
			.containsExactly(api.get("/api/v1/staff/me", "rep").json().get("id").asLong());
	}

	@Test
	void accuracyKeepsTheLastCallBeforeThePeriodEndedAgainstWhatWasWon() {
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		long unit = api.get("/api/v1/staff/me", "rep").json().get("unitId").asLong();
		// a month long gone, which no demo call covers: the call submitted in it is test data written as it was then
		ForecastCalls.Period month = forecasts.period(futureMonth(-6, 4));
		for (String[] c : List.of(new String[] { "4000", "6000", "9000", "2" }, new String[] { "5000", "8000", "9000", "20" })) {
			jdbc.sql("""
					INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
					  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
					  submitted_by, submitted_at)
					VALUES ('PERSON', :staff, :unit, :period, :start, :end, :commit, :ml, :bc, 0, 0, 0, 'rep', :at)""")
				.param("staff", lucia)
				.param("unit", unit)
				.param("period", month.code())
				.param("start", month.start())
				.param("end", month.end())
				.param("commit", new BigDecimal(c[0]))
				.param("ml", new BigDecimal(c[1]))
				.param("bc", new BigDecimal(c[2]))
				.param("at", Timestamp.valueOf(month.start().plusDays(Integer.parseInt(c[3])).atTime(10, 0)))
				.update();
		}
		jdbc.sql("""
				INSERT INTO sales_forecast_call (level, staff_id, unit_id, period_code, period_start, period_end,
				  commit_amount, most_likely_amount, best_case_amount, closed_amount, pipeline_amount, weighted_amount,
				  submitted_by, submitted_at)
				VALUES ('PERSON', :staff, :unit, :period, :start, :end, 1, 1, 1, 0, 0, 0, 'rep', :at)""")
			.param("staff", lucia)
			.param("unit", unit)
			.param("period", month.code())
			.param("start", month.start())
			.param("end", month.end())
			.param("at", Timestamp.valueOf(month.end().plusDays(3).atTime(10, 0)))
			.update();
		BigDecimal won = jdbc.sql("""
				SELECT COALESCE(SUM(o.amount), 0) FROM sales_opportunity o JOIN sales_stage s ON s.code = o.stage_code
				WHERE s.outcome = 'WON' AND o.owner_staff_id = :staff AND o.expected_close >= :start
				  AND o.expected_close < :end""")
			.param("staff", lucia)
			.param("start", month.start())
			.param("end", month.end())
			.query(BigDecimal.class)
			.single();

		assertThat(forecasts.recordAccuracy(LocalDate.now())).isGreaterThanOrEqualTo(1);
		assertThat(forecasts.recordAccuracy(LocalDate.now())).as("once per person and period").isZero();
		JsonNode history = api.get("/api/v1/forecast/accuracy?staffId=" + lucia, "rep").json();
		JsonNode row = history.get("content").valueStream()
			.filter(a -> a.get("periodCode").asString().equals(month.code()))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("calledMostLikely").decimalValue()).as("the last call before the end, not the later one")
			.isEqualByComparingTo("8000");
		assertThat(row.get("actual").decimalValue()).isEqualByComparingTo(won);
		assertThat(row.get("accuracyPercent").decimalValue())
			.isEqualByComparingTo(ForecastArithmetic.accuracy(new BigDecimal("8000"), won));
		assertThat(api.get("/api/v1/forecast/accuracy?staffId=" + lucia, "manager").json().get("content").size())
			.isEqualTo(history.get("content").size());
		assertThat(api.get("/api/v1/forecast/accuracy?staffId=" + lucia, "viewer").json().get("content"))
			.as("a viewer sees everything read-only").isNotEmpty();
	}

	@Test
	void theCallsDueNameWhoHasNotCalled() {
		String period = futureMonth(5, 3);
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		assertThat(due(period)).contains(lucia);
		assertThat(api.post("/api/v1/forecast/me/calls", "rep", call(period, "0", "0", "0", null)).status())
			.isEqualTo(201);
		assertThat(due(period)).doesNotContain(lucia).isNotEmpty();
		assertThat(api.get("/api/v1/forecast/due", "rep").status()).isEqualTo(403);
	}

	@Test
	void aSubmittedCallIsAnnounced() {
		String period = futureMonth(6, 7);
		io.rumbo.identity.CurrentUser rep = users.actAs("rep").orElseThrow();
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		ForecastCalls.Call call = forecasts.submit(rep, period, new ForecastCalls.CallFigures(new BigDecimal("100"),
				new BigDecimal("250"), new BigDecimal("400"), "  Announced  "));
		assertThat(events.stream(io.rumbo.sales.ForecastCallSubmitted.class).filter(e -> e.callId() == call.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.team()).isFalse();
				assertThat(e.staff().value()).isEqualTo(lucia);
				assertThat(e.unit().value()).isEqualTo(call.unitId());
				assertThat(e.periodCode()).isEqualTo(period);
				assertThat(e.periodStart()).isEqualTo(call.periodStart());
				assertThat(e.commit()).isEqualByComparingTo("100");
				assertThat(e.mostLikely()).isEqualByComparingTo("250");
				assertThat(e.bestCase()).isEqualByComparingTo("400");
				assertThat(e.note()).isEqualTo("Announced");
				assertThat(e.submittedBy()).isEqualTo("rep");
			});
	}

	@Test
	void planVersusActualUsesTheMonthsCallInsteadOfTheCallersDeals() {
		JsonNode next = api.get("/api/v1/forecast/periods", "rep").json().get(2);
		String period = next.get("code").asString();
		int year = Integer.parseInt(period.substring(2, 6));
		java.util.Optional<JsonNode> plan = api.get("/api/v1/plans", "director").json().get("content").valueStream()
			.filter(p -> p.get("fiscalYear").asInt() == year)
			.findFirst();
		org.junit.jupiter.api.Assumptions.assumeTrue(plan.isPresent(), "the demo plans the current year only");
		String url = "/api/v1/plans/" + plan.get().get("id").asLong() + "/performance?period=" + period;
		JsonNode mine = api.get("/api/v1/forecast/me?period=" + period, "rep").json();
		BigDecimal closed = mine.get("figures").get("closed").decimalValue();
		// Her month's call stands for her deals of the month (and for any quarter call's share of it, decision 0033):
		// whatever she counted for before, a second call 1,000 higher moves the plan's forecast by exactly 1,000.
		BigDecimal called = closed.add(new BigDecimal("77777"));
		assertThat(api.post("/api/v1/forecast/me/calls", "rep", call(period, "0", called.toPlainString(),
				called.toPlainString(), null)).status()).isEqualTo(201);
		JsonNode first = api.get(url, "director").json();
		assertThat(first.get("forecastCalls").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(first.get("total").get("forecastSources").valueStream().map(JsonNode::asString))
			.as("the page says where the forecast comes from").contains("MONTH_CALL");
		BigDecimal higher = called.add(new BigDecimal("1000"));
		assertThat(api.post("/api/v1/forecast/me/calls", "rep", call(period, "0", higher.toPlainString(),
				higher.toPlainString(), null)).status()).isEqualTo(201);
		JsonNode second = api.get(url, "director").json();
		assertThat(second.get("total").get("pipeline").decimalValue()
			.subtract(first.get("total").get("pipeline").decimalValue()))
			.as("the latest call stands for her deals").isEqualByComparingTo("1000");
		assertThat(second.get("forecastCalls").asInt()).isEqualTo(first.get("forecastCalls").asInt());
	}

	@Test
	void eachMemberOfTheRollUpHasThePersonsOwnFigures() {
		String period = futureMonth(5, 2);
		LocalDate close = forecasts.period(period).start().plusDays(4);
		deal("1200", close, "COMMIT", "NEGOTIATION");
		deal("700", close, "BEST_CASE", "QUALIFICATION");
		assertThat(api.post("/api/v1/forecast/me/calls", "rep", call(period, "1200", "1500", "1900", null)).status())
			.isEqualTo(201);
		long lucia = api.get("/api/v1/staff/me", "rep").json().get("id").asLong();
		io.rumbo.identity.CurrentUser director = users.actAs("director").orElseThrow();
		io.rumbo.identity.CurrentUser manager = users.actAs("manager").orElseThrow();
		// the whole company this month (the demo's people and deals), and this class's own future month
		for (String code : java.util.Arrays.asList(null, period)) {
			ForecastCalls.TeamForecast team = forecasts.team(director, null, code);
			assertThat(team.members()).isNotEmpty();
			sameAsEachPerson(director, team, code);
		}
		ForecastCalls.TeamForecast team = forecasts.team(manager, null, period);
		ForecastCalls.TeamMember row = team.members().stream().filter(m -> m.staffId() == lucia).findFirst().orElseThrow();
		assertThat(row.figures().commit()).isGreaterThanOrEqualTo(new BigDecimal("1200"));
		assertThat(row.call()).isNotNull();
		sameAsEachPerson(manager, team, period);
	}

	/** Each member's figures and latest call are those of the person's own forecast; the totals are their sums. */
	private void sameAsEachPerson(io.rumbo.identity.CurrentUser actor, ForecastCalls.TeamForecast team,
			String period) {
		ForecastCalls.Figures sum = ForecastCalls.Figures.NONE;
		BigDecimal called = BigDecimal.ZERO;
		for (ForecastCalls.TeamMember m : team.members()) {
			ForecastCalls.PersonForecast person = forecasts.person(actor, m.staffId(), period);
			assertThat(m.figures()).as("figures of %s", m.name()).isEqualTo(person.figures());
			assertThat(m.name()).isEqualTo(person.staffName());
			assertThat(m.call() == null ? null : m.call().id()).as("call of %s", m.name())
				.isEqualTo(person.call() == null ? null : person.call().id());
			sum = sum.plus(m.figures());
			called = called.add(m.call() == null ? BigDecimal.ZERO : m.call().mostLikely());
		}
		assertThat(team.figures().mostLikely()).isEqualByComparingTo(sum.mostLikely());
		assertThat(team.figures().weighted()).isEqualByComparingTo(sum.weighted());
		assertThat(team.figures().open()).isEqualTo(sum.open());
		assertThat(team.calledMostLikely()).isEqualByComparingTo(called);
	}

	private List<Long> due(String period) {
		return api.get("/api/v1/forecast/due?period=" + period, "manager").json().valueStream()
			.map(d -> d.get("staffId").asLong())
			.toList();
	}

	private static JsonNode member(JsonNode team, long staffId) {
		return team.get("members").valueStream()
			.filter(m -> m.get("staffId").asLong() == staffId)
			.findFirst()
			.orElseThrow();
	}

	private static List<Long> ids(JsonNode page) {
		return page.get("content").valueStream().map(c -> c.get("id").asLong()).toList();
	}
}
