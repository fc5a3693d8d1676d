package io.rumbo.identity.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserView;
import io.rumbo.shared.domain.ConflictException;

@Entity
@Table(name = "identity_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	private String displayName;

	private @Nullable String email;

	private String passwordHash;

	private boolean enabled;

	private boolean archived;

	private @Nullable String locale;

	private Instant createdAt;

	private Instant passwordChangedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "identity_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected User() {
		this.username = "";
		this.displayName = "";
		this.passwordHash = "";
		this.createdAt = Instant.EPOCH;
		this.passwordChangedAt = Instant.EPOCH;
	}

	public User(String username, String displayName, @Nullable String email, String passwordHash, Set<Role> roles,
			Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = true;
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	public void update(String displayName, @Nullable String email, boolean enabled, Set<Role> roles) {
		this.displayName = displayName;
		this.email = email;
		this.enabled = enabled;
		this.roles.clear();
		this.roles.addAll(roles);
	}

	public void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
	}

	public void preferLocale(@Nullable String locale) {
		this.locale = locale;
	}

	/** Archived users cannot sign in; the row stays so that audit lines and records keep their author. */
	/** The account is closed for good; closing it again is refused. */
	public void archive() {
		if (archived) {
			throw new ConflictException("identity.user.alreadyArchived");
		}
		this.archived = true;
		this.enabled = false;
	}

	public boolean canSignIn() {
		return enabled && !archived;
	}

	public UserId userId() {
		if (id == null) {
			throw new IllegalStateException("User not saved yet");
		}
		return new UserId(id);
	}

	public UserView view() {
		return new UserView(userId().value(), version, username, displayName, email, enabled, archived,
				Set.copyOf(roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles)), locale, createdAt);
	}

	/** What the audit trail records: every editable field, never the password hash. */
	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", username);
		state.put("displayName", displayName);
		state.put("email", email);
		state.put("enabled", enabled);
		state.put("archived", archived);
		state.put("roles", new TreeSet<>(roles.stream().map(Enum::name).toList()));
		return state;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public Set<Role> roles() {
		return Set.copyOf(roles);
	}

	public @Nullable String locale() {
		return locale;
	}

	public long version() {
		return version;
	}

	public boolean archived() {
		return archived;
	}
}
