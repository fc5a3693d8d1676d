package io.rumbo.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading import files from disk: CSV in UTF-8 or a stated encoding (never with replacement characters), XLSX with
 * shared strings outside the heap, rows streamed in chunks, the row limit of whole-file reads, repeated keys past
 * the in-memory bound, decimal commas in semicolon files and user text neutralised for the log.
 */
class ImportFilesTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path dir;

	@Test
	void readsACsvFromDiskCountingItsRowsFirstAndStreamingThemAgainOnEveryRead() throws Exception {
		Path file = write("a.csv", "\uFEFFCode;Amount\nA;1\n\n;\nB;2\nC;3\n", StandardCharsets.UTF_8);
		ImportFiles.Source source = ImportFiles.open(file, "a.csv", null);
		assertThat(source.header()).containsExactly("code", "amount");
		assertThat(source.count()).as("blank rows left out").isEqualTo(3);
		assertThat(source.decimalComma()).isTrue();
		List<String> read = new ArrayList<>();
		source.read((number, cells) -> read.add(number + ":" + cells[0]));
		source.read((number, cells) -> read.add(number + ":" + cells[0]));
		assertThat(read).containsExactly("2:A", "4:B", "5:C", "2:A", "4:B", "5:C");
	}

	@Test
	void refusesACsvThatIsNotUtf8NamingTheFirstBadLine() throws Exception {
		Path file = write("w.csv", "code,name\nA,Pena\nB,Peña\nC,Camión\n", WINDOWS_1252);
		assertThatThrownBy(() -> ImportFiles.open(file, "w.csv", null))
			.isInstanceOfSatisfying(ImportFiles.BadEncodingException.class, ex -> {
				assertThat(ex.charset()).isEqualTo("UTF-8");
				assertThat(ex.line()).isEqualTo(3);
			});
	}

	@Test
	void decodesACsvInTheEncodingItsSenderStated() throws Exception {
		Path file = write("w.csv", "code;name\nB;Peña\nC;Camión\n", WINDOWS_1252);
		ImportFiles.Source source = ImportFiles.open(file, "w.csv", WINDOWS_1252);
		List<String> names = new ArrayList<>();
		source.read((number, cells) -> names.add(cells[1]));
		assertThat(names).containsExactly("Peña", "Camión");
	}

	@Test
	void refusesALineLongerThanTheLimitInsteadOfBufferingIt() throws Exception {
		Path file = dir.resolve("long.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("code,name\nA,".getBytes(StandardCharsets.UTF_8));
			byte[] block = new byte[64 * 1024];
			Arrays.fill(block, (byte) 'x');
			for (int i = 0; i <= ImportFiles.MAX_LINE_CHARS / block.length; i++) {
				out.write(block);
			}
		}
		assertThatThrownBy(() -> ImportFiles.open(file, "long.csv", null))
			.isInstanceOf(ImportFiles.UnreadableFileException.class);
	}

	@Test
	void readsAnXlsxWithSharedStringsKeptOutsideTheHeap() throws Exception {
		Path file = dir.resolve("p.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet();
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("SKU");
			header.createCell(1).setCellValue("Price");
			header.createCell(2).setCellValue("Name");
			for (int i = 1; i <= 300; i++) {
				Row row = sheet.createRow(i + (i > 150 ? 1 : 0));
				row.createCell(0).setCellValue("SKU-" + i);
				row.createCell(1).setCellValue(i + 0.5);
				row.createCell(2).setCellValue(i % 2 == 0 ? "Añil" : "Camión " + i);
			}
			book.write(out);
		}
		ImportFiles.Source source = ImportFiles.open(file, "products.bin", null);
		assertThat(source.header()).containsExactly("sku", "price", "name");
		assertThat(source.count()).isEqualTo(300);
		List<String[]> rows = new ArrayList<>();
		List<Long> numbers = new ArrayList<>();
		source.read((number, cells) -> {
			rows.add(cells);
			numbers.add(number);
		});
		assertThat(rows.get(0)).containsExactly("SKU-1", "1.5", "Camión 1");
		assertThat(rows.get(299)).containsExactly("SKU-300", "300.5", "Añil");
		assertThat(numbers.get(150)).as("a skipped row keeps the numbering of the sheet").isEqualTo(153);
	}

	@Test
	void chunksFollowTheFileInOrderAsOftenAsAskedAndRowsRefuseAFileOverTheLimit() throws Exception {
		StringBuilder csv = new StringBuilder("code,amount\n");
		for (int i = 1; i <= 7; i++) {
			csv.append("K").append(i).append(",").append(i).append("\n");
		}
		ImportRows rows = new ImportRows(ImportFiles.open(write("k.csv", csv.toString(), StandardCharsets.UTF_8),
				"k.csv", null), ImportRows.Progress.NONE, false, 5);
		assertThat(rows.size()).isEqualTo(7);
		for (int pass = 0; pass < 2; pass++) {
			List<List<String>> chunks = new ArrayList<>();
			rows.chunks(3, chunk -> chunks.add(chunk.stream().map(r -> r.raw("code")).toList()));
			assertThat(chunks).containsExactly(List.of("K1", "K2", "K3"), List.of("K4", "K5", "K6"), List.of("K7"));
		}
		assertThatThrownBy(rows::rows).isInstanceOfSatisfying(ImportRows.TooManyRowsException.class, ex -> {
			assertThat(ex.rows).isEqualTo(7);
			assertThat(ex.limit).isEqualTo(5);
		});
	}

	@Test
	void repeatedKeysPastTheInMemoryBoundAreFoundWhenTheImportFinishes() {
		try (UniqueKeys keys = new UniqueKeys(2)) {
			assertThat(keys.firstRow("sku", "A", "a", 2)).isZero();
			assertThat(keys.firstRow("sku", "B", "b", 3)).isZero();
			// Spilled to disk: A is no longer in memory.
			assertThat(keys.firstRow("sku", "C", "c", 4)).isZero();
			assertThat(keys.firstRow("sku", "C", "c", 5)).as("a repeat still in memory is found at once").isEqualTo(4);
			assertThat(keys.firstRow("sku", "A", "A", 6)).isZero();
			assertThat(keys.firstRow("sku", "D", "d", 7)).isZero();
			assertThat(keys.firstRow("sku", "B", "b", 8)).isZero();
			assertThat(keys.finish()).containsExactlyInAnyOrder(new UniqueKeys.Repeat(6, "sku", "A", 2),
					new UniqueKeys.Repeat(8, "sku", "b", 3));
		}
	}

	@Test
	void decimalCommasAreReadInFilesSeparatedBySemicolons() {
		assertThat(ImportRow.plainDecimal("12,5", true)).isEqualTo("12.5");
		assertThat(ImportRow.plainDecimal("1.234,56", true)).isEqualTo("1234.56");
		assertThat(ImportRow.plainDecimal("-1.234.567,5", true)).isEqualTo("-1234567.5");
		assertThat(ImportRow.plainDecimal("12.5", true)).as("a decimal point still reads").isEqualTo("12.5");
		assertThat(ImportRow.plainDecimal("0.050", true)).isEqualTo("0.050");
		assertThat(ImportRow.plainDecimal("12.500", true)).as("ambiguous: refused, not read as 12.5").isNull();
		assertThat(ImportRow.plainDecimal("1.23,4", true)).as("not grouped by thousands: left to fail").isEqualTo("1.23,4");
		// Comma-separated files stay as they were: a lone comma is a decimal comma, 1,234.56 is not a number.
		assertThat(ImportRow.plainDecimal("12,5", false)).isEqualTo("12.5");
		assertThat(ImportRow.plainDecimal("1,234.56", false)).isEqualTo("1,234.56");
		assertThat(ImportRow.plainDecimal("1.234,56", false)).isEqualTo("1.234,56");
	}

	@Test
	void aRowOfASemicolonFileReadsSpanishNumbers() throws Exception {
		ImportRows rows = new ImportRows(ImportFiles.open(write("s.csv", "code;price\nA;1.234,56\nB;12,5\nC;12.500\n",
				StandardCharsets.UTF_8), "s.csv", null), ImportRows.Progress.NONE, false, 10);
		List<BigDecimal> prices = new ArrayList<>();
		rows.rows().forEach(row -> prices.add(row.decimal("price", true)));
		assertThat(prices).containsExactly(new BigDecimal("1234.56"), new BigDecimal("12.5"), null);
		assertThat(rows.problems()).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(4);
			assertThat(p.column()).isEqualTo("price");
			assertThat(p.key()).isEqualTo("imports.error.numberAmbiguous");
		});
	}

	@Test
	void userTextIsNeutralisedBeforeItReachesTheLog() {
		assertThat(ImportLog.safe("orders.csv\r\n2026-11-28 INFO admin signed in\u0007\u2028\u202e"))
			.isEqualTo("orders.csv\\r\\n2026-11-28 INFO admin signed in\\u0007\\u2028\\u202e")
			.doesNotContain("\n", "\r");
		assertThat(ImportLog.safe("a\\nb")).as("a literal backslash cannot fake an escape").isEqualTo("a\\\\nb");
		assertThat(ImportLog.safe("x".repeat(1000))).hasSize(303);
		assertThat(ImportLog.safe(null)).isEqualTo("null");
	}

	private Path write(String name, String text, Charset charset) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}
}
