package io.rumbo.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of an import file as an importer reads them, and the problems it finds. Errors carry a message key and
 * arguments; the import service words them in the reader's language when it answers.
 */
public final class ImportRows {

	/** An error before it is worded; {@code key} is a message key of any module's bundle. */
	public record Problem(long row, @Nullable String column, String key, Object[] arguments) {
	}

	/** Reports how far an import has gone; {@code phase} is a message key. */
	public interface Progress {

		Progress NONE = (phase, done, total) -> {
		};

		void update(String phase, long done, long total);
	}

	static final int MAX_PROBLEMS = 1000;

	/** What writing one record did. */
	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	/** Writes one checked record through its module's facade and says what it did. */
	@FunctionalInterface
	public interface Writer<T> {

		Outcome write(T item);
	}

	/**
	 * An importer asked for the whole file ({@link #rows()}) of a file longer than the row limit; the import answers
	 * a worded error instead of filling the memory.
	 */
	static final class TooManyRowsException extends RuntimeException {

		final long rows;
		final int limit;

		TooManyRowsException(long rows, int limit) {
			super("The file has " + rows + " rows; at most " + limit + " are read whole");
			this.rows = rows;
			this.limit = limit;
		}
	}

	private final UniqueKeys keys = new UniqueKeys();

	private final Map<String, Integer> columns;
	private final ImportFiles.Source source;
	private final int maxRows;
	private @Nullable List<ImportRow> rows;
	private final List<Problem> problems = new ArrayList<>();
	private final Progress progress;
	private final boolean dryRun;
	private final @Nullable String reason;
	private long problemCount;

	ImportRows(ImportFiles.Source source, Progress progress, boolean dryRun, int maxRows) {
		this(source, progress, dryRun, maxRows, null);
	}

	ImportRows(ImportFiles.Source source, Progress progress, boolean dryRun, int maxRows, @Nullable String reason) {
		Map<String, Integer> index = new HashMap<>();
		List<String> header = source.header();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		this.columns = index;
		this.source = source;
		this.maxRows = maxRows;
		this.progress = progress;
		this.dryRun = dryRun;
		this.reason = reason == null || reason.isBlank() ? null : reason.strip();
	}

	/**
	 * Why the file is imported, as the importing user wrote it (blank: none). Kinds whose changes need a reason once
	 * they bind (quotas after publication) take it from here; every import keeps it in its audit entry.
	 */
	public @Nullable String reason() {
		return reason;
	}

	/**
	 * True when the file is only checked: an importer checks every row as for a real import but writes nothing
	 * (and takes nothing, such as order numbers), so a dry run costs the checks only.
	 */
	public boolean dryRun() {
		return dryRun;
	}

	/**
	 * Hands the rows to {@code action} in file order, {@code size} at a time. Importers that resolve references or
	 * compare with stored records do it per chunk, in set-based queries, so their memory follows the chunk and not
	 * the file: each call reads the file again from disk. May be called more than once (a check pass, then a write
	 * pass). Not limited by the row limit of {@link #rows()}.
	 */
	public void chunks(int size, java.util.function.Consumer<List<ImportRow>> action) {
		if (size < 1) {
			throw new IllegalArgumentException("chunk size " + size);
		}
		List<ImportRow> all = rows;
		if (all != null) {
			for (int from = 0; from < all.size(); from += size) {
				action.accept(all.subList(from, Math.min(all.size(), from + size)));
			}
			return;
		}
		List<ImportRow> chunk = new ArrayList<>(Math.min(size, 10_000));
		source.read((number, cells) -> {
			chunk.add(new ImportRow(this, number, cells));
			if (chunk.size() == size) {
				action.accept(Collections.unmodifiableList(new ArrayList<>(chunk)));
				chunk.clear();
			}
		});
		if (!chunk.isEmpty()) {
			action.accept(Collections.unmodifiableList(new ArrayList<>(chunk)));
		}
	}

	/**
	 * Every row at once, for the kinds whose files are small (products, contacts, visits...). A file over the row
	 * limit ({@code rumbo.imports.max-rows}) is refused with an error naming its row count and the limit; kinds
	 * that import large files read them with {@link #chunks} instead.
	 */
	public List<ImportRow> rows() {
		List<ImportRow> all = rows;
		if (all == null) {
			if (source.count() > maxRows) {
				throw new TooManyRowsException(source.count(), maxRows);
			}
			List<ImportRow> list = new ArrayList<>((int) source.count());
			source.read((number, cells) -> list.add(new ImportRow(this, number, cells)));
			all = Collections.unmodifiableList(list);
			rows = all;
		}
		return all;
	}

	/** The number of rows after the header (blank rows left out), from a first counting pass over the file. */
	public int size() {
		return (int) Math.min(Integer.MAX_VALUE, source.count());
	}

	boolean decimalComma() {
		return source.decimalComma();
	}

	public boolean hasColumn(String name) {
		return columns.containsKey(name);
	}

	int indexOf(String column) {
		Integer index = columns.get(column);
		return index == null ? -1 : index;
	}

	public void error(long row, @Nullable String column, String key, Object... arguments) {
		problemCount++;
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(new Problem(row, column, key, arguments));
		}
	}

	/**
	 * Records that a row carries this key in this column (an external id, a SKU); a key seen before is an error
	 * naming the row it was first seen in. {@code key} is what is compared, {@code value} what the error shows.
	 */
	void unique(ImportRow row, String column, String value, String key) {
		long first = keys.firstRow(column, key, value, row.number());
		if (first > 0) {
			row.error(column, "imports.error.duplicate", value, first);
		}
	}

	/**
	 * Writes every checked record, counting what was created, updated or left unchanged. A record the facade refuses
	 * (a rule the check did not know, a record outside the user's scope, or a change the record's current state
	 * refuses, such as moving the day a visit was done) is reported on its row, the fields named by the file's
	 * columns (a refused change names the whole row, with the facade's own message); the caller rolls the whole
	 * import back then.
	 */
	public <T> ImportCounts write(List<T> items, java.util.function.Function<T, ImportRow> rowOf,
			Map<String, String> columnOfField, String scopeColumn, Writer<T> writer) {
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		int done = 0;
		for (T item : items) {
			progress("imports.phase.writing", ++done);
			ImportRow row = rowOf.apply(item);
			try {
				switch (writer.write(item)) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (io.rumbo.shared.domain.ValidationFailedException ex) {
				ex.errors().forEach(e -> row.error(columnOfField.getOrDefault(e.field(), e.field()), e.messageKey(),
						e.arguments()));
			}
			catch (io.rumbo.shared.domain.AccessRefusedException ex) {
				row.error(scopeColumn, "imports.error.outOfScope");
			}
			catch (io.rumbo.shared.domain.ConflictException ex) {
				error(row.number(), null, ex.messageKey(), ex.arguments());
			}
		}
		return new ImportCounts(created, updated, unchanged);
	}

	/** Reports the repeated keys found only once every key was seen (those past the in-memory bound). */
	void finishKeys() {
		keys.finish().forEach(r -> error(r.row(), r.column(), "imports.error.duplicate", r.value(), r.first()));
	}

	/** Deletes the temporary files of the key check. */
	void close() {
		keys.close();
	}

	public boolean hasErrors() {
		return problemCount > 0;
	}

	public long errorCount() {
		return problemCount;
	}

	public List<Problem> problems() {
		return Collections.unmodifiableList(problems);
	}

	/** Reports progress every thousand rows and at the end of a phase, so callers may call it on every row. */
	public void progress(String phase, long done) {
		if (done % 1000 == 0 || done == source.count()) {
			progress.update(phase, done, source.count());
		}
	}
}
