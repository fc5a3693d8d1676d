package io.rumbo.imports;

import org.jspecify.annotations.Nullable;

/**
 * Neutralises user text (file names, cell values, encodings) before it reaches the log, so a file named
 * {@code "a.csv\n2026-01-01 INFO forged line"} cannot forge log lines: CR, LF, tabs and every other control or
 * line/paragraph separator character are written as escapes, and long values are cut.
 */
public final class ImportLog {

	private static final int MAX_LENGTH = 300;

	private ImportLog() {
	}

	public static String safe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
		for (int i = 0; i < text.length(); i++) {
			if (out.length() >= MAX_LENGTH) {
				out.append("...");
				break;
			}
			char c = text.charAt(i);
			switch (c) {
				case '\r' -> out.append("\\r");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\\' -> out.append("\\\\");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
							|| Character.getType(c) == Character.FORMAT) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
