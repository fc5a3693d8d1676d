package io.rumbo.shared.web;

import java.io.OutputStream;
import java.util.function.Consumer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A streamed CSV download with a file name. */
public final class CsvResponses {

	public static final String TEXT_CSV = "text/csv";

	private CsvResponses() {
	}

	public static ResponseEntity<StreamingResponseBody> attachment(String fileName, Consumer<OutputStream> writer) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(writer::accept);
	}
}
