package io.rumbo.notifications.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.ReportingLines;
import io.rumbo.organization.StaffId;
import io.rumbo.shared.web.ListQuery;

/** Who is told: people's accounts and their managers' from the organization, users by role or name from identity. */
@Component
public class Recipients {

	/** Reads on behalf of no one in particular: every record, for working out who to tell. */
	public static final CurrentUser SYSTEM = new CurrentUser(new UserId(0), "system", "Rumbo", Set.of(Role.ADMIN));

	private final ReportingLines lines;
	private final UserManagement users;

	Recipients(ReportingLines lines, UserManagement users) {
		this.lines = lines;
		this.users = users;
	}

	public Set<UserId> people(Collection<StaffId> people) {
		return new LinkedHashSet<>(lines.accounts(people).values());
	}

	public Set<UserId> person(StaffId person) {
		return people(List.of(person));
	}

	/** The managers of these people (each person's first manager up the tree). */
	public Set<UserId> managersOf(Collection<StaffId> people) {
		return people(lines.managers(people).values());
	}

	public Set<UserId> named(Collection<String> usernames) {
		Set<UserId> ids = new LinkedHashSet<>();
		users.byUsernames(usernames).values().forEach(u -> ids.add(new UserId(u.id())));
		return ids;
	}

	/**
	 * How a notification names the person who acted: their display name, as every page shows people; the user name only
	 * for an account that no longer exists.
	 */
	public String displayName(String username) {
		return users.displayNames(List.of(username)).getOrDefault(username, username);
	}

	/** The enabled accounts holding a role. */
	public Set<UserId> withRole(Role role) {
		Set<UserId> ids = new LinkedHashSet<>();
		users.list(SYSTEM, new UserManagement.Filter(null, role, true, false), new ListQuery(0, 1, List.of()).unpaged())
			.content()
			.stream()
			.map(UserView::id)
			.forEach(id -> ids.add(new UserId(id)));
		return ids;
	}
}
