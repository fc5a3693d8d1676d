package io.rumbo.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "User accounts and role grants (administrators)")
class UserRestController {

	record CreateUserRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			@Nullable @Email @Size(max = 200) String email, @NotBlank @Size(max = 200) String password,
			@NotNull Set<Role> roles) {
	}

	record UpdateUserRequest(@NotNull Long version, @NotBlank @Size(max = 200) String displayName,
			@Nullable @Email @Size(max = 200) String email, @NotNull Boolean enabled, @NotNull Set<Role> roles) {
	}

	record PasswordRequest(@NotBlank @Size(max = 200) String password) {
	}

	private final UserManagement users;

	UserRestController(UserManagement users) {
		this.users = users;
	}

	@GetMapping(produces = { "application/json" })
	@Operation(summary = "List users", description = "Filters: q (name, user name, e-mail), role, enabled, archived. "
			+ "Sort keys: username, displayName, createdAt. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<UserView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return users.list(actor, new UserManagement.Filter(q, role, enabled, archived),
				ListQuery.of(page, size, sort, UserManagement.SORTS, "username"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return UserExports.users(ExportFormat.fromAccept(accept), users, actor,
				new UserManagement.Filter(q, role, enabled, archived), sort);
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own account")
	UserView me(CurrentUser actor) {
		return users.get(actor, actor.id().value());
	}

	@GetMapping("/{id}")
	UserView get(CurrentUser actor, @PathVariable long id) {
		return users.get(actor, id);
	}

	@PostMapping
	ResponseEntity<UserView> create(CurrentUser actor, @Valid @RequestBody CreateUserRequest request) {
		UserView created = users.create(actor, new UserManagement.NewUser(request.username(), request.displayName(),
				request.email(), request.password(), request.roles()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the editable fields; carries the version read, a stale one answers 409")
	UserView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody UpdateUserRequest request) {
		return users.update(actor, id, new UserManagement.UserChanges(request.version(), request.displayName(),
				request.email(), request.enabled(), request.roles()));
	}

	@PutMapping("/{id}/password")
	@Operation(summary = "Give an account a password (administrators)", description = "The first password of an "
			+ "account opened by a staff import (decision 0012), or a new one for someone who forgot theirs; the "
			+ "person changes it on their account page. Ends the account's sessions and tokens.")
	ResponseEntity<Void> setPassword(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody PasswordRequest request) {
		users.setPassword(actor, id, request.password());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive a user: they can no longer sign in and their tokens are revoked")
	ResponseEntity<Void> archive(CurrentUser actor, @PathVariable long id) {
		users.archive(actor, id);
		return ResponseEntity.noContent().build();
	}
}
