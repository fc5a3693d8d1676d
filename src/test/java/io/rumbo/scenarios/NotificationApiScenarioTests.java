package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.notifications.domain.Deliveries;
import io.rumbo.notifications.domain.Delivery;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The inbox over HTTP with real tokens and sessions, on notifications this test delivers to the demo salesperson:
 * she lists, reads and marks them read through the API and the page; anybody else, whatever their role, gets 404 for
 * her notification's id; the header's badge counts her unread ones; preferences are hers to change.
 */
@RumboIntegrationTest
class NotificationApiScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	Deliveries deliveries;

	@Autowired
	UserManagement users;

	private long deliverToRep(String title) {
		UserId rep = new UserId(users.findByUsername("rep").orElseThrow().id());
		String key = unique("api-test");
		deliveries.deliver(Delivery.of(key, NotificationKind.TASK_DUE, Set.of(rep), "/tasks", title,
				LocalDate.of(2031, 5, 6)));
		Api api = new Api(port);
		for (JsonNode row : api.get("/api/v1/notifications?unread=true&size=100", "rep").json().get("content")) {
			if (row.get("title").asString().equals("Due today: " + title)) {
				return row.get("id").asLong();
			}
		}
		throw new AssertionError("not delivered: " + title);
	}

	@Test
	void eachUserReadsAndMarksOnlyTheirOwnNotifications() {
		Api api = new Api(port);
		String title = unique("Llamar");
		long id = deliverToRep(title);
		long unread = api.get("/api/v1/notifications/unread-count", "rep").json().get("count").asLong();
		assertThat(unread).isPositive();

		JsonNode one = api.get("/api/v1/notifications/" + id, "rep").json();
		assertThat(one.get("kind").asString()).isEqualTo("TASK_DUE");
		assertThat(one.get("text").asString()).as("the date as the reader's language writes it")
			.isEqualTo("The task \"" + title + "\" is due today (May 6, 2031).");
		assertThat(one.get("link").asString()).isEqualTo("/tasks");
		assertThat(api.get("/api/v1/notifications/" + id, "rep", Map.of("Accept-Language", "es")).json().get("title")
			.asString()).isEqualTo("Vence hoy: " + title);
		assertThat(api.get("/api/v1/notifications/" + id, "rep", Map.of("Accept-Language", "es")).json().get("text")
			.asString()).isEqualTo("La tarea \"" + title + "\" vence hoy (6 may 2031).");

		for (String other : List.of("admin", "director", "manager", "finance")) {
			assertThat(api.get("/api/v1/notifications/" + id, other).status()).as(other).isEqualTo(404);
			assertThat(api.post("/api/v1/notifications/" + id + "/read", other, Map.of()).status()).as(other)
				.isEqualTo(404);
			assertThat(api.get("/api/v1/notifications?size=100", other).body()).as(other).doesNotContain(title);
		}
		assertThat(api.get("/api/v1/notifications/" + id, "rep").json().get("readAt").isNull()).isTrue();

		Api.Response read = api.post("/api/v1/notifications/" + id + "/read", "rep", Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("readAt").isNull()).isFalse();
		assertThat(api.get("/api/v1/notifications?unread=true&size=100", "rep").body()).doesNotContain(title);
		assertThat(api.get("/api/v1/notifications?size=100", "rep").body()).contains(title);

		deliverToRep(unique("Otra"));
		assertThat(api.post("/api/v1/notifications/read", "rep", Map.of()).json().get("count").asLong()).isZero();
		assertThat(api.get("/api/v1/notifications/unread-count", "rep").json().get("count").asLong()).isZero();
	}

	@Test
	void preferencesAreTheCallersOwn() {
		Api api = new Api(port);
		JsonNode before = api.get("/api/v1/notifications/preferences", "manager").json();
		assertThat(before.size()).isEqualTo(java.util.Arrays.stream(NotificationKind.values())
			.filter(k -> k.reaches(java.util.Set.of(io.rumbo.identity.Role.MANAGER)))
			.count());
		try {
			JsonNode saved = api.put("/api/v1/notifications/preferences", "manager",
					List.of(Map.of("kind", "AT_RISK", "inApp", false, "email", true))).json();
			assertThat(saved.toString()).contains("{\"kind\":\"AT_RISK\",\"inApp\":false,\"email\":true}");
			assertThat(api.get("/api/v1/notifications/preferences", "director").body())
				.contains("{\"kind\":\"AT_RISK\",\"inApp\":true,\"email\":true}");
		}
		finally {
			api.put("/api/v1/notifications/preferences", "manager",
					List.of(Map.of("kind", "AT_RISK", "inApp", true, "email", true)));
		}
	}

	/** A salesperson leads no team: the alerts about a team are not offered to them, nor saved for them. */
	@Test
	void eachKindIsOfferedOnlyToTheRolesItCanReach() {
		Api api = new Api(port);
		List<String> reps = api.get("/api/v1/notifications/preferences", "rep").json().valueStream()
			.map(p -> p.get("kind").asString())
			.toList();
		assertThat(reps).contains("TASK_ASSIGNED", "FORECAST_DUE", "QUOTA_PUBLISHED", "WEEKLY_DIGEST")
			.doesNotContain("AT_RISK", "FORECAST_SUBMITTED", "PLAN_SUBMITTED", "PLAN_APPROVED", "DISPUTE_RAISED");
		List<String> managers = api.get("/api/v1/notifications/preferences", "manager").json().valueStream()
			.map(p -> p.get("kind").asString())
			.toList();
		assertThat(managers).contains("AT_RISK", "FORECAST_SUBMITTED", "TASK_ASSIGNED").doesNotContain("FORECAST_DUE");
		assertThat(api.put("/api/v1/notifications/preferences", "rep",
				List.of(Map.of("kind", "AT_RISK", "inApp", false, "email", false))).json().toString())
			.as("a kind not offered is not saved").doesNotContain("AT_RISK");
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		assertThat(rep.get(port, "/notifications/preferences?lang=en").body()).contains("id=\"kind-TASK_ASSIGNED\"")
			.doesNotContain("id=\"kind-AT_RISK\"").doesNotContain("id=\"kind-FORECAST_SUBMITTED\"");
		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		assertThat(manager.get(port, "/notifications/preferences?lang=en").body()).contains("id=\"kind-AT_RISK\"")
			.contains("id=\"kind-FORECAST_SUBMITTED\"");
	}

	@Test
	void theInboxPageListsReadsAndOpensTheRecordAndTheHeaderCountsWhatIsUnread() {
		String title = unique("Visitar");
		long id = deliverToRep(title);
		WebSession rep = new WebSession();
		rep.signIn(port, "rep", "demo");
		HttpResponse<String> page = rep.get(port, "/notifications?unread=true&lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"nav-inbox\"").contains("hx-get=\"/notifications/badge\"")
			.contains("id=\"notification-" + id + "\"").contains("Due today: " + title).contains("Mark all read");
		assertThat(page.body().split("id=\"inbox-badge\"", -1)).as("one badge, the header's placeholder").hasSize(2);
		HttpResponse<String> badge = rep.get(port, "/notifications/badge", Map.of("HX-Request", "true"));
		assertThat(badge.body()).contains("id=\"inbox-badge\"").contains("unread").doesNotContain("<html");

		HttpResponse<String> open = rep.postForm(port, "/notifications/" + id + "/read",
				Map.of("_csrf", WebSession.csrf(page.body())));
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/tasks"));
		assertThat(rep.get(port, "/notifications?unread=true&lang=en").body()).doesNotContain(title);

		WebSession manager = new WebSession();
		manager.signIn(port, "manager", "demo");
		HttpResponse<String> theirs = manager.get(port, "/notifications?lang=en");
		assertThat(theirs.body()).doesNotContain(title);
		assertThat(manager.postForm(port, "/notifications/" + id + "/read",
				Map.of("_csrf", WebSession.csrf(theirs.body()))).statusCode()).isEqualTo(404);

		HttpResponse<String> readAll = rep.postForm(port, "/notifications/read-all",
				Map.of("_csrf", WebSession.csrf(page.body())));
		assertThat(readAll.statusCode()).isEqualTo(302);
		assertThat(rep.get(port, "/notifications/badge", Map.of("HX-Request", "true")).body())
			.doesNotContain("inbox-badge");
		HttpResponse<String> preferences = rep.get(port, "/notifications/preferences?lang=en");
		assertThat(preferences.body()).contains("Notification preferences").contains("id=\"email-off\"")
			.contains("A task is due today");
	}
}
