package io.rumbo.imports;

import java.util.List;

import io.rumbo.identity.CurrentUser;

/**
 * One kind of import, implemented by the module that owns the records. {@link #load} reads every row, reports each
 * problem to {@link ImportRows#error} and, only when the whole file is valid, writes it. The caller runs it in one
 * transaction and rolls everything back when any error was reported, so an importer may write as it goes.
 */
public interface Importer {

	/** The kind in URLs and file names: {@code products}, {@code service-cases}... */
	String kind();

	/** The columns, in the order of the sample file; required ones must be present in the header. */
	List<ImportColumn> columns();

	boolean mayImport(CurrentUser actor);

	/** Validates every row, then writes the valid file; answers what was created, updated or left unchanged. */
	ImportCounts load(CurrentUser actor, ImportRows rows);
}
