package io.rumbo.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a list as CSV, row by row, so an export never holds the whole list in memory.
 * Text cells that a spreadsheet would read as a formula are neutralised with a leading apostrophe.
 */
public final class CsvExport implements TableWriter {

	private final CSVPrinter printer;
	private final ExportStyle style;

	private CsvExport(Writer writer, List<String> header, ExportStyle style) throws IOException {
		this.style = style;
		this.printer = CSVFormat.DEFAULT.builder()
			.setDelimiter(style.separator())
			.setHeader(header.stream().map(style::header).toArray(String[]::new))
			.get()
			.print(writer);
	}

	/** A program's CSV: the column names as given, raw values, commas. */
	public static CsvExport to(OutputStream out, List<String> header) {
		return to(out, header, ExportStyle.API);
	}

	public static CsvExport to(OutputStream out, List<String> header, ExportStyle style) {
		try {
			// A byte order mark lets spreadsheet programs read accented names as UTF-8.
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			return new CsvExport(new OutputStreamWriter(out, StandardCharsets.UTF_8), header, style);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void row(Object... cells) {
		try {
			for (Object cell : cells) {
				printer.print(style.csv(cell));
			}
			printer.println();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Object neutralise(Object cell) {
		return TableWriter.neutralise(cell);
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
