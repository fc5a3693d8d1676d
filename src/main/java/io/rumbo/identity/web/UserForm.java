package io.rumbo.identity.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.rumbo.identity.Role;
import io.rumbo.identity.UserView;

class UserForm {

	private long version;

	@NotBlank
	@Size(max = 64)
	private String username = "";

	@NotBlank
	@Size(max = 200)
	private String displayName = "";

	@Email
	@Size(max = 200)
	private @Nullable String email;

	private @Nullable String password;

	private boolean enabled = true;

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	static UserForm of(UserView user) {
		UserForm form = new UserForm();
		form.version = user.version();
		form.username = user.username();
		form.displayName = user.displayName();
		form.email = user.email();
		form.enabled = user.enabled();
		form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		return form;
	}

	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getDisplayName() { return displayName; }
	public void setDisplayName(String displayName) { this.displayName = displayName; }
	public @Nullable String getEmail() { return email; }
	public void setEmail(@Nullable String email) { this.email = email; }
	public @Nullable String getPassword() { return password; }
	public void setPassword(@Nullable String password) { this.password = password; }
	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public Set<Role> getRoles() { return roles; }
	public void setRoles(@Nullable Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
}
