package io.rumbo.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Runs an import: reads the file, checks its header, lets the kind's importer check and write every row inside one
 * transaction, and rolls the transaction back when any row failed (or on a dry run), so a file is written whole or
 * not at all. Errors come back worded in the caller's language with their row and column.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private final Map<String, Importer> importers = new LinkedHashMap<>();
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final ImportSettings settings;

	ImportService(List<Importer> importers, PlatformTransactionManager transactions, MessageSource messages,
			AuditTrail audit, ImportSettings settings) {
		this.settings = settings;
		importers.forEach(i -> this.importers.put(i.kind(), i));
		this.transactions = new TransactionTemplate(transactions);
		this.messages = messages;
		this.audit = audit;
	}

	public ImportSettings settings() {
		return settings;
	}

	/** The kinds this installation imports, with their columns, in a stable order. */
	public List<Importer> kinds() {
		return importers.values().stream().sorted(java.util.Comparator.comparing(Importer::kind)).toList();
	}

	public Importer kind(String kind) {
		Importer importer = importers.get(kind);
		if (importer == null) {
			throw new NotFoundException("importKind", kind);
		}
		return importer;
	}

	/** Refuses early (before a file is read) when the user may not import this kind. */
	public Importer check(CurrentUser actor, String kind) {
		Importer importer = kind(kind);
		if (!importer.mayImport(actor)) {
			throw new AccessRefusedException("imports");
		}
		return importer;
	}

	/** As {@link #run(CurrentUser, String, ImportUpload, Locale, boolean, ImportRows.Progress)}, for a UTF-8 file in memory. */
	public ImportSummary run(CurrentUser actor, String kind, String fileName, byte[] content, Locale locale,
			boolean dryRun, ImportRows.Progress progress) {
		return run(actor, kind, fileName, content, locale, dryRun, null, progress);
	}

	/** As above, with the reason the user gives for the import ({@link ImportRows#reason()}). */
	public ImportSummary run(CurrentUser actor, String kind, String fileName, byte[] content, Locale locale,
			boolean dryRun, @Nullable String reason, ImportRows.Progress progress) {
		try (ImportUpload upload = ImportUpload.of(fileName, content, null)) {
			return run(actor, kind, upload, locale, dryRun, reason, progress);
		}
	}

	/**
	 * Imports the spooled upload. The caller keeps it and closes it (which deletes the file) once this returns. The
	 * file is read from disk: once to count its rows (and, for a CSV, to check its encoding), then by the importer.
	 */
	public ImportSummary run(CurrentUser actor, String kind, ImportUpload upload, Locale locale, boolean dryRun,
			ImportRows.Progress progress) {
		return run(actor, kind, upload, locale, dryRun, null, progress);
	}

	/** As above, with the reason the user gives for the import ({@link ImportRows#reason()}). */
	public ImportSummary run(CurrentUser actor, String kind, ImportUpload upload, Locale locale, boolean dryRun,
			@Nullable String reason, ImportRows.Progress progress) {
		Importer importer = check(actor, kind);
		String fileName = upload.fileName();
		progress.update("imports.phase.reading", 0, 0);
		ImportFiles.Source source;
		try {
			source = ImportFiles.open(upload.file(), fileName, upload.charset());
		}
		catch (ImportFiles.BadEncodingException ex) {
			log.info("Import file {} is not valid {} from line {}", ImportLog.safe(fileName), ex.charset(), ex.line());
			return failed(kind, 0, List.of(new ImportRows.Problem(ex.line(), null, "imports.error.encoding",
					new Object[] { ex.charset(), ex.line() })), 1, locale);
		}
		catch (ImportFiles.UnreadableFileException ex) {
			log.info("Unreadable import file {}: {}", ImportLog.safe(fileName), ImportLog.safe(ex.getCause()));
			return failed(kind, 0, List.of(new ImportRows.Problem(1, null, "imports.error.unreadable", new Object[0])),
					1, locale);
		}
		ImportRows rows = new ImportRows(source, progress, dryRun, settings.maxRows(), reason);
		try {
			return run(actor, kind, importer, fileName, rows, source.header(), locale, dryRun, progress);
		}
		finally {
			rows.close();
		}
	}

	private ImportSummary run(CurrentUser actor, String kind, Importer importer, String fileName, ImportRows rows,
			List<String> header, Locale locale, boolean dryRun, ImportRows.Progress progress) {
		checkHeader(importer, header, rows);
		if (rows.hasErrors()) {
			return failed(kind, rows.size(), rows.problems(), rows.errorCount(), locale);
		}
		if (rows.size() == 0) {
			rows.error(2, null, "imports.error.empty");
			return failed(kind, 0, rows.problems(), rows.errorCount(), locale);
		}
		ImportCounts counts = transactions.execute(status -> {
			ImportCounts result;
			try {
				result = importer.load(actor, rows);
				rows.finishKeys();
			}
			catch (ValidationFailedException ex) {
				ex.errors().forEach(e -> rows.error(1, e.field(), e.messageKey(), e.arguments()));
				result = ImportCounts.NONE;
			}
			catch (ImportRows.TooManyRowsException ex) {
				rows.error(1, null, "imports.error.tooManyRows", ex.rows, ex.limit);
				result = ImportCounts.NONE;
			}
			if (rows.hasErrors() || dryRun) {
				status.setRollbackOnly();
			}
			else {
				Map<String, Object> details = new LinkedHashMap<>(Map.of("file", fileName, "rows", rows.size(), "created",
						result.created(), "updated", result.updated(), "unchanged", result.unchanged()));
				if (rows.reason() != null) {
					details.put("reason", rows.reason());
				}
				audit.record("IMPORT", kind, "IMPORT", null, details, fileName);
			}
			return result;
		});
		if (rows.hasErrors()) {
			return failed(kind, rows.size(), rows.problems(), rows.errorCount(), locale);
		}
		progress.update("imports.phase.done", rows.size(), rows.size());
		ImportCounts.Note note = counts.note();
		return new ImportSummary(kind, !dryRun, rows.size(), counts.created(), counts.updated(), counts.unchanged(),
				List.of(), note == null ? null : word(note.key(), note.arguments(), locale));
	}

	private static void checkHeader(Importer importer, List<String> header, ImportRows rows) {
		Set<String> known = new HashSet<>();
		importer.columns().forEach(c -> known.add(c.name()));
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (column.isEmpty()) {
				continue;
			}
			if (!known.contains(column)) {
				rows.error(1, column, "imports.error.unknownColumn", String.join(", ", known.stream().sorted().toList()));
			}
			else if (!seen.add(column)) {
				rows.error(1, column, "imports.error.repeatedColumn");
			}
		}
		for (ImportColumn column : importer.columns()) {
			if (column.required() && !seen.contains(column.name())) {
				rows.error(1, column.name(), "imports.error.missingColumn");
			}
		}
	}

	private ImportSummary failed(String kind, long size, List<ImportRows.Problem> problems, long total, Locale locale) {
		List<ImportError> errors = new ArrayList<>();
		problems.stream()
			.sorted(java.util.Comparator.comparingLong(ImportRows.Problem::row))
			.forEach(p -> errors.add(new ImportError(p.row(), p.column(), word(p.key(), p.arguments(), locale))));
		if (total > problems.size()) {
			errors.add(new ImportError(0, null, word("imports.error.more", new Object[] { total - problems.size() },
					locale)));
		}
		return new ImportSummary(kind, false, size, 0, 0, 0, List.copyOf(errors));
	}

	private String word(String key, Object[] arguments, Locale locale) {
		try {
			return messages.getMessage(key, arguments, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
	}
}
