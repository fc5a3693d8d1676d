package io.rumbo.imports;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX file's shared strings, kept in temporary files mapped outside the heap instead of POI's in-memory list:
 * Excel stores every distinct text of a sheet there (external ids, names), so the list grows with the file, and a
 * 400,000-row sheet would hold hundreds of thousands of strings on the heap. Strings are written UTF-8 one after
 * another, with a second file of their start offsets; a lookup reads two offsets and the bytes between them.
 * Phonetic runs ({@code rPh}) are left out, as POI does by default.
 */
final class SpooledSharedStrings implements SharedStrings, AutoCloseable {

	private static final long SEGMENT = 1L << 30;

	private final Path strings;
	private final Path offsets;
	private final int count;
	private final long length;
	private final List<MappedByteBuffer> segments = new ArrayList<>();
	private final MappedByteBuffer starts;

	private SpooledSharedStrings(Path strings, Path offsets, int count, long length) throws IOException {
		this.strings = strings;
		this.offsets = offsets;
		this.count = count;
		this.length = length;
		try (FileChannel channel = FileChannel.open(strings)) {
			for (long at = 0; at < length; at += SEGMENT) {
				segments.add(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(SEGMENT, length - at)));
			}
		}
		try (FileChannel channel = FileChannel.open(offsets)) {
			starts = channel.map(FileChannel.MapMode.READ_ONLY, 0, (long) count * Long.BYTES);
		}
	}

	static SpooledSharedStrings of(OPCPackage pkg) throws Exception {
		Path strings = Files.createTempFile("rumbo-import-", ".strings");
		Path offsets = Files.createTempFile("rumbo-import-", ".offsets");
		try {
			Writer writer = new Writer(strings, offsets);
			try (writer) {
				List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
				if (!parts.isEmpty()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(writer);
					try (InputStream in = parts.get(0).getInputStream()) {
						parser.parse(new InputSource(in));
					}
				}
			}
			return new SpooledSharedStrings(strings, offsets, writer.count, writer.length);
		}
		catch (Exception ex) {
			Files.deleteIfExists(strings);
			Files.deleteIfExists(offsets);
			throw ex;
		}
	}

	@Override
	public RichTextString getItemAt(int index) {
		long start = starts.getLong(index * Long.BYTES);
		long end = index + 1 < count ? starts.getLong((index + 1) * Long.BYTES) : length;
		byte[] bytes = new byte[(int) (end - start)];
		int done = 0;
		while (done < bytes.length) {
			long at = start + done;
			MappedByteBuffer segment = segments.get((int) (at / SEGMENT));
			int from = (int) (at % SEGMENT);
			int n = Math.min(bytes.length - done, segment.capacity() - from);
			segment.get(from, bytes, done, n);
			done += n;
		}
		return new XSSFRichTextString(new String(bytes, StandardCharsets.UTF_8));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	/** Deletes the files; the mappings go with the buffers (on Linux a mapped file may be deleted at once). */
	@Override
	public void close() throws IOException {
		Files.deleteIfExists(strings);
		Files.deleteIfExists(offsets);
	}

	/** Parses sharedStrings.xml: the text of each {@code si}, from its {@code t} elements outside {@code rPh}. */
	private static final class Writer extends DefaultHandler implements AutoCloseable {

		private final DataOutputStream text;
		private final DataOutputStream starts;
		private final StringBuilder current = new StringBuilder();
		private boolean inItem;
		private boolean inText;
		private int phonetic;
		int count;
		long length;

		Writer(Path strings, Path offsets) throws IOException {
			this.text = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(strings), 64 * 1024));
			this.starts = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsets), 64 * 1024));
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (local(localName, qName)) {
				case "si" -> {
					inItem = true;
					current.setLength(0);
				}
				case "t" -> inText = inItem && phonetic == 0;
				case "rPh" -> phonetic++;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
			switch (local(localName, qName)) {
				case "si" -> {
					inItem = false;
					try {
						byte[] bytes = current.toString().getBytes(StandardCharsets.UTF_8);
						starts.writeLong(length);
						text.write(bytes);
						length += bytes.length;
						count++;
					}
					catch (IOException ex) {
						throw new org.xml.sax.SAXException(ex);
					}
				}
				case "t" -> inText = false;
				case "rPh" -> phonetic--;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText) {
				current.append(ch, start, length);
			}
		}

		private static String local(String localName, String qName) {
			if (localName != null && !localName.isEmpty()) {
				return localName;
			}
			int colon = qName.indexOf(':');
			return colon < 0 ? qName : qName.substring(colon + 1);
		}

		@Override
		public void close() throws IOException {
			try (OutputStream a = text; OutputStream b = starts) {
				a.flush();
				b.flush();
			}
		}
	}
}
