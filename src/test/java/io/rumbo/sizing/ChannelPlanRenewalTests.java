package io.rumbo.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The yearly renewal of channels' plans (decision 0042): a channel whose terms were saved in one fiscal year gets the
 * next year's plan from its terms without the director saving them again, approved as the last one was, naming the
 * same seller with the same share, once. Works on an agent unit of the test's own and renews that channel only.
 */
@RumboIntegrationTest
class ChannelPlanRenewalTests {

	private static final CurrentUser READER = new CurrentUser(new UserId(0), "test", "Test", Set.of(Role.DIRECTOR));

	@LocalServerPort
	int port;

	@Autowired
	ChannelPlans channelPlans;

	@Autowired
	IncentivePlans plans;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void aNewFiscalYearGetsTheChannelsPlanFromItsTerms() {
		Api api = new Api(port);
		String code = "RN-" + System.nanoTime() % 10_000_000;
		JsonNode units = api.get("/api/v1/org-units?q=R-CENTRO", "admin").json().get("content");
		long region = 0;
		for (JsonNode u : units) {
			if (u.get("code").asString().equals("R-CENTRO")) {
				region = u.get("id").asLong();
			}
		}
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("code", code);
		unit.put("name", "Agente " + code);
		unit.put("kind", "AGENT");
		unit.put("location", "Toledo");
		unit.put("parentId", region);
		unit.put("validFrom", "2024-01-01");
		Api.Response created = api.post("/api/v1/org-units", "admin", unit);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long unitId = created.json().get("id").asLong();
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("employeeNumber", code + "S");
		person.put("firstName", "Prueba");
		person.put("lastName", "Agente " + code);
		person.put("email", code.toLowerCase() + "@example.com");
		person.put("hireDate", "2024-02-01");
		person.put("unitId", unitId);
		person.put("jobRole", "AGENT");
		person.put("qualificationLevel", 2);
		Api.Response staff = api.post("/api/v1/staff", "admin", person);
		assertThat(staff.status()).as(staff.body()).isEqualTo(201);
		long seller = staff.json().get("id").asLong();
		Map<String, Object> terms = new LinkedHashMap<>();
		terms.put("version", 0);
		terms.put("basis", "MARGIN");
		terms.put("sharePercent", new BigDecimal("7.5"));
		terms.put("sellerStaffId", seller);
		terms.put("productLineIds", List.of());
		Api.Response saved = api.put("/api/v1/sizing/channels/" + unitId, "director", terms);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		long thisYears = saved.json().get("planId").asLong();
		int year = calendar.currentYear();
		assertThat(plans.get(READER, thisYears).details().fiscalYear()).isEqualTo(year);

		assertThat(channelPlans.renew(year, Set.of(unitId))).as("this year's plan is there").isZero();
		assertThat(channelPlans.renew(year + 1, Set.of(unitId))).isEqualTo(1);
		JsonNode after = api.get("/api/v1/sizing/channels/" + unitId, "director").json();
		long nextYears = after.get("planId").asLong();
		assertThat(nextYears).isNotEqualTo(thisYears);
		PlanView next = plans.get(READER, nextYears);
		assertThat(next.details().fiscalYear()).isEqualTo(year + 1);
		assertThat(next.state()).as("approved as the director's terms were").isEqualTo(PlanState.APPROVED);
		assertThat(next.details().namedPeople()).containsExactly(seller);
		assertThat(next.details().components()).hasSize(1);
		assertThat(next.details().components().get(0).tiers().get(0).pays()).isEqualByComparingTo("7.5");
		assertThat(plans.get(READER, thisYears).details().fiscalYear()).as("last year's plan stays").isEqualTo(year);
		assertThat(channelPlans.renew(year + 1, Set.of(unitId))).as("once").isZero();
	}
}
