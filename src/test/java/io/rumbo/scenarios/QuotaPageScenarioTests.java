package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.planning.FiscalCalendar;
import io.rumbo.support.RumboIntegrationTest;

/**
 * The quota pages on the demo's published quotas: the director sees a level with its split and mismatch, a manager
 * cannot open a level outside their subtree, a salesperson sees their own quota and acknowledges it.
 */
@RumboIntegrationTest
class QuotaPageScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	@Test
	void theDirectorSeesTheAllocationWithItsMismatchAndAManagerOnlyTheirSubtree() {
		int year = calendar.currentYear();
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		HttpResponse<String> page = director.get(port, "/quotas/" + year + "?unit=" + unit("E-MAD-NOR"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"allocation\"").contains("id=\"mismatch-row\"").contains("Lucía García");
		assertThat(director.get(port, "/quotas").body()).as("no quota of her own, no link to it")
			.doesNotContain("id=\"my-quota\"").contains("id=\"new-quotas\"");

		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		assertThat(manager.get(port, "/quotas/" + year + "?unit=" + unit("E-MAD-SUR")).statusCode()).isEqualTo(200);
		assertThat(manager.get(port, "/quotas/" + year + "?unit=" + unit("E-BIO-IND")).statusCode()).isEqualTo(404);
	}

	@Test
	void aSalespersonSeesAndAcknowledgesTheirQuota() {
		int year = calendar.currentYear();
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/quotas").body()).contains("id=\"my-quota\"").doesNotContain("id=\"new-quotas\"");
		String page = rep.get(port, "/quotas/" + year + "/mine").body();
		assertThat(page).contains("id=\"my-quota-table\"");
		if (page.contains("id=\"acknowledge-form\"")) {
			HttpResponse<String> sent = rep.postForm(port, "/quotas/" + year + "/acknowledge",
					Map.of("comment", "Visto", "_csrf", WebSession.csrf(page)));
			assertThat(sent.statusCode()).isEqualTo(302);
			page = rep.get(port, "/quotas/" + year + "/mine").body();
		}
		assertThat(page).contains("id=\"acknowledged\"").doesNotContain("id=\"acknowledge-form\"");
	}
}
