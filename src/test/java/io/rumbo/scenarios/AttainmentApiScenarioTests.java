package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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

	static final BigDecimal UNIT_MONTH = new BigDecimal("5000.00");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	Api api;
	int year;
	long versionId;
	/** Every person holding a quota, with their monthly amount and unit. */
	final Map<Long, BigDecimal> monthly = new HashMap<>();
	final Map<Long, Long> unitOf = new HashMap<>();
	final Map<Long, Long> parentOf = new HashMap<>();

	@BeforeAll
	void publishQuotas() {
		api = new Api(port);
		year = calendar.currentYear() + 3;
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO quotas_version (fiscal_year, number, state, plan_version_id, ramp, created_by, created_at,
				  published_by, published_at, version)
				VALUES (:year, 1, 'PUBLISHED', 0, '100', 'test', :now, 'test', :now, 0)""")
			.param("year", year).param("now", now).update();
		versionId = jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :year").param("year", year)
			.query(Long.class).single();
		jdbc.sql("SELECT id, parent_id FROM org_unit WHERE archived = FALSE").query(rs -> {
			parentOf.put(rs.getLong(1), (Long) rs.getObject(2, Long.class));
		});
		for (Map.Entry<Long, Long> unit : parentOf.entrySet()) {
			jdbc.sql("INSERT INTO quotas_release (version_id, unit_id, released_by, released_at) VALUES (:v, :u, 'test', :now)")
				.param("v", versionId).param("u", unit.getKey()).param("now", now).update();
			for (int m = 1; m <= 12; m++) {
				jdbc.sql("""
						INSERT INTO quotas_unit_month (version_id, unit_id, parent_unit_id, metric, fiscal_month, amount)
						VALUES (:v, :u, :p, 'REVENUE', :m, :a)""")
					.param("v", versionId).param("u", unit.getKey()).param("p", unit.getValue()).param("m", m)
					.param("a", UNIT_MONTH).update();
			}
		}
		jdbc.sql("SELECT id, unit_id FROM org_staff WHERE archived = FALSE AND status <> 'LEFT'").query(rs -> {
			unitOf.put(rs.getLong(1), rs.getLong(2));
		});
		for (Map.Entry<Long, Long> person : unitOf.entrySet()) {
			BigDecimal amount = new BigDecimal(1000 + person.getKey() % 7 * 100).setScale(2);
			monthly.put(person.getKey(), amount);
			for (int m = 1; m <= 12; m++) {
				jdbc.sql("""
						INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount, amount)
						VALUES (:v, :s, :u, 'REVENUE', :m, :a, :a)""")
					.param("v", versionId).param("s", person.getKey()).param("u", person.getValue()).param("m", m)
					.param("a", amount).update();
			}
		}
	}

	@AfterAll
	void removeQuotas() {
		for (String table : List.of("quotas_acknowledgement", "quotas_person_month", "quotas_unit_month", "quotas_release")) {
			jdbc.sql("DELETE FROM " + table + " WHERE version_id = :v").param("v", versionId).update();
		}
		jdbc.sql("DELETE FROM quotas_version WHERE id = :v").param("v", versionId).update();
	}

	String fy() {
		return "FY" + year;
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
		assertThat(units).isNotEmpty().isSubsetOf(seenUnits);
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
				.isEqualByComparingTo(UNIT_MONTH.multiply(BigDecimal.valueOf(12)));
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
			BigDecimal quarter = UNIT_MONTH.multiply(BigDecimal.valueOf(3));
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
}
