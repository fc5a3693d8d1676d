package io.rumbo.shared.web;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A page's "go back to" parameter: only a path of this application, and never one carrying control characters (a CR
 * or LF would split the redirect's header). Check it before the change the request makes, so a refused target writes
 * nothing.
 */
public final class LocalRedirects {

	private LocalRedirects() {
	}

	/** {@code back} when it is a local path, {@code fallback} when absent; anything else is refused (400). */
	public static String checked(@Nullable String back, String fallback, String field) {
		if (back == null || back.isEmpty()) {
			return fallback;
		}
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\");
		if (!local || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw ValidationFailedException.of(field, "shared.validation.localPath");
		}
		return back;
	}
}
