package io.rumbo.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.rumbo.shared.domain.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads are spooled to a temporary file that goes away with them, bounded by the size limit. */
class ImportUploadTests {

	@Test
	void anUploadIsSpooledToATemporaryFileDeletedOnClose() throws IOException {
		Path file;
		try (ImportUpload upload = ImportUpload.spool(new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
				"x.csv", null, 100)) {
			file = upload.file();
			assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
			assertThat(upload.fileName()).isEqualTo("x.csv");
		}
		assertThat(file).doesNotExist();
	}

	@Test
	void anUploadOverTheLimitIsRefusedWithoutReadingItAllAndLeavesNoFile() {
		CountingStream in = new CountingStream(10_000_000);
		assertThatThrownBy(() -> ImportUpload.spool(in, "big.csv", null, 100_000))
			.isInstanceOfSatisfying(ImportUpload.TooLargeException.class, ex -> assertThat(ex.limit()).isEqualTo(100_000));
		assertThat(in.read).as("reading stops at the limit").isLessThan(200_000);
	}

	@Test
	void theStatedEncodingComesFromTheFieldBeforeTheContentType() {
		assertThat(ImportUpload.statedCharset(null, null)).isNull();
		assertThat(ImportUpload.statedCharset(" ", "windows-1252")).isEqualTo(Charset.forName("windows-1252"));
		assertThat(ImportUpload.statedCharset("ISO-8859-1", "UTF-8")).isEqualTo(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> ImportUpload.statedCharset("kling\non", null))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> {
				assertThat(ex.errors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("encoding");
					assertThat(e.arguments()).containsExactly("kling\\non");
				});
			});
	}

	private static final class CountingStream extends InputStream {

		private final long size;
		long read;

		CountingStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			return read < size ? (int) (read++ % 10 + '0') : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (read >= size) {
				return -1;
			}
			int n = (int) Math.min(length, size - read);
			read += n;
			return n;
		}
	}
}
