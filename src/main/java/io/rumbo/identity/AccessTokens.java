package io.rumbo.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.domain.ApiToken;
import io.rumbo.identity.domain.ApiTokenRepository;
import io.rumbo.identity.domain.User;
import io.rumbo.identity.domain.UserRepository;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Personal access tokens for the API. A token is 32 random bytes shown once; the database keeps only its
 * SHA-256 hash (the secret has full entropy, so a slow password hash would add nothing but latency).
 */
@Service
public class AccessTokens {

	public static final String PREFIX = "rmb_";
	public static final int MAX_DAYS = 365;

	public record IssuedToken(long id, String name, String token, @Nullable Instant expiresAt) {
	}

	public record TokenView(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean active) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	private final ApiTokenRepository tokens;
	private final UserRepository users;
	private final AuditTrail audit;
	private final Clock clock;
	private final Duration defaultLifetime;

	AccessTokens(ApiTokenRepository tokens, UserRepository users, AuditTrail audit, Clock clock,
			@Value("${rumbo.tokens.default-lifetime:90d}") Duration defaultLifetime) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.defaultLifetime = defaultLifetime;
	}

	/** @param expiresInDays 1 to 365, or {@code null} for the configured default lifetime */
	@Transactional
	public IssuedToken issue(UserId user, String name, @Nullable Integer expiresInDays) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw ValidationFailedException.of("name", "identity.token.name.invalid");
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
			throw ValidationFailedException.of("expiresInDays", "identity.token.expiresInDays.invalid", MAX_DAYS);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(expiresInDays == null ? defaultLifetime : Duration.ofDays(expiresInDays));
		ApiToken saved = tokens.save(new ApiToken(user.value(), name.trim(), hash(token),
				token.substring(0, PREFIX.length() + 6), now, expiresAt));
		audit.record("API_TOKEN", saved.id(), "CREATE", null, java.util.Map.of("name", saved.name(), "userId",
				user.value(), "expiresAt", String.valueOf(expiresAt)), saved.name());
		return new IssuedToken(saved.id(), saved.name(), token, expiresAt);
	}

	@Transactional(readOnly = true)
	public List<TokenView> list(UserId user) {
		Instant now = clock.instant();
		return tokens.findByUserIdOrderByCreatedAtDesc(user.value()).stream().map(t -> view(t, now)).toList();
	}

	@Transactional
	public void revoke(CurrentUser actor, long tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(t -> t.userId() == actor.id().value())
			.orElseThrow(() -> new NotFoundException("token", tokenId));
		token.revoke(clock.instant());
		audit.record("API_TOKEN", tokenId, "REVOKE", null, null, token.name());
	}

	/** The user a bearer token stands for, when the token is known, unrevoked, unexpired and its user may sign in. */
	@Transactional
	public Optional<CurrentUser> authenticate(String rawToken) {
		if (rawToken == null || !rawToken.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findByTokenHash(hash(rawToken)).filter(t -> t.usableAt(now)).flatMap(token -> {
			// Recording every use would write on every API call; a minute's precision is enough to spot stale tokens.
			if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
				token.usedAt(now);
			}
			return users.findById(token.userId()).filter(User::canSignIn).map(AccessTokens::currentUser);
		});
	}

	static CurrentUser currentUser(User user) {
		return new CurrentUser(user.userId(), user.username(), user.displayName(), user.roles());
	}

	private static TokenView view(ApiToken token, Instant now) {
		return new TokenView(token.id(), token.name(), token.tokenPrefix(), token.createdAt(), token.expiresAt(),
				token.lastUsedAt(), token.revokedAt(), token.usableAt(now));
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
