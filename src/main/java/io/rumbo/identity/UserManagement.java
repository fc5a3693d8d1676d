package io.rumbo.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.domain.User;
import io.rumbo.identity.domain.UserRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** User accounts and role grants. Only administrators manage accounts; everyone manages their own password. */
@Service
public class UserManagement {

	public static final int MIN_PASSWORD_LENGTH = 8;
	/** BCrypt's limit, in UTF-8 bytes (an accented letter takes two). */
	public static final int MAX_PASSWORD_BYTES = 72;

	public static final Map<String, String> SORTS = Map.of("username", "u.username", "displayName", "u.display_name",
			"createdAt", "u.created_at");

	public record NewUser(String username, String displayName, @Nullable String email, String password,
			Set<Role> roles) {
	}

	public record UserChanges(long version, String displayName, @Nullable String email, boolean enabled,
			Set<Role> roles) {
	}

	/**
	 * An account opened for someone else (by an import) without a password: see {@link #createWithoutPassword}.
	 */
	public record NewAccount(String username, String displayName, @Nullable String email, Set<Role> roles) {
	}

	public record Filter(@Nullable String q, @Nullable Role role, @Nullable Boolean enabled, boolean includeArchived) {
	}

	private final UserRepository users;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final SignIns signIns;
	private final io.rumbo.shared.export.ExportCursor cursor;

	UserManagement(UserRepository users, PasswordEncoder passwords, AuditTrail audit,
			JdbcClient jdbc, Clock clock, SignIns signIns, io.rumbo.shared.export.ExportCursor cursor) {
		this.cursor = cursor;
		this.signIns = signIns;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<UserView> list(CurrentUser actor, Filter filter, ListQuery query) {
		requireAdmin(actor);
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM identity_user u" + where).params(params).query(Long.class).single();
		List<UserRow> rows = jdbc.sql("SELECT u.* FROM identity_user u" + where + query.orderBy("u.id") + query.limit())
			.params(params)
			.query(UserManagement::row)
			.list();
		return PageResponse.of(withRoles(rows), query, total);
	}

	/** Every matching user, one query with a fetch size, roles read a thousand users at a time (for exports). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, java.util.function.Consumer<UserView> sink) {
		requireAdmin(actor);
		Map<String, Object> params = new HashMap<>();
		cursor.each("SELECT u.* FROM identity_user u" + where(filter, params) + query.orderBy("u.id"), params,
				UserManagement::row, this::withRoles, sink);
	}

	private static String where(Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(u.username) LIKE :q OR LOWER(u.display_name) LIKE :q OR LOWER(u.email) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.role() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = :role)");
			params.put("role", filter.role().name());
		}
		if (filter.enabled() != null) {
			where.append(" AND u.enabled = :enabled");
			params.put("enabled", filter.enabled());
		}
		if (!filter.includeArchived()) {
			where.append(" AND u.archived = FALSE");
		}
		return where.toString();
	}

	private List<UserView> withRoles(List<UserRow> rows) {
		Map<Long, Set<Role>> roles = rolesOf(rows.stream().map(UserRow::id).toList());
		List<UserView> views = new ArrayList<>();
		for (UserRow row : rows) {
			views.add(row.view(roles.getOrDefault(row.id(), Set.of())));
		}
		return views;
	}

	@Transactional(readOnly = true)
	public UserView get(CurrentUser actor, long id) {
		if (!actor.has(Role.ADMIN) && actor.id().value() != id) {
			throw new NotFoundException("user", id);
		}
		return load(id).view();
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return users.findByUsernameIgnoreCase(username).map(User::view);
	}

	/**
	 * The signed-in view of an account, for work the application does on a user's behalf without a request (demo
	 * data, scheduled jobs); empty when the account does not exist.
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> actAs(String username) {
		return users.findByUsernameIgnoreCase(username)
			.map(u -> new CurrentUser(u.userId(), u.username(), u.displayName(), u.roles()));
	}

	/** The user name of an account, for showing which account a record is linked to. */
	@Transactional(readOnly = true)
	public Optional<String> usernameOf(UserId id) {
		return users.findById(id.value()).map(User::username);
	}

	@Transactional(readOnly = true)
	public boolean exists(UserId id) {
		return users.existsById(id.value());
	}

	@Transactional(readOnly = true)
	public boolean anyUserExists() {
		return users.count() > 0;
	}

	@Transactional
	public UserView create(CurrentUser actor, NewUser request) {
		requireAdmin(actor);
		checkPassword("password", request.password());
		return insert(request, passwords.encode(request.password()));
	}

	/**
	 * Creates accounts without an acting administrator (first start, demo company). The password policy is not
	 * applied: the demo's well-known password is deliberately short. All accounts share one hash computation.
	 */
	@Transactional
	public Map<String, UserId> provision(List<NewUser> accounts, String sharedPassword) {
		String hash = passwords.encode(sharedPassword);
		Map<String, UserId> created = new LinkedHashMap<>();
		for (NewUser account : accounts) {
			created.put(account.username(), new UserId(insert(account, hash).id()));
		}
		return created;
	}

	/**
	 * Opens an account that cannot sign in until an administrator gives it a first password (see
	 * {@link #setPassword}); decision 0012. Its hash is that of a random secret nobody keeps, shared by every such
	 * account so that a file of a thousand people costs one hash computation, not a thousand.
	 */
	@Transactional
	public UserView createWithoutPassword(CurrentUser actor, NewAccount account) {
		requireAdmin(actor);
		return insert(new NewUser(account.username(), account.displayName(), account.email(), "", account.roles()),
				unusableHash());
	}

	/**
	 * Opens the sign-in account of a salesperson just hired (decision 0036): PEOPLE, who hires, may open it as an
	 * administrator may, but only with the REP role and without a password, so nobody can sign in with it until an
	 * administrator gives it a first one (decision 0012).
	 */
	@Transactional
	public UserView openSalespersonAccount(CurrentUser actor, String username, String displayName,
			@Nullable String email) {
		if (!actor.hasAny(Role.ADMIN, Role.PEOPLE)) {
			throw new AccessRefusedException("users");
		}
		return insert(new NewUser(username, displayName, email, "", Set.of(Role.REP)), unusableHash());
	}

	private @Nullable String unusableHash;

	private synchronized String unusableHash() {
		if (unusableHash == null) {
			byte[] secret = new byte[32];
			new java.security.SecureRandom().nextBytes(secret);
			unusableHash = passwords.encode(java.util.HexFormat.of().formatHex(secret));
		}
		return unusableHash;
	}

	/**
	 * An administrator gives an account a password (the first one of an imported account, or a new one for someone
	 * who forgot theirs); the person changes it on their account page. Open sessions and tokens end.
	 */
	@Transactional
	public void setPassword(CurrentUser actor, long id, String newPassword) {
		requireAdmin(actor);
		User user = load(id);
		checkPassword("password", newPassword);
		user.changePassword(passwords.encode(newPassword), clock.instant());
		signIns.endAll(user, actor.id().value() == id);
		audit.record("USER", id, "PASSWORD_SET", null, null, user.username());
	}

	/** The accounts with these user names (compared ignoring case), keyed by the lower-case name. */
	@Transactional(readOnly = true)
	public Map<String, UserView> byUsernames(java.util.Collection<String> usernames) {
		List<String> keys = usernames.stream().map(u -> u.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
		return keyed(keys.isEmpty() ? List.of() : viewsWhere("LOWER(u.username) IN (:keys)", keys),
				v -> v.username().toLowerCase(java.util.Locale.ROOT));
	}

	/**
	 * How pages name the people behind user names recorded on records ("by ..."): each given name (nulls skipped) with
	 * its account's display name, or the user name itself for an account that no longer exists. One statement.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> displayNames(java.util.Collection<@org.jspecify.annotations.Nullable String> usernames) {
		List<String> given = usernames.stream().filter(java.util.Objects::nonNull).map(String.class::cast).toList();
		Map<String, UserView> found = byUsernames(given);
		Map<String, String> names = new java.util.HashMap<>();
		for (String username : given) {
			UserView user = found.get(username.toLowerCase(java.util.Locale.ROOT));
			names.put(username, user == null || user.displayName().isBlank() ? username : user.displayName());
		}
		return names;
	}

	/** The accounts with these ids, for lists and exports that name the account linked to a record (set-based). */
	@Transactional(readOnly = true)
	public Map<Long, UserView> byIds(java.util.Collection<Long> ids) {
		List<Long> keys = ids.stream().distinct().toList();
		return keyed(keys.isEmpty() ? List.of() : viewsWhere("u.id IN (:keys)", keys), UserView::id);
	}

	private List<UserView> viewsWhere(String condition, List<?> keys) {
		return withRoles(jdbc.sql("SELECT u.* FROM identity_user u WHERE " + condition)
			.param("keys", keys)
			.query(UserManagement::row)
			.list());
	}

	private static <K> Map<K, UserView> keyed(List<UserView> views, java.util.function.Function<UserView, K> key) {
		Map<K, UserView> map = new HashMap<>();
		views.forEach(v -> map.put(key.apply(v), v));
		return map;
	}

	private UserView insert(NewUser request, String passwordHash) {
		String username = request.username().trim();
		if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
			throw ValidationFailedException.of("username", "identity.user.username.invalid");
		}
		if (users.existsByUsernameIgnoreCase(username)) {
			throw ValidationFailedException.of("username", "identity.user.username.taken", username);
		}
		User user = users.saveAndFlush(new User(username, request.displayName().trim(), blankToNull(request.email()),
				passwordHash, request.roles(), clock.instant()));
		audit.record("USER", user.userId(), "CREATE", null, user.auditState(), username);
		return user.view();
	}

	@Transactional
	public UserView update(CurrentUser actor, long id, UserChanges changes) {
		requireAdmin(actor);
		User user = load(id);
		if (user.version() != changes.version()) {
			throw new StaleVersionException(changes.version(), user.view());
		}
		if (actor.id().value() == id && !changes.roles().contains(Role.ADMIN)) {
			throw ValidationFailedException.of("roles", "identity.user.roles.keepOwnAdmin");
		}
		if (actor.id().value() == id && !changes.enabled()) {
			throw ValidationFailedException.of("enabled", "identity.user.enabled.notSelf");
		}
		Map<String, Object> before = user.auditState();
		Set<Role> previousRoles = user.roles();
		boolean wasEnabled = user.canSignIn();
		user.update(changes.displayName().trim(), blankToNull(changes.email()), changes.enabled(), changes.roles());
		StaleVersionException.guard(changes.version(), () -> users.saveAndFlush(user), () -> view(id));
		audit.record("USER", id, "UPDATE", before, user.auditState(), user.username());
		if (!previousRoles.equals(changes.roles()) || wasEnabled && !user.canSignIn()) {
			// What the open sessions and tokens were granted is no longer true: they end now.
			signIns.endAll(user, actor.id().value() == id);
		}
		for (Role role : changes.roles()) {
			if (!previousRoles.contains(role)) {
				audit.record("ROLE_GRANT", id, "GRANT", null, Map.of("role", role.name()), user.username() + " +" + role);
			}
		}
		for (Role role : previousRoles) {
			if (!changes.roles().contains(role)) {
				audit.record("ROLE_GRANT", id, "REVOKE", Map.of("role", role.name()), null, user.username() + " -" + role);
			}
		}
		return user.view();
	}

	@Transactional
	public void archive(CurrentUser actor, long id) {
		requireAdmin(actor);
		if (actor.id().value() == id) {
			throw new ConflictException("identity.user.archive.notSelf");
		}
		User user = load(id);
		Map<String, Object> before = user.auditState();
		user.archive();
		signIns.endAll(user, false);
		audit.record("USER", id, "ARCHIVE", before, user.auditState(), user.username());
	}

	@Transactional
	public void changePassword(CurrentUser actor, String currentPassword, String newPassword) {
		User user = load(actor.id().value());
		if (!passwords.matches(currentPassword, user.passwordHash())) {
			throw ValidationFailedException.of("currentPassword", "identity.password.current.wrong");
		}
		checkPassword("newPassword", newPassword);
		user.changePassword(passwords.encode(newPassword), clock.instant());
		signIns.endAll(user, true);
		audit.record("USER", user.userId(), "PASSWORD_CHANGE", null, null, user.username());
	}

	@Transactional
	public void preferLocale(UserId id, String locale) {
		users.findById(id.value()).ifPresent(user -> user.preferLocale(locale));
	}

	private void checkPassword(String field, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw ValidationFailedException.of(field, "identity.password.tooShort", MIN_PASSWORD_LENGTH);
		}
		// BCrypt reads at most 72 bytes: a longer password would be cut silently (or refused by the encoder).
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw ValidationFailedException.of(field, "identity.password.tooLong", MAX_PASSWORD_BYTES);
		}
	}

	/** The account as committed, read past the persistence context (after a write that lost a race). */
	private UserView view(long id) {
		UserRow row = jdbc.sql("SELECT u.* FROM identity_user u WHERE u.id = :id").param("id", id)
			.query(UserManagement::row)
			.single();
		return row.view(rolesOf(List.of(id)).getOrDefault(id, Set.of()));
	}

	private User load(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	private static void requireAdmin(CurrentUser actor) {
		if (!actor.has(Role.ADMIN)) {
			throw new AccessRefusedException("users");
		}
	}

	private Map<Long, Set<Role>> rolesOf(List<Long> ids) {
		Map<Long, Set<Role>> roles = new HashMap<>();
		if (ids.isEmpty()) {
			return roles;
		}
		jdbc.sql("SELECT user_id, role FROM identity_user_role WHERE user_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
			.list()
			.forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
		return roles;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private record UserRow(long id, long version, String username, String displayName, @Nullable String email,
			boolean enabled, boolean archived, @Nullable String locale, OffsetDateTime createdAt) {
		UserView view(Set<Role> roles) {
			return new UserView(id, version, username, displayName, email, enabled, archived, roles, locale,
					createdAt.toInstant());
		}
	}

	private static UserRow row(ResultSet rs, int n) throws SQLException {
		return new UserRow(rs.getLong("id"), rs.getLong("version"), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), rs.getBoolean("enabled"), rs.getBoolean("archived"),
				rs.getString("locale"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
