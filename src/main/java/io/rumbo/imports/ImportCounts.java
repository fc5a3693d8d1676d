package io.rumbo.imports;

/** How many records an import created, updated and found already as the file says. */
public record ImportCounts(long created, long updated, long unchanged) {

	public static final ImportCounts NONE = new ImportCounts(0, 0, 0);
}
