package io.rumbo.people.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;

/**
 * How the people pages name who did something (decided a requisition, withdrew a qualification, added a file, set an
 * approval rule): the account's display name, as notifications do; the user name only for an account that no longer
 * exists. One query for a page's names.
 */
@Component
class UserNames {

	private final UserManagement users;

	UserNames(UserManagement users) {
		this.users = users;
	}

	/** Each user name (nulls skipped) with the name to show for it. */
	Map<String, String> of(Collection<String> usernames) {
		return users.displayNames(usernames);
	}
}
