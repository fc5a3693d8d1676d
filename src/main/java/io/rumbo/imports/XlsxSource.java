package io.rumbo.imports;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX file, read with POI's streaming (SAX) parser every time its rows are asked for, with
 * Excel's shared strings kept off the heap ({@link SpooledSharedStrings}): dates as ISO dates, numbers plain.
 */
final class XlsxSource extends ImportFiles.Source {

	private final Path file;

	private XlsxSource(Path file, List<String> header, long count) {
		super(header, count);
		this.file = file;
	}

	static XlsxSource open(Path file) throws Exception {
		long[] count = new long[1];
		SheetRows rows = parse(file, (number, cells) -> count[0]++);
		return new XlsxSource(file, rows.header == null ? List.of() : rows.header, count[0]);
	}

	@Override
	boolean decimalComma() {
		return false;
	}

	@Override
	void read(ImportFiles.LineSink sink) {
		try {
			parse(file, sink);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The import file could not be read again", ex);
		}
	}

	/**
	 * Streams the first sheet through {@code sink}. The package is opened from the file (a zip read by entry,
	 * not loaded whole); the sheet XML is parsed by SAX, a row at a time.
	 */
	private static SheetRows parse(Path file, ImportFiles.LineSink sink) throws Exception {
		// revert, not close: close() of a read-only package warns that it cannot save.
		OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
		try (SpooledSharedStrings strings = SpooledSharedStrings.of(pkg)) {
			XSSFReader reader = new XSSFReader(pkg);
			SheetRows rows = new SheetRows(sink);
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
					new PlainFormatter(), false));
			try (InputStream sheet = reader.getSheetsData().next()) {
				parser.parse(new InputSource(sheet));
			}
			catch (SAXException ex) {
				// A failure of the sink (an importer's check) comes back as itself, not as a parse error.
				if (ex.getException() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
			return rows;
		}
		finally {
			pkg.revert();
		}
	}

	/** Hands rows of the streaming sheet parser on as they end; missing cells stay null. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		@Nullable List<String> header;
		private final ImportFiles.LineSink sink;
		private final List<@Nullable String> current = new ArrayList<>();

		SheetRows(ImportFiles.LineSink sink) {
			this.sink = sink;
		}

		@Override
		public void startRow(int rowNum) {
			current.clear();
		}

		@Override
		public void endRow(int rowNum) {
			String[] cells = current.toArray(new String[0]);
			if (header == null) {
				header = ImportFiles.normalise(cells);
			}
			else if (!ImportFiles.blank(cells)) {
				sink.accept(rowNum + 1L, cells);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			if (column >= 16_384) {
				return;
			}
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
}
