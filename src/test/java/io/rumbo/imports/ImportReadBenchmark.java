package io.rumbo.imports;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import files are read in memory that follows the chunk, not the file: an order-shaped file of 400,000 rows is read
 * (counted, then streamed in chunks of 1,000 through the typed readers and the repeated-key check) holding no more
 * heap than one of 40,000 rows. Measured as the ratio of the heap in use after a collection, sampled while the last
 * chunks are handled, never as a time. XLSX files are written as Excel writes them, with a shared strings table (every
 * order number and customer id a distinct string). In package {@code imports} because the reader is internal; run
 * with the benchmarks profile (docs/benchmarks.md).
 */
class ImportReadBenchmark {

	private static final int SMALL = Integer.getInteger("rumbo.bench.importSmall", 40_000);
	private static final int LARGE = Integer.getInteger("rumbo.bench.importLarge", 400_000);

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "csv" })
	void fourHundredThousandRowsNeedNoMoreMemoryThanFortyThousand(String format) throws Exception {
		Measure small = read(format, SMALL);
		Measure large = read(format, LARGE);
		double ratio = (double) large.heap / small.heap;
		System.out.printf("import %s: file of %,d rows %,d KB, heap in use while reading %,d KB (%,d ms); "
				+ "file of %,d rows %,d KB, heap %,d KB (%,d ms); ratio %.2f%n", format, SMALL, small.fileBytes / 1024,
				small.heap / 1024, small.millis, LARGE, large.fileBytes / 1024, large.heap / 1024, large.millis, ratio);
		assertThat(ratio).as("heap at %,d rows / heap at %,d rows", LARGE, SMALL).isLessThan(1.5);
	}

	private record Measure(long fileBytes, long heap, long millis) {
	}

	private static Measure read(String format, int rows) throws Exception {
		Path file = Files.createTempFile("rumbo-bench-", "." + format);
		try {
			if (format.equals("xlsx")) {
				writeXlsx(file, rows);
			}
			else {
				writeCsv(file, rows);
			}
			System.gc();
			long started = System.nanoTime();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			ImportRows imported = new ImportRows(ImportFiles.open(file, file.getFileName().toString(), null),
					ImportRows.Progress.NONE, false, 200_000);
			long[] heap = new long[1];
			long[] seen = new long[1];
			imported.chunks(1_000, chunk -> {
				for (ImportRow row : chunk) {
					row.unique("external_number", row.text("external_number", 40, true));
					row.text("customer", 40, true);
					row.date("order_date", true);
					row.text("sku", 40, true);
					row.decimal("quantity", true);
					row.decimal("unit_price", true);
				}
				seen[0] += chunk.size();
				if (seen[0] > rows - 5_000 && seen[0] % 2_000 == 0) {
					System.gc();
					heap[0] = Math.max(heap[0], memory.getHeapMemoryUsage().getUsed());
				}
			});
			imported.finishKeys();
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(seen[0]).isEqualTo(rows);
			assertThat(imported.size()).isEqualTo(rows);
			assertThat(imported.hasErrors()).as(imported.problems().toString()).isFalse();
			imported.close();
			return new Measure(Files.size(file), heap[0], millis);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static final String[] HEADER = { "external_number", "customer", "order_date", "sku", "quantity",
			"unit_price" };

	private static void writeXlsx(Path file, int rows) throws Exception {
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, true, true); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet();
			Row head = sheet.createRow(0);
			for (int c = 0; c < HEADER.length; c++) {
				head.createCell(c).setCellValue(HEADER[c]);
			}
			LocalDate start = LocalDate.of(2025, 1, 1);
			for (int i = 1; i <= rows; i++) {
				Row row = sheet.createRow(i);
				row.createCell(0).setCellValue("PED-" + i);
				row.createCell(1).setCellValue("CLI-" + (i % 50_000));
				row.createCell(2).setCellValue(start.plusDays(i % 365).toString());
				row.createCell(3).setCellValue("SKU-" + (i % 500));
				row.createCell(4).setCellValue(1 + i % 20);
				row.createCell(5).setCellValue((i % 10_000) / 100.0);
			}
			book.write(out);
			book.dispose();
		}
	}

	private static void writeCsv(Path file, int rows) throws Exception {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", HEADER));
			out.write('\n');
			LocalDate start = LocalDate.of(2025, 1, 1);
			for (int i = 1; i <= rows; i++) {
				out.write("PED-" + i + ",CLI-" + (i % 50_000) + "," + start.plusDays(i % 365) + ",SKU-" + (i % 500) + ","
						+ (1 + i % 20) + "," + (i % 10_000) / 100.0 + "\n");
			}
		}
	}
}
