package io.rumbo.people.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.rumbo.people.domain.FileContent.Type;

/** Decision 0040: a file's type comes from its content, and its name is neutralised. */
class FileContentTests {

	static byte[] zip(boolean odt, String... names) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			if (odt) {
				byte[] mime = Type.ODT.mediaType().getBytes(StandardCharsets.US_ASCII);
				ZipEntry entry = new ZipEntry("mimetype");
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(mime.length);
				CRC32 crc = new CRC32();
				crc.update(mime);
				entry.setCrc(crc.getValue());
				zip.putNextEntry(entry);
				zip.write(mime);
				zip.closeEntry();
			}
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<xml/>".getBytes(StandardCharsets.US_ASCII));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void theAcceptedTypesAreToldByTheirContent() throws IOException {
		assertThat(FileContent.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Type.PDF);
		assertThat(FileContent.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 }))
			.isEqualTo(Type.PNG);
		assertThat(FileContent.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 }))
			.isEqualTo(Type.JPEG);
		assertThat(FileContent.detect(zip(false, "[Content_Types].xml", "_rels/.rels", "word/document.xml")))
			.isEqualTo(Type.DOCX);
		assertThat(FileContent.detect(zip(true, "content.xml", "META-INF/manifest.xml"))).isEqualTo(Type.ODT);
	}

	@Test
	void anythingElseIsRefusedWhateverItsName() throws IOException {
		assertThat(FileContent.detect("MZ\0\0".getBytes(StandardCharsets.ISO_8859_1))).isNull();
		assertThat(FileContent.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(FileContent.detect(new byte[0])).isNull();
		// A spreadsheet (a ZIP, but not a text document) and a plain ZIP.
		assertThat(FileContent.detect(zip(false, "[Content_Types].xml", "xl/workbook.xml"))).isNull();
		assertThat(FileContent.detect(zip(false, "a.txt"))).isNull();
		byte[] broken = zip(false, "[Content_Types].xml", "word/document.xml");
		assertThat(FileContent.detect(java.util.Arrays.copyOf(broken, broken.length - 30))).as("truncated").isNull();
	}

	@Test
	void theNameKeepsItsLastSegmentSafeCharactersAndTheDetectedExtension() {
		assertThat(FileContent.safeName("C:\\Users\\ana\\CV Ana Núñez (2026).PDF", Type.PDF))
			.isEqualTo("CV Ana Núñez (2026).pdf");
		assertThat(FileContent.safeName("../../etc/passwd", Type.PNG)).isEqualTo("passwd.png");
		assertThat(FileContent.safeName("foto.jpeg", Type.JPEG)).isEqualTo("foto.jpg");
		assertThat(FileContent.safeName("a\"b;c\r\nd.docx", Type.DOCX)).isEqualTo("a_b_c_d.docx");
		assertThat(FileContent.safeName("...", Type.PDF)).isEqualTo("document.pdf");
		assertThat(FileContent.safeName(null, Type.ODT)).isEqualTo("document.odt");
		assertThat(FileContent.safeName("x".repeat(300) + ".pdf", Type.PDF)).hasSize(120).endsWith("x.pdf");
	}
}
