package io.rumbo.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a list as an XLSX workbook with POI's streaming writer, which keeps only a window of rows in memory,
 * so an export of a million rows runs in constant memory. Numbers and dates become real cells. A sheet holds at most
 * 1,048,576 rows (the format's limit): a longer list goes on in further sheets, each with the header.
 */
public final class XlsxExport implements TableWriter {

	private static final int ROWS_IN_MEMORY = 200;

	private final OutputStream out;
	private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
	private final List<String> header;
	private final ExportStyle style;
	private final int rowsPerSheet;
	private final CellStyle dateStyle;
	private final CellStyle timeStyle;
	private final CellStyle bold;
	private SXSSFSheet sheet;
	private int next;

	XlsxExport(OutputStream out, List<String> header, int rowsPerSheet) {
		this(out, header, rowsPerSheet, ExportStyle.API);
	}

	XlsxExport(OutputStream out, List<String> header, int rowsPerSheet, ExportStyle style) {
		this.out = out;
		this.style = style;
		this.header = header.stream().map(style::header).toList();
		this.rowsPerSheet = rowsPerSheet;
		this.dateStyle = workbook.createCellStyle();
		this.dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
		this.timeStyle = workbook.createCellStyle();
		this.timeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
		this.bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		this.sheet = newSheet("Rumbo");
	}

	public static XlsxExport to(OutputStream out, List<String> header) {
		return to(out, header, ExportStyle.API);
	}

	public static XlsxExport to(OutputStream out, List<String> header, ExportStyle style) {
		return new XlsxExport(out, header, SpreadsheetVersion.EXCEL2007.getMaxRows(), style);
	}

	private SXSSFSheet newSheet(String name) {
		SXSSFSheet created = workbook.createSheet(name);
		next = 0;
		Row row = created.createRow(next++);
		for (int i = 0; i < header.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(header.get(i));
			cell.setCellStyle(bold);
		}
		created.createFreezePane(0, 1);
		return created;
	}

	@Override
	public void row(Object... cells) {
		if (next == rowsPerSheet) {
			sheet = newSheet("Rumbo " + (workbook.getNumberOfSheets() + 1));
		}
		Row row = sheet.createRow(next++);
		for (int i = 0; i < cells.length; i++) {
			Object value = cells[i];
			if (value == null) {
				continue;
			}
			value = style.xlsx(value);
			Cell cell = row.createCell(i);
			if (value instanceof BigDecimal decimal) {
				cell.setCellValue(decimal.doubleValue());
			}
			else if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof Boolean bool) {
				cell.setCellValue(bool);
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(dateStyle);
			}
			else if (value instanceof Instant instant) {
				cell.setCellValue(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
				cell.setCellStyle(timeStyle);
			}
			else {
				cell.setCellValue(String.valueOf(TableWriter.neutralise(value.toString())));
			}
		}
	}

	@Override
	public void close() {
		try {
			workbook.write(out);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ignored) {
				// the temporary files are already disposed of
			}
		}
	}
}
