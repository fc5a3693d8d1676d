package io.rumbo.imports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads CSV (UTF-8, with or without BOM, comma or semicolon separated, as Excel saves it in English or Spanish) and
 * XLSX (the first sheet, streamed, dates as ISO dates and numbers without formatting) into a table of text cells.
 */
final class ImportFiles {

	static final class UnreadableFileException extends Exception {

		UnreadableFileException(Throwable cause) {
			super(cause);
		}
	}

	private ImportFiles() {
	}

	static ImportTable read(String fileName, byte[] content) throws UnreadableFileException {
		try {
			boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
			if (zip || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
				return xlsx(content);
			}
			return csv(content);
		}
		catch (Exception ex) {
			throw new UnreadableFileException(ex);
		}
	}

	private static ImportTable csv(byte[] content) throws IOException {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		String text = new String(content, start, content.length - start, StandardCharsets.UTF_8);
		int firstLineEnd = text.indexOf('\n');
		String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
		List<String> header = null;
		List<ImportTable.Line> lines = new ArrayList<>();
		try (Reader reader = new BufferedReader(new java.io.StringReader(text));
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				String[] cells = record.values();
				if (header == null) {
					header = normalise(cells);
					continue;
				}
				if (blank(cells)) {
					continue;
				}
				lines.add(new ImportTable.Line(record.getRecordNumber(), cells));
			}
		}
		return new ImportTable(header == null ? List.of() : header, lines);
	}

	private static ImportTable xlsx(byte[] content) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			SheetCollector collector = new SheetCollector();
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
					new PlainFormatter(), false));
			try (InputStream sheet = reader.getSheetsData().next()) {
				parser.parse(new InputSource(sheet));
			}
			return new ImportTable(collector.header == null ? List.of() : collector.header, collector.lines);
		}
	}

	/** Collects rows from the streaming sheet parser; missing cells stay null. */
	private static final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		List<String> header;
		final List<ImportTable.Line> lines = new ArrayList<>();
		private List<String> current = new ArrayList<>();
		private int rowNum;

		@Override
		public void startRow(int rowNum) {
			this.rowNum = rowNum;
			this.current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			String[] cells = current.toArray(new String[0]);
			if (header == null) {
				header = normalise(cells);
			}
			else if (!blank(cells)) {
				lines.add(new ImportTable.Line(rowNum + 1L, cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			while (current.size() < column) {
				current.add(null);
			}
			current.add(value);
		}
	}

	/** Dates as ISO dates, other numbers plain (no grouping, no rounding to the cell's display format). */
	private static final class PlainFormatter extends DataFormatter {

		PlainFormatter() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	private static List<String> normalise(String[] cells) {
		return Arrays.stream(cells).map(c -> c == null ? "" : c.trim().toLowerCase(Locale.ROOT)).toList();
	}

	private static boolean blank(String[] cells) {
		for (String cell : cells) {
			if (cell != null && !cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static int count(String text, char c) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}
}
