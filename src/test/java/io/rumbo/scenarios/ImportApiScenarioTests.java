package io.rumbo.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Imports over real HTTP: the documented samples load cleanly and load again without change; every kind of bad row
 * is named by row and column and nothing is written; a corrected file updates; 100,000 order lines load.
 */
@RumboIntegrationTest
class ImportApiScenarioTests extends ApiTestSupport {

	private static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	@Test
	void theDocumentedSamplesImportCleanlyAndAgainWithoutChange() throws IOException {
		// In dependency order: contacts and orders refer to customers and products of the samples.
		for (String kind : List.of("products", "customers", "contacts", "orders", "visits", "service-cases")) {
			byte[] sample = Files.readAllBytes(Path.of("docs/import-samples", kind + ".csv"));
			Api.Response first = api.upload("/api/v1/imports/" + kind, "admin", sample, CSV, Map.of());
			assertThat(first.status()).as(kind + ": " + first.body()).isEqualTo(200);
			JsonNode summary = first.json();
			assertThat(summary.get("errors")).as(kind).isEmpty();
			long records = summary.get("created").asLong() + summary.get("updated").asLong()
					+ summary.get("unchanged").asLong();
			assertThat(records).as(kind).isPositive();
			JsonNode again = api.upload("/api/v1/imports/" + kind, "admin", sample, CSV, Map.of()).json();
			assertThat(again.get("created").asLong()).as(kind + " again").isZero();
			assertThat(again.get("updated").asLong()).as(kind + " again").isZero();
			assertThat(again.get("unchanged").asLong()).as(kind + " again").isEqualTo(records);
		}
		JsonNode split = api.get("/api/v1/orders?size=50&from=2026-11-09&to=2026-11-09", "admin").json();
		JsonNode imported = null;
		for (JsonNode order : split.get("content")) {
			if ("IMP-PED-0002".equals(order.get("externalNumber").asString(""))) {
				imported = api.get("/api/v1/orders/" + order.get("id").asLong(), "admin").json();
			}
		}
		assertThat(imported).as("the split order").isNotNull();
		assertThat(imported.get("credits")).hasSize(2);
		assertThat(imported.get("lines")).hasSize(2);
	}

	@Test
	void everyKindOfBadRowIsNamedByRowAndColumnAndNothingIsWritten() {
		long before = jdbc.sql("SELECT COUNT(*) FROM sales_order").query(Long.class).single();
		String file = """
				order,order_date,customer,sku,quantity,unit_price,discount_percent,credits
				BAD-0001,2026-10-01,CLI-00115,PAP-TONER,2,,,E0019
				BAD-0002,2026-10-01,CLI-00115,PAP-TONER,abc,,,E0019
				BAD-0003,2026-13-45,CLI-00115,PAP-TONER,1,,,E0019
				BAD-0004,2026-10-01,CLI-00115,NO-SUCH-SKU,1,,,E0019
				BAD-0005,2026-10-01,CLI-00115,PAP-TONER,1,,,E0019:60;E0022:30
				BAD-0006,2026-10-01,NO-SUCH-CUSTOMER,PAP-TONER,1,,,E0019
				BAD-0007,2026-10-01,CLI-00115,PAP-TONER,1,,150,E0019
				""";
		Api.Response answer = api.upload("/api/v1/imports/orders", "admin", file.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of("Accept-Language", "en"));
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode errors = answer.json().get("errors");
		assertThat(error(errors, 3, "quantity")).contains("abc");
		assertThat(error(errors, 4, "order_date")).contains("2026-13-45");
		assertThat(error(errors, 5, "sku")).contains("NO-SUCH-SKU");
		assertThat(error(errors, 6, "credits")).contains("100");
		assertThat(error(errors, 7, "customer")).contains("NO-SUCH-CUSTOMER");
		assertThat(error(errors, 8, "discount_percent")).isNotBlank();
		assertThat(answer.json().get("created").asLong()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_order").query(Long.class).single())
			.as("the valid first order is not written either").isEqualTo(before);

		Api.Response missing = api.upload("/api/v1/imports/orders", "admin",
				"order,order_date,customer,quantity\nX-1,2026-10-01,CLI-00115,1\n".getBytes(StandardCharsets.UTF_8), CSV,
				Map.of("Accept-Language", "es"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(error(missing.json().get("errors"), 1, "sku")).contains("Falta esta columna");

		String duplicates = """
				external_id,legal_name,segment,company_size,potential_class,status,owner
				DUP-1,Uno S.L.,SMALL_BUSINESS,SMALL,C,PROSPECT,E0019
				DUP-1,Dos S.L.,SMALL_BUSINESS,HUGE,C,PROSPECT,E0019
				""";
		JsonNode dup = api.upload("/api/v1/imports/customers", "admin", duplicates.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json();
		assertThat(error(dup.get("errors"), 3, "external_id")).contains("row 2");
		assertThat(error(dup.get("errors"), 3, "company_size")).contains("HUGE");
		assertThat(api.get("/api/v1/customers?q=DUP-1", "admin").json().get("content")).isEmpty();
	}

	@Test
	void aCorrectedFileUpdatesInsteadOfDuplicatingAndScopeAndRolesHold() {
		String first = """
				order;order_date;customer;sku;quantity;unit_price;discount_percent;credits
				FIX-0001;2026-10-05;CLI-00115;PAP-TONER;2;;;E0019
				FIX-0001;2026-10-05;CLI-00115;INF-DOCK;1;;;E0019
				""";
		JsonNode created = api.upload("/api/v1/imports/orders", "rep", first.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json();
		assertThat(created.get("created").asLong()).as(created.toString()).isEqualTo(1);
		String corrected = first.replace("INF-DOCK;1", "INF-DOCK;3");
		JsonNode updated = api.upload("/api/v1/imports/orders", "rep", corrected.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json();
		assertThat(updated.get("updated").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_order WHERE external_number = 'FIX-0001'").query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT SUM(l.quantity) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
				WHERE o.external_number = 'FIX-0001'""").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("5");

		String otherTeam = "order,order_date,customer,sku,quantity\nFIX-0002,2026-10-05,"
				+ api.get("/api/v1/customers?size=1&q=Bilbao", "director").json().get("content").get(0).get("externalId")
					.asString()
				+ ",PAP-TONER,1\n";
		Api.Response outside = api.upload("/api/v1/imports/orders", "rep", otherTeam.getBytes(StandardCharsets.UTF_8),
				CSV, Map.of());
		assertThat(outside.status()).isEqualTo(422);
		assertThat(error(outside.json().get("errors"), 2, "customer")).isNotBlank();
		assertThat(api.upload("/api/v1/imports/orders", "viewer", first.getBytes(StandardCharsets.UTF_8), CSV, Map.of())
			.status()).isEqualTo(403);
		assertThat(api.upload("/api/v1/imports/products", "rep", first.getBytes(StandardCharsets.UTF_8), CSV, Map.of())
			.status()).isEqualTo(403);
		assertThat(api.upload("/api/v1/imports/nonsense", "admin", first.getBytes(StandardCharsets.UTF_8), CSV, Map.of())
			.status()).isEqualTo(404);
	}

	@Test
	void aServiceCaseNamesItsOrderAndAnotherOrderInTheFileIsAnUpdate() {
		long customer = api.get("/api/v1/customers?q=CLI-00115", "admin").json().get("content").get(0).get("id").asLong();
		JsonNode orders = api.get("/api/v1/orders?size=2&customerId=" + customer, "admin").json().get("content");
		String first = orders.get(0).get("orderNumber").asString();
		String second = orders.get(1).get("orderNumber").asString();
		String file = "external_id,customer,order,subject,category,priority,opened_on\n"
				+ "ORD-CAS-1,CLI-00115," + first + ",Caja abierta,DELIVERY,LOW,2026-10-01\n";
		assertThat(api.upload("/api/v1/imports/service-cases", "admin", file.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json().get("created").asLong()).isEqualTo(1);
		assertThat(api.upload("/api/v1/imports/service-cases", "admin", file.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json().get("unchanged").asLong()).isEqualTo(1);
		JsonNode moved = api.upload("/api/v1/imports/service-cases", "admin",
				file.replace(first, second).getBytes(StandardCharsets.UTF_8), CSV, Map.of()).json();
		assertThat(moved.get("updated").asLong()).isEqualTo(1);
		Api.Response unknown = api.upload("/api/v1/imports/service-cases", "admin",
				file.replace(first, "PED-1900-000001").getBytes(StandardCharsets.UTF_8), CSV, Map.of());
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(error(unknown.json().get("errors"), 2, "order")).contains("PED-1900-000001");
	}

	@Test
	void aVisitWhoseDoneDayChangesIsRefusedOnItsRowAndNothingIsWritten() {
		String done = "external_id,customer,type,salesperson,planned_on,done_on,outcome\n"
				+ "DONE-VIS-1,CLI-00115,visit,E0019,2026-10-02,2026-10-02,Pide presupuesto\n";
		JsonNode first = api.upload("/api/v1/imports/visits", "admin", done.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of()).json();
		assertThat(first.get("created").asLong()).as(first.toString()).isEqualTo(1);

		// A new visit first (written, then rolled back), then the done visit with another done day.
		String moved = "external_id,customer,type,salesperson,planned_on,done_on,outcome\n"
				+ "DONE-VIS-2,CLI-00115,call,E0019,2026-10-05,,\n"
				+ "DONE-VIS-1,CLI-00115,visit,E0019,2026-10-02,2026-10-09,Pide presupuesto\n";
		Api.Response refused = api.upload("/api/v1/imports/visits", "admin", moved.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of("Accept-Language", "en"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asLong()).isEqualTo(3);
			assertThat(error.get("message").asString())
				.isEqualTo("This activity was already done on 2026-10-02; that day stays.");
		});
		assertThat(jdbc.sql("SELECT done_on FROM sales_activity WHERE external_id = 'DONE-VIS-1'").query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2026, 10, 2));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_activity WHERE external_id = 'DONE-VIS-2'").query(Long.class)
			.single()).as("the valid row before it is not written either").isZero();

		Api.Response spanish = api.upload("/api/v1/imports/visits", "admin", moved.getBytes(StandardCharsets.UTF_8),
				CSV, Map.of("Accept-Language", "es"));
		assertThat(spanish.json().get("errors").get(0).get("message").asString())
			.startsWith("Esta actividad ya se realizó el 2026-10-02");
	}

	@Test
	void spreadsheetsImportWithRealDatesAndNumbersThroughMultipartAndDryRunsWriteNothing() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("visits");
			String[] header = { "external_id", "customer", "type", "salesperson", "planned_on", "done_on",
					"duration_minutes", "outcome" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("XLSX-VIS-1");
			row.createCell(1).setCellValue("CLI-00115");
			row.createCell(2).setCellValue("visit");
			row.createCell(3).setCellValue("E0019");
			row.createCell(4).setCellValue(LocalDate.of(2026, 11, 20));
			row.getCell(4).setCellStyle(date);
			row.createCell(5).setCellValue(LocalDate.of(2026, 11, 20));
			row.getCell(5).setCellStyle(date);
			row.createCell(6).setCellValue(45);
			row.createCell(7).setCellValue("Pide presupuesto");
			book.write(out);
			xlsx = out.toByteArray();
		}
		JsonNode dry = api.uploadMultipart("/api/v1/imports/visits?dryRun=true", "rep", "visits.xlsx", xlsx).json();
		assertThat(dry.get("created").asLong()).as(dry.toString()).isEqualTo(1);
		assertThat(dry.get("written").asBoolean()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_activity WHERE external_id = 'XLSX-VIS-1'").query(Long.class)
			.single()).isZero();
		JsonNode real = api.uploadMultipart("/api/v1/imports/visits", "rep", "visits.xlsx", xlsx).json();
		assertThat(real.get("created").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT planned_on FROM sales_activity WHERE external_id = 'XLSX-VIS-1'")
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void aDryRunImportConsumesNoOrderNumbers() {
		long customer = api.get("/api/v1/customers?q=CLI-00115", "admin").json().get("content").get(0).get("id").asLong();
		long product = api.get("/api/v1/products?q=PAP-TONER", "admin").json().get("content").get(0).get("id").asLong();
		Map<String, Object> body = Map.of("customerId", customer, "orderDate", "2026-10-07", "lines",
				List.of(Map.of("productId", product, "quantity", "1")), "credits", List.of());
		String before = api.post("/api/v1/orders", "admin", body).json().get("orderNumber").asString();
		String file = """
				order,order_date,customer,sku,quantity,credits
				DRY-0001,2026-10-07,CLI-00115,PAP-TONER,1,E0019
				DRY-0002,2026-10-07,CLI-00115,PAP-TONER,2,E0019
				DRY-0003,2026-10-07,CLI-00115,INF-DOCK,1,E0019
				""";
		JsonNode dry = api.upload("/api/v1/imports/orders?dryRun=true", "admin", file.getBytes(StandardCharsets.UTF_8),
				CSV, Map.of()).json();
		assertThat(dry.get("created").asLong()).as(dry.toString()).isEqualTo(3);
		assertThat(dry.get("written").asBoolean()).isFalse();
		String after = api.post("/api/v1/orders", "admin", body).json().get("orderNumber").asString();
		assertThat(running(after)).as(before + " then " + after).isEqualTo(running(before) + 1);
	}

	private static long running(String orderNumber) {
		return Long.parseLong(orderNumber.substring(orderNumber.lastIndexOf('-') + 1));
	}

	/**
	 * Twenty thousand lines: ten staging chunks of 2,000 rows and four comparison chunks of 1,000 orders, so every
	 * chunk boundary is crossed; the sizes the imports are built for are measured by OrderImportBenchmark.
	 */
	@Test
	void manyOrderLinesLoadInChunksAndLoadAgainUnchanged() {
		List<String> customers = jdbc.sql("SELECT external_id FROM customer_account WHERE owner_staff_id IS NOT NULL"
				+ " AND archived = FALSE ORDER BY id FETCH FIRST 50 ROWS ONLY").query(String.class).list();
		String[] skus = { "PAP-TONER", "INF-DOCK", "MOB-CAJON", "LIM-GUANTES", "PAP-SOBRES" };
		StringBuilder file = new StringBuilder("order,order_date,customer,sku,quantity,unit_price,discount_percent\n");
		for (int order = 0; order < 4_000; order++) {
			String customer = customers.get(order % customers.size());
			LocalDate date = LocalDate.of(2019, 1, 1).plusDays(order % 365);
			for (int line = 0; line < 5; line++) {
				file.append("BIG-").append(order).append(',').append(date).append(',').append(customer).append(',')
					.append(skus[line]).append(',').append(1 + (order + line) % 7).append(",10.50,")
					.append(line == 0 ? "5" : "").append('\n');
			}
		}
		byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
		Api.Response first = api.upload("/api/v1/imports/orders", "admin", content, CSV, Map.of());
		assertThat(first.status()).as(first.body().substring(0, Math.min(500, first.body().length()))).isEqualTo(200);
		assertThat(first.json().get("rows").asLong()).isEqualTo(20_000);
		assertThat(first.json().get("created").asLong()).isEqualTo(4_000);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
				WHERE o.external_number LIKE 'BIG-%'""").query(Long.class).single()).isEqualTo(20_000);
		JsonNode again = api.upload("/api/v1/imports/orders", "admin", content, CSV, Map.of()).json();
		assertThat(again.get("unchanged").asLong()).isEqualTo(4_000);
		// The export streams the lines of the same 4,000 orders back in one query.
		Api.Response csv = api.get("/api/v1/orders?from=2019-01-01&to=2019-12-31&sort=orderDate", "admin",
				Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		// One row per order line, in the import's columns.
		assertThat(csv.body().lines().filter(l -> l.contains("BIG-")).count()).isEqualTo(20_000);
	}

	private static String error(JsonNode errors, long row, String column) {
		for (JsonNode error : errors) {
			if (error.get("row").asLong() == row && column.equals(error.get("column").asString(""))) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("no error at row " + row + ", column " + column + " in " + errors);
	}
}
