package io.rumbo.scenarios;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan versus actual by unit starts at the reader's own unit: no company or region row over a rep's own figures. */
@RumboIntegrationTest
class PlanPerformanceScopeScenarioTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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

	private static List<String> labels(JsonNode performance) {
		List<String> labels = new ArrayList<>();
		performance.get("rows").forEach(r -> labels.add(r.get("label").asString()));
		return labels;
	}
}
