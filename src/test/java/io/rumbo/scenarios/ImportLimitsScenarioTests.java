package io.rumbo.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of every import path over real HTTP: an upload over the size limit (16 MB in tests) answers 413 with a
 * problem detail naming the limit, on multipart, on the raw body (declared length and chunked) and on the page; a CSV
 * that is not UTF-8 is refused naming the line, and read right when its encoding is stated; decimal commas in a
 * semicolon file; a large XLSX streams through.
 */
@RumboIntegrationTest
class ImportLimitsScenarioTests extends ApiTestSupport {

	private static final long LIMIT = 16L * 1024 * 1024;
	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	private static final String PRODUCTS = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from,active\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void aMultipartUploadOverTheLimitAnswers413NamingTheLimitInTheReadersLanguage() {
		byte[] file = oversized();
		Api.Response english = api.uploadMultipart("/api/v1/imports/products", "admin", "big.csv", file);
		assertThat(english.status()).as(english.body()).isEqualTo(413);
		assertThat(english.contentType()).startsWith("application/problem+json");
		JsonNode problem = english.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://rumbo.io/problems/upload-too-large");
		assertThat(problem.get("detail").asString()).isEqualTo("The file is larger than the upload limit of 16 MB.");
		assertThat(problem.get("limit").asLong()).isEqualTo(LIMIT);
	}

	@Test
	void aRawBodyOverTheLimitAnswers413FromItsDeclaredLength() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/products"))
			.header("Content-Type", "text/csv")
			.header("Accept-Language", "es")
			.header("Authorization", "Bearer " + api.token("admin"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(oversized()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		JsonNode problem = Api.mapper().readTree(response.body());
		assertThat(problem.get("detail").asString()).isEqualTo("El archivo supera el límite de subida de 16 MB.");
	}

	@Test
	void aChunkedRawBodyIsRefusedAsSoonAsItPassesTheLimit() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/products"))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + api.token("admin"))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvStream(LIMIT + 256 * 1024)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(Api.mapper().readTree(response.body()).get("type").asString())
			.isEqualTo("https://rumbo.io/problems/upload-too-large");
	}

	@Test
	void thePageShowsAnUploadOverTheLimitInItsProgressPanel() throws Exception {
		WebSession browser = new WebSession();
		browser.signIn(port, "admin", "demo");
		String csrf = WebSession.csrf(browser.get(port, "/imports").body());
		String boundary = "----rumbo" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nproducts\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(oversized());
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", csrf)
			.header("Cookie", String.join("; ", browser.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.toList()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("id=\"import-progress\"", "id=\"import-refused\"", "role=\"alert\"",
				"The file is larger than the upload limit of 16 MB.");
	}

	@Test
	void aCsvThatIsNotUtf8IsRefusedNamingTheLineAndNothingIsWritten() {
		byte[] file = (PRODUCTS + "BAD-1,Agenda,Diary,PAP,UNIT,1.00,0.50,2026-01-01,true\n"
				+ "BAD-2,Tazas de cerámica,Mugs,CAF,PACK,2.00,1.00,2026-01-01,true\n").getBytes(WINDOWS_1252);
		Api.Response answer = api.upload("/api/v1/imports/products", "admin", file, "text/csv", Map.of());
		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		JsonNode error = answer.json().get("errors").get(0);
		assertThat(error.get("row").asLong()).isEqualTo(3);
		assertThat(error.get("message").asString()).startsWith("The file is not valid UTF-8 text from line 3 on");
		assertThat(skus("BAD-%")).isZero();

		Api.Response multipart = api.uploadMultipart("/api/v1/imports/products", "admin", "p.csv", file);
		assertThat(multipart.status()).isEqualTo(422);
		assertThat(skus("BAD-%")).isZero();
	}

	@Test
	void aCsvInAStatedEncodingIsDecodedRightOnEveryRoute() {
		byte[] file = (PRODUCTS + "ENC-3,Tazas de cerámica,Mugs,CAF,PACK,2.00,1.00,2026-01-01,true\n")
			.getBytes(WINDOWS_1252);
		Api.Response charset = api.upload("/api/v1/imports/products", "admin", file, "text/csv; charset=windows-1252",
				Map.of());
		assertThat(charset.status()).as(charset.body()).isEqualTo(200);
		assertThat(name("ENC-3")).isEqualTo("Tazas de cerámica");

		byte[] other = (PRODUCTS + "ENC-4,Añil,Indigo,CAF,PACK,2.00,1.00,2026-01-01,true\n").getBytes(WINDOWS_1252);
		Api.Response field = api.uploadMultipart("/api/v1/imports/products?encoding=windows-1252", "admin", "p.csv", other);
		assertThat(field.status()).as(field.body()).isEqualTo(200);
		assertThat(name("ENC-4")).isEqualTo("Añil");

		Api.Response unknown = api.upload("/api/v1/imports/products?encoding=klingon", "admin", file, "text/csv", Map.of());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("encoding", "klingon");
	}

	@Test
	void aSemicolonFileReadsDecimalCommas() {
		String file = PRODUCTS.replace(',', ';') + "DEC-1;Monitor;Monitor;INF;UNIT;1.234,56;987,5;2026-01-01;true\n";
		Api.Response answer = api.upload("/api/v1/imports/products", "admin", file.getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT list_price FROM catalog_product WHERE sku = 'DEC-1'").query(BigDecimal.class).single())
			.isEqualByComparingTo("1234.56");

		String ambiguous = PRODUCTS.replace(',', ';') + "DEC-2;Monitor;Monitor;INF;UNIT;12.500;1;2026-01-01;true\n";
		Api.Response refused = api.upload("/api/v1/imports/products", "admin", ambiguous.getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of());
		assertThat(refused.status()).isEqualTo(422);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("row").asLong()).isEqualTo(2);
		assertThat(error.get("column").asString()).isEqualTo("list_price");
	}

	@Test
	void aLargeXlsxStreamsThroughTheImport() throws IOException {
		int rows = Integer.getInteger("rumbo.test.xlsxRows", 2_000);
		Path file = Files.createTempFile("rumbo-test-", ".xlsx");
		try {
			try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, true, true); var out = Files.newOutputStream(file)) {
				Sheet sheet = book.createSheet();
				String[] header = PRODUCTS.trim().split(",");
				Row head = sheet.createRow(0);
				for (int c = 0; c < header.length; c++) {
					head.createCell(c).setCellValue(header[c]);
				}
				for (int i = 1; i <= rows; i++) {
					Row row = sheet.createRow(i);
					row.createCell(0).setCellValue("XL-" + i);
					row.createCell(1).setCellValue("Producto " + i);
					row.createCell(2).setCellValue("Product " + i);
					row.createCell(3).setCellValue("PAP");
					row.createCell(4).setCellValue("UNIT");
					row.createCell(5).setCellValue(10 + i % 90);
					row.createCell(6).setCellValue(5);
					row.createCell(7).setCellValue("2026-01-01");
					row.createCell(8).setCellValue("true");
				}
				book.write(out);
				book.dispose();
			}
			Api.Response answer = api.upload("/api/v1/imports/products?dryRun=true", "admin", Files.readAllBytes(file),
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Map.of());
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.json().get("rows").asLong()).isEqualTo(rows);
			assertThat(answer.json().get("created").asLong()).isEqualTo(rows);
			assertThat(skus("XL-%")).as("a dry run").isZero();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private long skus(String pattern) {
		return jdbc.sql("SELECT COUNT(*) FROM catalog_product WHERE sku LIKE :p").param("p", pattern).query(Long.class)
			.single();
	}

	private String name(String sku) {
		return jdbc.sql("SELECT name_es FROM catalog_product WHERE sku = :sku").param("sku", sku).query(String.class)
			.single();
	}

	/** A products CSV a little over the limit. */
	private static byte[] oversized() {
		try (InputStream in = new CsvStream(LIMIT + 512 * 1024)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Rows of a products file, generated as they are read, {@code size} bytes in all. */
	private static final class CsvStream extends InputStream {

		private final long size;
		private long position;
		private byte[] line = PRODUCTS.getBytes(StandardCharsets.UTF_8);
		private int at;
		private int next = 1;

		CsvStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			if (position >= size) {
				return -1;
			}
			if (at == line.length) {
				line = ("BIG-" + next++ + ",Producto,Product,PAP,UNIT,1.00,0.50,2026-01-01,true\n")
					.getBytes(StandardCharsets.UTF_8);
				at = 0;
			}
			position++;
			return line[at++];
		}
	}
}
