package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attainment over real HTTP with real tokens per role, on a published quota version of a fiscal year of its own
 * (three years ahead, so no demo quota plan meets it): every active person of the demo company holds a revenue quota,
 * every unit one too. A salesperson reads only their own attainment, a manager only their subtree's, a director
 * everyone's; anything else is "not found".
 */
@RumboIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttainmentApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	Api api;
	AttainmentFixture quotas;
	int year;
	Map<Long, BigDecimal> monthly;
	Map<Long, Long> unitOf;
	Map<Long, Long> parentOf;

	@BeforeAll
	void publishQuotas() {
		api = new Api(port);
		quotas = new AttainmentFixture(jdbc, calendar.currentYear() + 3);
		year = quotas.year;
		monthly = quotas.monthly;
		unitOf = quotas.unitOf;
		parentOf = quotas.parentOf;
	}

	@AfterAll
	void removeQuotas() {
		quotas.remove();
	}

	String fy() {
		return quotas.fy();
	}

	Set<Long> people(String user) {
		Set<Long> ids = new HashSet<>();
		JsonNode page = api.get("/api/v1/attainment?by=person&size=500&period=" + fy(), user).json();
		page.get("content").forEach(r -> ids.add(r.get("id").asLong()));
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(ids.size());
		return ids;
	}

	Set<Long> staffSeenBy(String user) {
		Set<Long> ids = new HashSet<>();
		api.get("/api/v1/staff?size=500", user).json().get("content").forEach(s -> ids.add(s.get("id").asLong()));
		return ids;
	}

	long self(String user) {
		return api.get("/api/v1/attainment/me?period=" + fy(), user).json().get("staffId").asLong();
	}

	@Test
	void aSalespersonSeesOnlyTheirOwnAttainment() {
		long rep = self("rep");
		assertThat(people("rep")).containsExactly(rep);
		JsonNode me = api.get("/api/v1/attainment/me?period=" + fy(), "rep").json();
		JsonNode revenue = me.get("measures").get(0);
		assertThat(revenue.get("measure").asString()).isEqualTo("revenue");
		assertThat(revenue.get("pace").get("quota").decimalValue())
			.isEqualByComparingTo(monthly.get(rep).multiply(BigDecimal.valueOf(12)));
		assertThat(revenue.get("months")).hasSize(12);
		assertThat(me.get("status").get("acknowledged").asBoolean()).isFalse();

		long someoneElse = unitOf.keySet().stream().filter(id -> id != rep).findFirst().orElseThrow();
		assertThat(api.get("/api/v1/attainment/people/" + someoneElse + "?period=" + fy(), "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/attainment?by=company&period=" + fy(), "rep").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/attainment?by=unit&period=" + fy(), "rep").json().get("content")).isEmpty();
		assertThat(api.get("/api/v1/attainment?by=person&unit=" + unitOf.get(rep) + "&period=" + fy(), "rep").status())
			.isEqualTo(404);
	}

	@Test
	void aManagerSeesTheirSubtreeAndNobodyElse() {
		Set<Long> visible = staffSeenBy("manager");
		Set<Long> rows = people("manager");
		Set<Long> expected = new HashSet<>(unitOf.keySet());
		expected.retainAll(visible);
		assertThat(rows).isEqualTo(expected).contains(self("rep"));
		long outside = unitOf.keySet().stream().filter(id -> !visible.contains(id)).findFirst().orElseThrow();
		assertThat(rows).doesNotContain(outside);
		assertThat(api.get("/api/v1/attainment/people/" + outside + "?period=" + fy(), "manager").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/attainment/people/" + outside + "?period=" + fy(), "director").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/attainment/people/" + self("rep") + "?period=" + fy(), "manager").status())
			.isEqualTo(200);

		Set<Long> units = new HashSet<>();
		api.get("/api/v1/attainment?by=unit&size=500&period=" + fy(), "manager").json().get("content")
			.forEach(r -> units.add(r.get("id").asLong()));
		Set<Long> seenUnits = new HashSet<>();
		visible.forEach(id -> seenUnits.add(unitOf.get(id)));
		// Other tests add teams (without people) under the manager's region: a unit is the manager's when it or a
		// unit above it holds someone the manager sees.
		assertThat(units).isNotEmpty().allSatisfy(unit -> assertThat(withAncestors(unit)).as("unit " + unit)
			.containsAnyElementsOf(seenUnits));
		assertThat(api.get("/api/v1/attainment?by=company&period=" + fy(), "manager").status()).isEqualTo(404);
	}

	@Test
	void aDirectorSeesEveryoneAndTheCompany() {
		assertThat(people("director")).isEqualTo(unitOf.keySet());
		JsonNode company = api.get("/api/v1/attainment?by=company&period=" + fy(), "director").json();
		assertThat(company.get("content")).isNotEmpty();
		company.get("content").forEach(row -> {
			assertThat(parentOf.get(row.get("id").asLong())).isNull();
			assertThat(row.get("pace").get("quota").decimalValue())
				.isEqualByComparingTo(AttainmentFixture.UNIT_MONTH.multiply(BigDecimal.valueOf(12)));
		});
	}

	@Test
	void theMismatchIsTheUnitQuotaLessItsSubUnitsAndMembers() {
		JsonNode page = api.get("/api/v1/attainment/mismatches?size=500&period=" + fy() + "-Q1", "manager").json();
		assertThat(page.get("content")).isNotEmpty();
		for (JsonNode m : page.get("content")) {
			long unit = m.get("unitId").asLong();
			long children = parentOf.entrySet().stream().filter(e -> Long.valueOf(unit).equals(e.getValue())).count();
			BigDecimal members = unitOf.entrySet().stream().filter(e -> e.getValue() == unit)
				.map(e -> monthly.get(e.getKey()).multiply(BigDecimal.valueOf(3))).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal quarter = AttainmentFixture.UNIT_MONTH.multiply(BigDecimal.valueOf(3));
			BigDecimal allocated = quarter.multiply(BigDecimal.valueOf(children)).add(members);
			assertThat(m.get("unitQuota").decimalValue()).isEqualByComparingTo(quarter);
			assertThat(m.get("allocated").decimalValue()).as("allocated in " + unit).isEqualByComparingTo(allocated);
			assertThat(m.get("mismatch").decimalValue()).isEqualByComparingTo(quarter.subtract(allocated));
		}
	}

	@Test
	void theLeaderboardRanksEveryoneAndMarksTheReader() {
		JsonNode board = api.get("/api/v1/attainment/leaderboard?measure=revenue&size=500&period=" + fy(), "rep").json();
		List<JsonNode> places = new ArrayList<>();
		board.get("content").forEach(places::add);
		assertThat(places).hasSize(unitOf.size());
		assertThat(places).allSatisfy(p -> assertThat(p.get("outOf").asInt()).isEqualTo(unitOf.size()));
		assertThat(places.stream().filter(p -> p.get("self").asBoolean()).map(p -> p.get("staffId").asLong()))
			.containsExactly(self("rep"));
	}

	@Test
	void listsExportByAcceptAndRefuseWhatIsNoPeriodOrMeasure() {
		Api.Response csv = api.get("/api/v1/attainment?by=person&period=" + fy(), "manager", Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().lines().findFirst().orElseThrow().replace("\uFEFF", "")).startsWith("period,kind,id,name");
		assertThat(csv.body().lines().count()).isEqualTo(people("manager").size() + 1);
		Api.Response xlsx = api.get("/api/v1/attainment/leaderboard?period=" + fy(), "director",
				Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		assertThat(xlsx.status()).isEqualTo(200);

		assertThat(api.get("/api/v1/attainment?period=FY" + year + "-Q9", "director").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/attainment?period=" + fy() + "&measures=nonsense", "director").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/attainment?by=region&period=" + fy(), "director").status()).isEqualTo(400);
	}

	private Set<Long> withAncestors(long unit) {
		Set<Long> chain = new HashSet<>();
		Long current = unit;
		while (current != null && chain.add(current)) {
			current = jdbc.sql("SELECT parent_id FROM org_unit WHERE id = :id").param("id", current)
				.query(Long.class).optional().orElse(null);
		}
		return chain;
	}
}
