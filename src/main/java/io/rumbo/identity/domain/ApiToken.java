package io.rumbo.identity.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A personal access token. The secret is shown once at creation; only its SHA-256 hash is kept. */
@Entity
@Table(name = "identity_api_token")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long userId;

	private String name;

	private String tokenHash;

	private String tokenPrefix;

	private Instant createdAt;

	private @Nullable Instant expiresAt;

	private @Nullable Instant lastUsedAt;

	private @Nullable Instant revokedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = "";
		this.tokenPrefix = "";
		this.createdAt = Instant.EPOCH;
	}

	public ApiToken(long userId, String name, String tokenHash, String tokenPrefix, Instant createdAt,
			@Nullable Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	public boolean hasHash(String hash) {
		return tokenHash.equals(hash);
	}

	public void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	public void usedAt(Instant now) {
		lastUsedAt = now;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long userId() {
		return userId;
	}

	public String name() {
		return name;
	}

	public String tokenPrefix() {
		return tokenPrefix;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant expiresAt() {
		return expiresAt;
	}

	public @Nullable Instant lastUsedAt() {
		return lastUsedAt;
	}

	public @Nullable Instant revokedAt() {
		return revokedAt;
	}
}
