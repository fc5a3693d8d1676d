package io.rumbo.shared.export;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A streamed download of a list in CSV or XLSX, written row by row by the caller. */
public final class Exports {

	private Exports() {
	}

	public static TableWriter open(ExportFormat format, OutputStream out, List<String> header) {
		return open(format, out, header, ExportStyle.API);
	}

	public static TableWriter open(ExportFormat format, OutputStream out, List<String> header, ExportStyle style) {
		return format == ExportFormat.XLSX ? XlsxExport.to(out, header, style) : CsvExport.to(out, header, style);
	}

	/** A value from a fixed list, written as its name for programs and as {@code prefix + name} translated for people. */
	public static ExportStyle.@Nullable Label label(String prefix, @Nullable Enum<?> value) {
		return value == null ? null : new ExportStyle.Label(prefix + value.name(), value.name());
	}

	/** A download in the style of the current request ({@link ExportStyle#current()}). */
	public static ResponseEntity<StreamingResponseBody> download(ExportFormat format, String baseName,
			List<String> header, Consumer<TableWriter> rows) {
		return download(format, ExportStyle.current(), baseName, header, rows);
	}

	public static ResponseEntity<StreamingResponseBody> download(ExportFormat format, ExportStyle style,
			String baseName, List<String> header, Consumer<TableWriter> rows) {
		var type = format == ExportFormat.CSV
				? new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
				: format.mediaType();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(baseName + "." + format.extension()).build().toString())
			.contentType(type)
			.body(out -> {
				try (TableWriter writer = open(format, out, header, style)) {
					rows.accept(writer);
				}
			});
	}

	/**
	 * A sink that gathers rows into batches of {@link ExportCursor#BATCH} and hands each batch to {@code batch} (which
	 * looks up what the rows refer to, once per batch); {@link Batches#flush()} hands on the last one.
	 */
	public static <T> Batches<T> batched(Consumer<java.util.List<T>> batch) {
		return new Batches<>(batch);
	}

	public static final class Batches<T> implements Consumer<T> {

		private final Consumer<java.util.List<T>> batch;
		private final java.util.List<T> rows = new java.util.ArrayList<>();

		private Batches(Consumer<java.util.List<T>> batch) {
			this.batch = batch;
		}

		@Override
		public void accept(T row) {
			rows.add(row);
			if (rows.size() == ExportCursor.BATCH) {
				flush();
			}
		}

		public void flush() {
			if (!rows.isEmpty()) {
				batch.accept(java.util.List.copyOf(rows));
				rows.clear();
			}
		}
	}
}
