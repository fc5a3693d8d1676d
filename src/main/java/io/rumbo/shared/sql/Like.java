package io.rumbo.shared.sql;

import java.util.Locale;

/**
 * The one way to turn a user's search text into a {@code LIKE} pattern: the text matches literally, so {@code %} and
 * {@code _} typed by the user are not wildcards. Backslash is the escape character, the default of both PostgreSQL
 * and H2 (no {@code ESCAPE} clause needed); the pattern is lower-cased for {@code LOWER(column) LIKE :q}.
 */
public final class Like {

	private Like() {
	}

	/** {@code %text%}, lower-cased and trimmed, with the text's own wildcards and backslashes escaped. */
	public static String containing(String text) {
		return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
	}

	/** The text with {@code \}, {@code %} and {@code _} escaped by a backslash. */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '%' || c == '_') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}
}
