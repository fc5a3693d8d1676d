package io.rumbo.people.web;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ValidationFailedException;

/** What several people API requests share: a version for optimistic locking, archiving, a required field. */
final class ApiRequests {

	private ApiRequests() {
	}

	record VersionRequest(@NotNull Long version) {
	}

	record ArchiveRequest(@NotNull Long version, @Nullable Boolean archived) {
	}

	/** Withdrawing a person's qualification: the version read and why (kept in the audit trail). */
	record WithdrawRequest(@NotNull Long version, @Nullable String reason) {
	}

	static long required(@Nullable Long value, String field) {
		if (value == null) {
			throw ValidationFailedException.of(field, "shared.validation.required");
		}
		return value;
	}
}
