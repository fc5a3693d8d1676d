package io.rumbo.identity.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.AccessTokens;
import io.rumbo.identity.AccessTokens.IssuedToken;
import io.rumbo.identity.AccessTokens.TokenView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.security.SignInRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "Access tokens", description = "Personal access tokens for the API")
class TokenRestController {

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank String password,
			@NotBlank @Size(max = 100) String name, @Nullable @Min(1) @Max(365) Integer expiresInDays) {
	}

	private final AccessTokens tokens;
	private final AuthenticationManager authentication;
	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	TokenRestController(AccessTokens tokens, AuthenticationManager authentication) {
		this.tokens = tokens;
		this.authentication = authentication;
	}

	@PostMapping
	@Operation(summary = "Create a token with a user name and password; the token is shown only in this answer")
	ResponseEntity<IssuedToken> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(request.username(), request.password());
		attempt.setDetails(details.buildDetails(http));
		Authentication signedIn;
		try {
			signedIn = authentication.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			throw new SignInRefusedException(ex);
		}
		CurrentUser user = ((io.rumbo.identity.security.RumboPrincipal) signedIn.getPrincipal()).user();
		IssuedToken issued = tokens.issue(user.id(), request.name(), request.expiresInDays());
		return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + issued.id()))
			.body(issued);
	}

	@GetMapping
	@Operation(summary = "The caller's tokens (never their secrets)")
	List<TokenView> list(CurrentUser user) {
		return tokens.list(user.id());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of the caller's tokens")
	ResponseEntity<Void> revoke(@PathVariable long id, CurrentUser user) {
		tokens.revoke(user, id);
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}
}
