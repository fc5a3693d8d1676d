package io.rumbo.identity.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the user list and the audit trail, for the API and the admin pages. */
final class UserExports {

	private UserExports() {
	}

	static ResponseEntity<StreamingResponseBody> users(ExportFormat format, UserManagement users, CurrentUser actor,
			UserManagement.Filter filter, @Nullable List<String> sort) {
		ListQuery sorted = ListQuery.of(0, 1, sort, UserManagement.SORTS, "username").unpaged();
		return Exports.download(format, "users",
				List.of("id", "username", "displayName", "email", "roles", "enabled", "archived", "createdAt"),
				table -> users.each(actor, filter, sorted, u -> table.row(u.id(), u.username(), u.displayName(), u.email(),
						String.join(" ", u.roles().stream().map(Enum::name).sorted().toList()), u.enabled(), u.archived(),
						u.createdAt())));
	}

	static ResponseEntity<StreamingResponseBody> audit(ExportFormat format, AuditTrail audit, CurrentUser actor,
			AuditTrail.Filter filter, List<String> sort) {
		ListQuery sorted = ListQuery.of(0, 1, sort, AuditTrail.SORTS, "occurredAt").unpaged();
		return Exports.download(format, "audit", List.of("id", "occurredAt", "actor", "action", "entityType", "entityId",
				"summary", "before", "after", "remoteAddress"),
				table -> audit.each(actor, filter, sorted, e -> table.row(e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(),
						e.entityId(), e.summary(), e.before(), e.after(), e.remoteAddress())));
	}
}
