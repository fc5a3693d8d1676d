package io.rumbo.imports;

import org.jspecify.annotations.Nullable;

/**
 * How many records an import created, updated and found already as the file says, and optionally a note on what
 * the import did as a whole (a message key with its arguments, worded in the reader's language in the answer).
 */
public record ImportCounts(long created, long updated, long unchanged, @Nullable Note note) {

	public static final ImportCounts NONE = new ImportCounts(0, 0, 0);

	/** A sentence on the whole import: {@code key} is a message key of any module's bundle. */
	public record Note(String key, Object... arguments) {
	}

	public ImportCounts(long created, long updated, long unchanged) {
		this(created, updated, unchanged, null);
	}
}
