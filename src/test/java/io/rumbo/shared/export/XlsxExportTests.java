package io.rumbo.shared.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An XLSX export longer than a sheet may be goes on in further sheets instead of failing half-way. */
class XlsxExportTests {

	@Test
	void aListLongerThanTheFormatsRowLimitGoesOnInASecondSheet() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// 1,048,576 rows is the most a sheet holds, header included: these are two more than fit.
		try (TableWriter table = Exports.open(ExportFormat.XLSX, out, List.of("n"))) {
			for (int i = 0; i < 1_048_577; i++) {
				table.row(i);
			}
		}
		List<String> sheets = new ArrayList<>();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
		try {
			java.nio.file.Files.write(file, out.toByteArray());
			try (ZipFile zip = new ZipFile(file.toFile())) {
				zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("xl/worksheets/sheet")).forEach(sheets::add);
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
		assertThat(sheets).containsExactlyInAnyOrder("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
	}

	@Test
	void everySheetStartsWithTheHeaderAndTheRowsFollowInOrder() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxExport table = new XlsxExport(out, List.of("n", "name"), 4)) {
			for (int i = 0; i < 8; i++) {
				table.row(i, "row " + i);
			}
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			List<Double> numbers = new ArrayList<>();
			for (Sheet sheet : workbook) {
				assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("name");
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					numbers.add(sheet.getRow(r).getCell(0).getNumericCellValue());
				}
			}
			assertThat(workbook.getSheetName(1)).isEqualTo("Rumbo 2");
			assertThat(numbers).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
		}
	}
}
