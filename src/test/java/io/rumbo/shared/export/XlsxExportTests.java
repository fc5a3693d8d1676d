package io.rumbo.shared.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxExportTests {

	@Test
	void writesTypedCellsAndNeutralisesFormulaText() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter table = Exports.open(ExportFormat.XLSX, out, List.of("name", "amount", "date", "note"))) {
			table.row("Iñaki", new BigDecimal("1234.50"), LocalDate.of(2026, 3, 1), "=cmd|' /C calc'!A0");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Iñaki");
			assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1234.5);
			assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
			assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).startsWith("'=");
		}
	}

	@Test
	void readsTheFormatFromAcceptOrParameter() {
		assertThat(ExportFormat.fromAccept(ExportFormat.XLSX_TYPE)).isEqualTo(ExportFormat.XLSX);
		assertThat(ExportFormat.fromAccept("text/csv")).isEqualTo(ExportFormat.CSV);
		assertThat(ExportFormat.fromParam("XLSX")).contains(ExportFormat.XLSX);
		assertThat(ExportFormat.fromParam("pdf")).isEmpty();
	}
}
