package io.rumbo.imports;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV (UTF-8 with or without BOM unless another encoding is stated, comma or semicolon separated, as Excel
 * saves it in English or Spanish) and XLSX (the first sheet, with POI's streaming SAX reader, dates as ISO dates and
 * numbers without formatting) from a file on disk. Nothing holds the whole file: {@link #open} reads the header and
 * counts the rows in a first pass, and {@link Source#read} streams the rows again each time it is called.
 */
final class ImportFiles {

	/** The file is neither a CSV nor an XLSX that can be parsed. */
	static final class UnreadableFileException extends Exception {

		UnreadableFileException(Throwable cause) {
			super(cause);
		}
	}

	/** The CSV is not valid in its encoding (UTF-8 unless stated); {@code line} is the first bad line. */
	static final class BadEncodingException extends Exception {

		private final String charset;
		private final long line;

		BadEncodingException(String charset, long line) {
			super("Not valid " + charset + " from line " + line);
			this.charset = charset;
			this.line = line;
		}

		String charset() {
			return charset;
		}

		long line() {
			return line;
		}
	}

	/** Receives the rows in file order; {@code number} is the spreadsheet row (the header is row 1). */
	@FunctionalInterface
	interface LineSink {

		void accept(long number, String[] cells);
	}

	/** An opened file: its header, how many (non-blank) rows follow it, and how to read them again. */
	abstract static class Source {

		private final List<String> header;
		private final long count;

		Source(List<String> header, long count) {
			this.header = header;
			this.count = count;
		}

		List<String> header() {
			return header;
		}

		long count() {
			return count;
		}

		/** Numbers with a decimal comma (and dots grouping thousands) are read where the separator is ';'. */
		abstract boolean decimalComma();

		/** Streams every row after the header; the file was read whole once already, so I/O failures are unchecked. */
		abstract void read(LineSink sink);
	}

	/** Longest physical line accepted, so one endless cell cannot fill the memory. */
	static final int MAX_LINE_CHARS = 1 << 20;

	private ImportFiles() {
	}

	static Source open(Path file, String fileName, @Nullable Charset stated)
			throws UnreadableFileException, BadEncodingException {
		try {
			if (zip(file) || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
				return XlsxSource.open(file);
			}
			return Csv.open(file, stated == null ? StandardCharsets.UTF_8 : stated);
		}
		catch (BadEncodingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UnreadableFileException(ex);
		}
	}

	private static boolean zip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K';
		}
	}

	private static final class Csv extends Source {

		private final Path file;
		private final Charset charset;
		private final char delimiter;

		private Csv(Path file, Charset charset, char delimiter, List<String> header, long count) {
			super(header, count);
			this.file = file;
			this.charset = charset;
			this.delimiter = delimiter;
		}

		static Csv open(Path file, Charset charset) throws IOException, BadEncodingException {
			try {
				char delimiter;
				try (Reader reader = reader(file, charset)) {
					StringBuilder first = new StringBuilder();
					int c;
					while ((c = reader.read()) >= 0 && c != '\n') {
						first.append((char) c);
					}
					delimiter = occurrences(first, ';') > occurrences(first, ',') ? ';' : ',';
				}
				List<List<String>> header = new ArrayList<>(1);
				long[] count = new long[1];
				parse(file, charset, delimiter, header::add, (number, cells) -> count[0]++);
				return new Csv(file, charset, delimiter, header.isEmpty() ? List.of() : header.get(0), count[0]);
			}
			catch (IOException | UncheckedIOException ex) {
				if (codingProblem(ex)) {
					throw new BadEncodingException(charset.name(), firstBadLine(file, charset));
				}
				throw ex;
			}
		}

		@Override
		boolean decimalComma() {
			return delimiter == ';';
		}

		@Override
		void read(LineSink sink) {
			try {
				parse(file, charset, delimiter, header -> {
				}, sink);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void parse(Path file, Charset charset, char delimiter,
				java.util.function.Consumer<List<String>> header, LineSink sink) throws IOException {
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
			boolean first = true;
			try (Reader reader = reader(file, charset); CSVParser parser = CSVParser.parse(reader, format)) {
				for (CSVRecord record : parser) {
					String[] cells = record.values();
					if (first) {
						header.accept(normalise(cells));
						first = false;
					}
					else if (!blank(cells)) {
						sink.accept(record.getRecordNumber(), cells);
					}
				}
			}
		}

		/** A strict decoder: a byte sequence that is not valid in the charset fails instead of becoming U+FFFD. */
		private static Reader reader(Path file, Charset charset) throws IOException {
			InputStream in = Files.newInputStream(file);
			if (charset.equals(StandardCharsets.UTF_8)) {
				in = new java.io.BufferedInputStream(in);
				in.mark(3);
				byte[] bom = in.readNBytes(3);
				if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
					in.reset();
				}
			}
			CharsetDecoder decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			return new LineLimit(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024));
		}
	}

	/** Fails a line longer than {@link #MAX_LINE_CHARS} (an endless cell) instead of buffering it. */
	private static final class LineLimit extends FilterReader {

		private int sinceNewline;

		LineLimit(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			track(c);
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				track(buffer[offset + i]);
			}
			return n;
		}

		private void track(int c) throws IOException {
			if (c == '\n') {
				sinceNewline = 0;
			}
			else if (c >= 0 && ++sinceNewline > MAX_LINE_CHARS) {
				throw new IOException("A line longer than " + MAX_LINE_CHARS + " characters");
			}
		}
	}

	private static boolean codingProblem(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The physical line (1 = the header) of the first byte sequence that is not valid in the charset. A cell that
	 * spans lines inside quotes makes it differ from the spreadsheet row; otherwise it is the row.
	 */
	static long firstBadLine(Path file, Charset charset) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		long line = 1;
		try (FileChannel channel = FileChannel.open(file)) {
			boolean eof = false;
			while (!eof) {
				eof = channel.read(in) < 0;
				in.flip();
				CoderResult result;
				do {
					result = decoder.decode(in, out, eof);
					out.flip();
					while (out.hasRemaining()) {
						if (out.get() == '\n') {
							line++;
						}
					}
					out.clear();
					if (result.isError()) {
						return line;
					}
				}
				while (result.isOverflow());
				in.compact();
			}
		}
		return line;
	}

	static List<String> normalise(String[] cells) {
		return Arrays.stream(cells).map(c -> c == null ? "" : c.trim().toLowerCase(Locale.ROOT)).toList();
	}

	static boolean blank(String[] cells) {
		for (String cell : cells) {
			if (cell != null && !cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static int occurrences(CharSequence text, char c) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}
}
