package io.rumbo.identity;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTests {

	private final AuditTrail audit = new AuditTrail(JdbcClient.create(new SimpleDriverDataSource()),
			JsonMapper.builder().build(), Clock.systemUTC(),
			new io.rumbo.shared.export.ExportCursor(new SimpleDriverDataSource()));

	@Test
	void listsOnlyTheFieldsThatChanged() {
		assertThat(audit.changes("{\"name\":\"Ana\",\"phone\":\"1\",\"level\":2}", "{\"name\":\"Ana\",\"phone\":\"2\",\"level\":3}"))
			.containsExactly(new AuditEntry.FieldChange("phone", "1", "2"), new AuditEntry.FieldChange("level", "2", "3"));
	}

	@Test
	void aCreationShowsEveryFieldThatHasAValue() {
		assertThat(audit.changes(null, "{\"name\":\"Ana\",\"email\":null}"))
			.containsExactly(new AuditEntry.FieldChange("name", "", "Ana"));
	}

	@Test
	void aRemovalShowsWhatWasThere() {
		assertThat(audit.changes("{\"role\":\"REP\"}", null)).containsExactly(new AuditEntry.FieldChange("role", "REP", ""));
	}
}
