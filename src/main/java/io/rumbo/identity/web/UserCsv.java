package io.rumbo.identity.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.shared.csv.CsvExport;
import io.rumbo.shared.web.CsvResponses;
import io.rumbo.shared.web.ListQuery;

/** The one CSV shape of the user list, for the API and the admin page. */
final class UserCsv {

	private UserCsv() {
	}

	static ResponseEntity<StreamingResponseBody> export(UserManagement users, CurrentUser actor,
			UserManagement.Filter filter, @Nullable String sort) {
		List<UserView> all = users.list(actor, filter,
				ListQuery.of(0, 1, sort == null ? null : List.of(sort), UserManagement.SORTS, "username").unpaged())
			.content();
		return CsvResponses.attachment("users.csv", out -> {
			try (CsvExport csv = CsvExport.to(out,
					List.of("id", "username", "displayName", "email", "roles", "enabled", "archived", "createdAt"))) {
				all.forEach(u -> csv.row(u.id(), u.username(), u.displayName(), u.email(),
						String.join(" ", u.roles().stream().map(Enum::name).sorted().toList()), u.enabled(),
						u.archived(), u.createdAt()));
			}
		});
	}
}
