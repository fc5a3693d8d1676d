package io.rumbo.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did, or, with errors, why it wrote nothing; {@code note}, when the kind gives one, says in the
 * reader's language what the import did as a whole (for quotas: the version the figures went into, or that the file
 * changes nothing).
 */
public record ImportSummary(String kind, boolean written, long rows, long created, long updated, long unchanged,
		List<ImportError> errors, @Nullable String note) {

	public ImportSummary(String kind, boolean written, long rows, long created, long updated, long unchanged,
			List<ImportError> errors) {
		this(kind, written, rows, created, updated, unchanged, errors, null);
	}

	public boolean failed() {
		return !errors.isEmpty();
	}
}
