package io.rumbo.people.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import io.rumbo.people.PeopleFiles;

/**
 * How the module hands out and takes in files (decision 0040): a download is always an attachment, of the type detected
 * at upload, with {@code X-Content-Type-Options: nosniff} and not cached by shared caches; an upload is the multipart
 * part as the file store reads it.
 */
final class FileResponses {

	private FileResponses() {
	}

	static ResponseEntity<byte[]> attachment(PeopleFiles.Download file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.contentLength(file.content().length)
			.body(file.content());
	}

	/** {@code attachment} with an ASCII {@code filename} for old clients and the exact name as {@code filename*}. */
	static String disposition(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
		String exact = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
		return "attachment; filename=\"" + ascii + "\"; " + exact.substring(exact.indexOf("filename*="));
	}

	static PeopleFiles.Upload upload(MultipartFile file) {
		return new PeopleFiles.Upload(file.getOriginalFilename(), file.getSize(), file);
	}
}
