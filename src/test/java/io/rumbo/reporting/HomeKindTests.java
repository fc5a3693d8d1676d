package io.rumbo.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;

/** Which page each role gets, and that every page and panel has its name in both languages. */
class HomeKindTests {

	@Test
	void theBroadestRoleChoosesThePage() {
		assertThat(HomeKind.of(user(Role.REP))).isEqualTo(HomeKind.SALESPERSON);
		assertThat(HomeKind.of(user(Role.MANAGER))).isEqualTo(HomeKind.MANAGER);
		assertThat(HomeKind.of(user(Role.MANAGER, Role.REP))).isEqualTo(HomeKind.MANAGER);
		assertThat(HomeKind.of(user(Role.DIRECTOR))).isEqualTo(HomeKind.DIRECTOR);
		assertThat(HomeKind.of(user(Role.ADMIN))).isEqualTo(HomeKind.DIRECTOR);
		assertThat(HomeKind.of(user(Role.DIRECTOR, Role.MANAGER))).isEqualTo(HomeKind.DIRECTOR);
		for (Role reader : Set.of(Role.FINANCE, Role.PEOPLE, Role.VIEWER)) {
			assertThat(HomeKind.of(user(reader))).as(reader.name()).isEqualTo(HomeKind.COMPANY);
		}
		assertThat(HomeKind.of(user(Role.FINANCE, Role.MANAGER))).isEqualTo(HomeKind.MANAGER);
		assertThat(HomeKind.COMPANY.shows("approvals")).as("readers approve nothing").isFalse();
		assertThat(HomeKind.DIRECTOR.shows("approvals")).isTrue();
	}

	@Test
	void everyPageAndPanelHasItsNameInBothLanguages() throws IOException {
		for (String bundle : Set.of("reporting", "reporting_es")) {
			Properties keys = new Properties();
			try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle + ".properties")) {
				keys.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (HomeKind kind : HomeKind.values()) {
				assertThat(keys).as(bundle).containsKey("reporting.home.kind." + kind);
				kind.panels().forEach(p -> assertThat(keys).as(bundle).containsKey("reporting.panel." + p));
			}
		}
	}

	private static CurrentUser user(Role... roles) {
		return new CurrentUser(new UserId(1), "u", "U", Set.of(roles));
	}
}
