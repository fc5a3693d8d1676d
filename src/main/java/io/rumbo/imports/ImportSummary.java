package io.rumbo.imports;

import java.util.List;

/** What an import did, or, with errors, why it wrote nothing. */
public record ImportSummary(String kind, boolean written, long rows, long created, long updated, long unchanged,
		List<ImportError> errors) {

	public boolean failed() {
		return !errors.isEmpty();
	}
}
