package io.rumbo.people.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file is, told by its content and never by its name or the type the browser claims (decision 0040):
 * PDF ({@code %PDF-}), PNG (its 8-byte signature), JPEG ({@code FF D8 FF}), and the two office formats, which are ZIP
 * archives: DOCX (its central directory lists {@code [Content_Types].xml} and {@code word/document.xml}) and ODT (its
 * first entry is {@code mimetype}, stored, holding {@code application/vnd.oasis.opendocument.text}). The archive is
 * never inflated: only the directory's names are read, so a compressed bomb costs nothing. And the name a file is kept
 * under: the last segment of what the browser sent, without control or path characters, at most 120 characters, with
 * the extension of the detected type.
 */
public final class FileContent {

	/** The types accepted, with their media type and extension. */
	public enum Type {
		PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
		ODT("application/vnd.oasis.opendocument.text", "odt");

		private final String mediaType;
		private final String extension;

		Type(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}
	}

	static final int MAX_NAME = 120;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private FileContent() {
	}

	/** The type of the content, or null when it is none of the accepted ones. */
	public static @Nullable Type detect(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Type.PDF;
		}
		if (startsWith(content, PNG)) {
			return Type.PNG;
		}
		if (content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return Type.JPEG;
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			if (isOdt(content)) {
				return Type.ODT;
			}
			Set<String> names = zipNames(content);
			if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
				return Type.DOCX;
			}
		}
		return null;
	}

	/** ODT: the first local entry is "mimetype", stored uncompressed, holding the text document's media type. */
	private static boolean isOdt(byte[] z) {
		if (z.length < 30) {
			return false;
		}
		int method = u16(z, 8);
		int nameLength = u16(z, 26);
		int extraLength = u16(z, 28);
		int start = 30 + nameLength + extraLength;
		byte[] expected = Type.ODT.mediaType().getBytes(StandardCharsets.US_ASCII);
		return method == 0 && nameLength == 8 && z.length >= start + expected.length
				&& "mimetype".equals(new String(z, 30, 8, StandardCharsets.US_ASCII))
				&& Arrays.equals(Arrays.copyOfRange(z, start, start + expected.length), expected);
	}

	/** The entry names of a ZIP archive's central directory (empty when there is none that can be read). */
	static Set<String> zipNames(byte[] z) {
		Set<String> names = new HashSet<>();
		int end = -1;
		for (int i = z.length - 22; i >= Math.max(0, z.length - 22 - 65535); i--) {
			if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 5 && z[i + 3] == 6) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return names;
		}
		int entries = u16(z, end + 10);
		long offset = u32(z, end + 16);
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int n = 0; n < entries && n < 10_000; n++) {
			if (at < 0 || at + 46 > z.length || !(z[at] == 'P' && z[at + 1] == 'K' && z[at + 2] == 1
					&& z[at + 3] == 2)) {
				break;
			}
			int nameLength = u16(z, at + 28);
			int extra = u16(z, at + 30);
			int comment = u16(z, at + 32);
			if (at + 46 + nameLength > z.length) {
				break;
			}
			names.add(new String(z, at + 46, nameLength, StandardCharsets.UTF_8));
			at += 46 + nameLength + extra + comment;
		}
		return names;
	}

	/**
	 * The name a file is stored and offered under: the last path segment of {@code sent}, accents kept, anything but
	 * letters, digits, spaces, dots, dashes, underscores and brackets replaced by "_", no leading dots, at most 120
	 * characters, ending in the detected type's extension instead of the one sent ("document" when nothing is left).
	 */
	public static String safeName(@Nullable String sent, Type type) {
		String name = sent == null ? "" : sent;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = name.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_").replaceAll("\\s+", " ").replaceAll("_+", "_").strip();
		name = name.replaceAll("^[. _]+", "");
		// Whatever extension was sent goes: the file is offered under the extension of what it is.
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		base = base.replaceAll("[. ]+$", "");
		if (base.isEmpty()) {
			base = "document";
		}
		int room = MAX_NAME - type.extension().length() - 1;
		if (base.length() > room) {
			base = base.substring(0, room).strip();
		}
		return base + "." + type.extension();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u16(byte[] z, int at) {
		return (z[at] & 0xFF) | (z[at + 1] & 0xFF) << 8;
	}

	private static long u32(byte[] z, int at) {
		return (z[at] & 0xFFL) | (z[at + 1] & 0xFFL) << 8 | (z[at + 2] & 0xFFL) << 16 | (z[at + 3] & 0xFFL) << 24;
	}
}
