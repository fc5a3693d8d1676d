package io.rumbo.scenarios;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page shell: the top navigation is rendered once per page step, language and role set and kept, with the
 * user's name, the sign-out form's CSRF token and the search text written in per request; sessions write their last
 * access at most once a minute and still expire and sign out.
 */
@RumboIntegrationTest
class PageShellScenarioTests {

	private static final Pattern SIGN_OUT = Pattern.compile(
			"<form action=\"/logout\" method=\"post\" class=\"m-0\"><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNavigationFollowsEachUsersRolesNameAndLanguage() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		WebSession admin = new WebSession();
		admin.signIn(port, "admin", "demo");
		WebSession director = new WebSession();
		director.signIn(port, "director", "demo");
		// The same step and language for all three, so only the kept navigation of each role set can differ.
		String repPage = rep.get(port, "/account?lang=en").body();
		String adminPage = admin.get(port, "/account?lang=en").body();
		String directorPage = director.get(port, "/account?lang=en").body();

		assertThat(repPage).doesNotContain("href=\"/admin/users\"", "href=\"/sizing\"", "id=\"nav-payout-runs\"")
			.contains("id=\"nav-incentives\"", ">Sign out<");
		assertThat(adminPage).contains("href=\"/admin/users\"", "href=\"/sizing\"", "id=\"nav-payout-runs\"");
		assertThat(directorPage).doesNotContain("href=\"/admin/users\"")
			.contains("href=\"/sizing\"", "id=\"nav-payout-runs\"");
		assertThat(repPage).contains(">" + displayName("rep") + "</a>").doesNotContain(displayName("admin"));
		assertThat(adminPage).contains(">" + displayName("admin") + "</a>");
		assertThat(directorPage).contains(">" + displayName("director") + "</a>");

		String spanish = rep.get(port, "/account?lang=es").body();
		assertThat(spanish).contains(">Cerrar sesión<").doesNotContain(">Sign out<");
		// The active step is part of what is kept: the board's page marks "Sell", the account page nothing.
		assertThat(rep.get(port, "/opportunities").body()).containsPattern("nav-link dropdown-toggle active\"[^>]*>Vender<");
		assertThat(rep.get(port, "/account").body()).doesNotContain("dropdown-toggle active");
	}

	@Test
	void theSignOutFormCarriesThisRequestsTokenAndTheSearchBoxTheEscapedText() {
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		String search = rep.get(port, "/search?q=%3Cb%3E%22x").body();
		assertThat(search).contains("id=\"nav-search-q\"").contains("value=\"&lt;b&gt;&quot;x\"")
			.doesNotContain("<b>\"x");
		assertThat(rep.get(port, "/account").body()).doesNotContain("&lt;b&gt;");

		Matcher form = SIGN_OUT.matcher(rep.get(port, "/account").body());
		assertThat(form.find()).as("the sign-out form with its CSRF field").isTrue();
		HttpResponse<String> signedOut = rep.postForm(port, "/logout", Map.of("_csrf", form.group(1)));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location").orElse("")).endsWith("/login?signedOut");
		assertThat(rep.get(port, "/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aSessionRecordsItsLastAccessAtMostOnceAMinuteAndStillExpires() {
		WebSession viewer = new WebSession();
		viewer.signIn(port, "director", "demo");
		String id = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = 'director' "
				+ "ORDER BY creation_time DESC LIMIT 1").query(String.class).single();
		assertThat(viewer.get(port, "/account").statusCode()).isEqualTo(200);
		long first = lastAccess(id);
		assertThat(viewer.get(port, "/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).as("within a minute the row is not written").isEqualTo(first);

		// Two minutes later (moved back in the row), the next request records its access.
		jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
				+ "expiry_time = expiry_time - 120000 WHERE session_id = :id").param("id", id).update();
		assertThat(viewer.get(port, "/account").statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).isGreaterThanOrEqualTo(first);
		assertThat(jdbc.sql("SELECT expiry_time - last_access_time - max_inactive_interval * 1000 FROM spring_session "
				+ "WHERE session_id = :id").param("id", id).query(Long.class).single()).isZero();

		// Idle past the timeout: the session is gone and the page asks to sign in again.
		jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - max_inactive_interval * 1000 - 60000, "
				+ "expiry_time = expiry_time - max_inactive_interval * 1000 - 60000 WHERE session_id = :id")
			.param("id", id).update();
		HttpResponse<String> expired = viewer.get(port, "/account");
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location").orElse("")).contains("/login");
	}

	private long lastAccess(String id) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", id)
			.query(Long.class).single();
	}

	private String displayName(String username) {
		return jdbc.sql("SELECT display_name FROM identity_user WHERE username = :u").param("u", username)
			.query(String.class).single();
	}
}
