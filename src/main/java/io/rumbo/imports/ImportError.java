package io.rumbo.imports;

import org.jspecify.annotations.Nullable;

/** A problem in an import file: the row as a spreadsheet numbers it (the header is row 1), the column, the message. */
public record ImportError(long row, @Nullable String column, String message) {
}
