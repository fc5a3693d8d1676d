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

	private final Map<String, Map<String, Long>> keys = new HashMap<>();

	private final Map<String, Integer> columns;
	private final List<ImportRow> rows;
	private final List<Problem> problems = new ArrayList<>();
	private final Progress progress;
	private final boolean dryRun;
	private long problemCount;

	ImportRows(List<String> header, List<ImportTable.Line> lines, Progress progress) {
		this(header, lines, progress, false);
	}

	ImportRows(List<String> header, List<ImportTable.Line> lines, Progress progress, boolean dryRun) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		this.columns = index;
		List<ImportRow> list = new ArrayList<>(lines.size());
		for (ImportTable.Line line : lines) {
			list.add(new ImportRow(this, line.number(), line.cells()));
		}
		this.rows = Collections.unmodifiableList(list);
		this.progress = progress;
		this.dryRun = dryRun;
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
	 * the file. May be called more than once (a check pass, then a write pass).
	 */
	public void chunks(int size, java.util.function.Consumer<List<ImportRow>> action) {
		if (size < 1) {
			throw new IllegalArgumentException("chunk size " + size);
		}
		for (int from = 0; from < rows.size(); from += size) {
			action.accept(rows.subList(from, Math.min(rows.size(), from + size)));
		}
	}

	public List<ImportRow> rows() {
		return rows;
	}

	public int size() {
		return rows.size();
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
		Long first = keys.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(key, row.number());
		if (first != null) {
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
		if (done % 1000 == 0 || done == rows.size()) {
			progress.update(phase, done, rows.size());
		}
	}
}
