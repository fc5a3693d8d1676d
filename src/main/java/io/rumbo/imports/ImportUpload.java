package io.rumbo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * An uploaded file spooled to a temporary file, so an import's memory does not follow the upload's size. Whoever
 * holds it closes it, which deletes the file (also after a failure). {@code charset} is the encoding the sender
 * stated for a CSV; without one a CSV must be UTF-8.
 */
public final class ImportUpload implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ImportUpload.class);

	/** The upload is over the size limit; answered 413 with the limit. */
	public static final class TooLargeException extends RuntimeException {

		private final long limit;

		public TooLargeException(long limit) {
			super("Upload over " + limit + " bytes");
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}
	}

	private final Path file;
	private final String fileName;
	private final @Nullable Charset charset;

	private ImportUpload(Path file, String fileName, @Nullable Charset charset) {
		this.file = file;
		this.fileName = fileName;
		this.charset = charset;
	}

	/**
	 * Copies {@code in} to a temporary file, refusing it with {@link TooLargeException} as soon as it passes
	 * {@code maxBytes} (the rest is not read). The file is deleted when this fails.
	 */
	public static ImportUpload spool(InputStream in, String fileName, @Nullable Charset charset, long maxBytes)
			throws IOException {
		Path file = Files.createTempFile("rumbo-import-", ".upload");
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) >= 0) {
				total += n;
				if (total > maxBytes) {
					throw new TooLargeException(maxBytes);
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			throw ex;
		}
		return new ImportUpload(file, fileName, charset);
	}

	/** Takes over a file already on disk (a multipart part moved there); it is deleted on close. */
	public static ImportUpload adopt(Path file, String fileName, @Nullable Charset charset) {
		return new ImportUpload(file, fileName, charset);
	}

	/** An upload held in memory (tests, callers inside the application); no size limit applies. */
	public static ImportUpload of(String fileName, byte[] content, @Nullable Charset charset) {
		try {
			Path file = Files.createTempFile("rumbo-import-", ".upload");
			try {
				Files.write(file, content);
			}
			catch (IOException ex) {
				delete(file);
				throw ex;
			}
			return new ImportUpload(file, fileName, charset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The encoding the sender stated: the {@code encoding} field wins over the Content-Type's {@code charset}; null
	 * when neither is given. An encoding Java does not know is refused as a bad value of the {@code encoding} field.
	 */
	public static @Nullable Charset statedCharset(@Nullable String encoding, @Nullable String contentTypeCharset) {
		String name = encoding != null && !encoding.isBlank() ? encoding.trim()
				: contentTypeCharset != null && !contentTypeCharset.isBlank() ? contentTypeCharset.trim() : null;
		if (name == null) {
			return null;
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw ValidationFailedException.of("encoding", "imports.error.encodingUnknown", ImportLog.safe(name));
		}
	}

	public Path file() {
		return file;
	}

	public String fileName() {
		return fileName;
	}

	public @Nullable Charset charset() {
		return charset;
	}

	@Override
	public void close() {
		delete(file);
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the import upload {}: {}", file, ImportLog.safe(ex.toString()));
		}
	}
}
