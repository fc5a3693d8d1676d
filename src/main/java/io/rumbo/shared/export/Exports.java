package io.rumbo.shared.export;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A streamed download of a list in CSV or XLSX, written row by row by the caller. */
public final class Exports {

	private Exports() {
	}

	public static TableWriter open(ExportFormat format, OutputStream out, List<String> header) {
		return format == ExportFormat.XLSX ? XlsxExport.to(out, header) : CsvExport.to(out, header);
	}

	public static ResponseEntity<StreamingResponseBody> download(ExportFormat format, String baseName,
			List<String> header, Consumer<TableWriter> rows) {
		var type = format == ExportFormat.CSV
				? new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
				: format.mediaType();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(baseName + "." + format.extension()).build().toString())
			.contentType(type)
			.body(out -> {
				try (TableWriter writer = open(format, out, header)) {
					rows.accept(writer);
				}
			});
	}

	/**
	 * Walks a list a page of 500 at a time, in the given order, handing every row to {@code row}: for lists whose
	 * query pages but does not stream. {@code page} answers the page with the given number.
	 */
	public static <T> void eachPage(java.util.function.IntFunction<io.rumbo.shared.web.PageResponse<T>> page,
			Consumer<T> row) {
		for (int number = 0;; number++) {
			io.rumbo.shared.web.PageResponse<T> chunk = page.apply(number);
			chunk.content().forEach(row);
			if (!chunk.hasNext()) {
				return;
			}
		}
	}

	/** A page of {@link #eachPage} with the sort of the list being exported. */
	public static io.rumbo.shared.web.ListQuery page(int number, io.rumbo.shared.web.ListQuery sorted) {
		return new io.rumbo.shared.web.ListQuery(number, 500, sorted.orders());
	}
}
