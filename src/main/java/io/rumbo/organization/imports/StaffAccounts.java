package io.rumbo.organization.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.imports.ImportRow;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.domain.OrgImportQueries;
import io.rumbo.organization.domain.OrgImportQueries.StaffRecord;

/**
 * The sign-in accounts of a staff file. Accounts belong to the identity module: they are read through
 * {@link UserManagement} (a chunk's user names at once) and opened or given other roles through it, which refuses
 * anyone but an administrator; this class only decides, row by row, what a row asks of them and who may ask it.
 */
@Component
class StaffAccounts {

	/** The accounts a chunk names (by lower-case user name) and the people they are linked to (by account id). */
	record Lookup(Map<String, UserView> accounts, Map<Long, Long> links) {
	}

	/**
	 * What a row does to its account: nothing ({@link #NONE}), link an existing one ({@code userId}), open one
	 * ({@code create}) or give it other roles ({@code newRoles}).
	 */
	record Plan(@Nullable String username, @Nullable Set<Role> roles, @Nullable UserView account,
			@Nullable Long userId, boolean create, boolean newRoles) {

		static final Plan NONE = new Plan(null, null, null, null, false, false);

		boolean changes() {
			return create || newRoles;
		}
	}

	private final UserManagement users;
	private final OrgImportQueries queries;

	StaffAccounts(UserManagement users, OrgImportQueries queries) {
		this.users = users;
		this.queries = queries;
	}

	Lookup lookup(Set<String> usernames) {
		Map<String, UserView> accounts = users.byUsernames(usernames);
		return new Lookup(accounts, queries.staffByUserIds(accounts.values().stream().map(UserView::id).toList()));
	}

	/** The row's account plan, or {@code null} after reporting why the row may not have it. */
	@Nullable Plan plan(CurrentUser actor, ImportRow row, @Nullable StaffRecord current, Lookup lookup) {
		String username = row.text("username", 64, false);
		String cell = row.text("user_roles", 200, false);
		Set<Role> roles = null;
		if (cell != null) {
			roles = AccountRoles.parse(cell);
			if (roles == null) {
				row.error("user_roles", "organization.import.staff.roles", cell,
						Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")));
				return null;
			}
		}
		if (username == null) {
			if (roles != null && !roles.isEmpty()) {
				row.error("username", "organization.import.account.usernameRequired");
				return null;
			}
			return Plan.NONE;
		}
		if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
			row.error("username", "identity.user.username.invalid");
			return null;
		}
		UserView account = lookup.accounts().get(username.toLowerCase(Locale.ROOT));
		if (account == null) {
			if (!actor.has(Role.ADMIN)) {
				row.error("username", "organization.import.account.adminOnly", username);
				return null;
			}
			if (roles == null || roles.isEmpty()) {
				row.error("user_roles", "imports.error.required");
				return null;
			}
			return new Plan(username, roles, null, null, true, false);
		}
		Long linked = lookup.links().get(account.id());
		boolean linkedHere = current != null && linked != null && linked == current.id();
		if (linked != null && !linkedHere) {
			row.error("username", "organization.staff.user.taken");
			return null;
		}
		if (!linkedHere && !StaffManagement.mayLinkAccounts(actor)) {
			row.error("username", "organization.import.account.linkRefused", account.username());
			return null;
		}
		boolean newRoles = roles != null && !roles.equals(account.roles());
		if (newRoles && !actor.has(Role.ADMIN)) {
			row.error("user_roles", "organization.import.account.adminOnly", account.username());
			return null;
		}
		return new Plan(account.username(), roles, account, account.id(), false, newRoles);
	}

	/** Opens the account or changes its roles as planned; answers the account's id (null for none). */
	@Nullable Long apply(CurrentUser actor, Plan plan, StaffManagement.StaffDetails person) {
		UserView account = plan.account();
		if (plan.create()) {
			return users.createWithoutPassword(actor, new UserManagement.NewAccount(plan.username(),
					person.firstName().trim() + " " + person.lastName().trim(), person.email(), plan.roles())).id();
		}
		if (plan.newRoles() && account != null && plan.roles() != null) {
			users.update(actor, account.id(), new UserManagement.UserChanges(account.version(), account.displayName(),
					account.email(), account.enabled(), plan.roles()));
		}
		return plan.userId();
	}
}
