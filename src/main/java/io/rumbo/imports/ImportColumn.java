package io.rumbo.imports;

/** A column of an import file; {@code required} columns must be in the header and filled on every row. */
public record ImportColumn(String name, boolean required) {

	public static ImportColumn required(String name) {
		return new ImportColumn(name, true);
	}

	public static ImportColumn optional(String name) {
		return new ImportColumn(name, false);
	}
}
