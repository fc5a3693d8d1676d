package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order import through its staging tables: the checks that span rows (an order's header, withdrawn products,
 * cancelled orders), fractions written as discounts, historic line costs, and order numbers taken once at the end
 * (a dry run takes none and does not need the counter; a booking that cannot have it answers 409, not 500).
 */
@RumboIntegrationTest
class OrderImportStagingScenarioTests extends ApiTestSupport {

	private static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void aWithdrawnProductIsRefusedOnANewOrderButStaysOnTheOrdersThatHaveIt() {
		String sku = unique("WD").replace("-", "");
		String product = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from,active\n" + sku
				+ ",Retirado,Withdrawn,PAP,UNIT,10.00,4.00,2020-01-01,%s\n";
		assertThat(upload("products", product.formatted("true"), "en").status()).isEqualTo(200);
		String order = unique("WDO");
		String file = "order,order_date,customer,sku,quantity,credits\n" + order + ",2026-10-03,CLI-00115," + sku
				+ ",2,E0019\n";
		assertThat(upload("orders", file, "en").json().get("created").asLong()).isEqualTo(1);
		assertThat(upload("products", product.formatted("false"), "en").json().get("updated").asLong()).isEqualTo(1);

		JsonNode again = upload("orders", file.replace(",2,", ",3,"), "en").json();
		assertThat(again.get("updated").asLong()).as("a stored order keeps its product: " + again).isEqualTo(1);

		String other = unique("WDN");
		Api.Response refused = upload("orders", file + other + ",2026-10-03,CLI-00115,PAP-TONER,1,E0019\n" + other
				+ ",2026-10-03,CLI-00115," + sku.toLowerCase() + ",1,E0019\n", "en");
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asLong()).isEqualTo(4);
			assertThat(error.get("column").asString()).isEqualTo("sku");
			assertThat(error.get("message").asString()).contains(sku).contains("withdrawn");
		});
		assertThat(count("SELECT COUNT(*) FROM sales_order WHERE external_number = '" + other + "'")).isZero();
	}

	@Test
	void aDiscountWrittenAsAFractionIsRefusedOnItsRowAndColumn() {
		String order = unique("FRA");
		String file = "order;order_date;customer;sku;quantity;discount_percent;credits\n" + order
				+ ";2026-10-03;CLI-00115;PAP-TONER;2;5;E0019\n" + order + ";2026-10-03;CLI-00115;INF-DOCK;1;0,05;E0019\n";
		Api.Response english = upload("orders", file, "en");
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.json().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asLong()).isEqualTo(3);
			assertThat(error.get("column").asString()).isEqualTo("discount_percent");
			assertThat(error.get("message").asString()).contains("0,05").contains("write 5 for 5 %");
		});
		assertThat(upload("orders", file, "es").json().get("errors").get(0).get("message").asString())
			.contains("escriba 5 para un 5 %");
		assertThat(upload("orders", file.replace("0,05", "0"), "en").json().get("created").asLong()).isEqualTo(1);
	}

	@Test
	void aHistoricLineCostIsKeptAndCountsInTheMargin() {
		String order = unique("HIS");
		String file = "order,order_date,customer,sku,quantity,unit_price,unit_cost,credits\n" + order
				+ ",2019-05-06,CLI-00115,PAP-TONER,4,10,2.5,E0019\n" + order
				+ ",2019-05-06,CLI-00115,INF-DOCK,1,100,,E0019\n";
		assertThat(upload("orders", file, "en").json().get("created").asLong()).isEqualTo(1);
		JsonNode stored = orderByExternal(order);
		JsonNode toner = stored.get("lines").get(0);
		assertThat(toner.get("unitCost").decimalValue()).isEqualByComparingTo("2.5");
		assertThat(toner.get("marginAmount").decimalValue()).isEqualByComparingTo("30");
		BigDecimal standard = jdbc.sql("""
				SELECT c.standard_cost FROM catalog_product_cost c JOIN catalog_product p ON p.id = c.product_id
				WHERE p.sku = 'INF-DOCK' AND c.valid_from <= DATE '2019-05-06' ORDER BY c.valid_from DESC
				FETCH FIRST 1 ROWS ONLY""").query(BigDecimal.class).optional().orElse(null);
		BigDecimal dock = stored.get("lines").get(1).get("unitCost").isNull() ? null
				: stored.get("lines").get(1).get("unitCost").decimalValue();
		assertThat(dock == null ? null : dock.stripTrailingZeros())
			.as("a blank cost takes the standard cost of the day")
			.isEqualTo(standard == null ? null : standard.stripTrailingZeros());
		assertThat(stored.get("marginAmount").decimalValue())
			.isEqualByComparingTo(new BigDecimal("130").subtract(standard == null ? BigDecimal.ZERO : standard));

		assertThat(upload("orders", file, "en").json().get("unchanged").asLong()).isEqualTo(1);
		assertThat(upload("orders", file.replace(",2.5,", ",3,"), "en").json().get("updated").asLong()).isEqualTo(1);
		assertThat(orderByExternal(order).get("lines").get(0).get("marginAmount").decimalValue())
			.isEqualByComparingTo("28");
		String withoutCost = "order,order_date,customer,sku,quantity,unit_price,credits\n" + order
				+ ",2019-05-06,CLI-00115,PAP-TONER,4,10,E0019\n" + order + ",2019-05-06,CLI-00115,INF-DOCK,1,100,E0019\n";
		assertThat(upload("orders", withoutCost, "en").json().get("unchanged").asLong())
			.as("a file without costs leaves the historic ones").isEqualTo(1);

		Api.Response negative = upload("orders", file.replace(",2.5,", ",-1,"), "en");
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.json().get("errors").get(0).get("column").asString()).isEqualTo("unit_cost");
	}

	@Test
	void linesThatContradictTheirOrderAndChangesToACancelledOrderAreNamedByRowAndColumn() {
		String order = unique("HDR");
		String file = "order,order_date,customer,sku,quantity,credits\n"
				+ order + ",2026-10-01,CLI-00115,PAP-TONER,1,E0019\n"
				+ order + ",2026-10-02,CLI-00115,INF-DOCK,1,E0019\n"
				+ order + ",2026-10-01,CLI-00117,INF-DOCK,1,E0019\n"
				+ order + ",2026-10-01,CLI-00115,INF-DOCK,1,E0022\n";
		Api.Response refused = upload("orders", file, "en");
		assertThat(refused.status()).isEqualTo(422);
		JsonNode errors = refused.json().get("errors");
		assertThat(errors).hasSize(3);
		assertThat(errors.get(0).get("row").asLong()).isEqualTo(3);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("order_date");
		assertThat(errors.get(0).get("message").asString()).contains("row 2");
		assertThat(errors.get(1).get("row").asLong()).isEqualTo(4);
		assertThat(errors.get(1).get("column").asString()).isEqualTo("customer");
		assertThat(errors.get(2).get("row").asLong()).isEqualTo(5);
		assertThat(errors.get(2).get("column").asString()).isEqualTo("credits");

		String good = "order,order_date,customer,sku,quantity,credits\n" + order
				+ ",2026-10-01,CLI-00115,PAP-TONER,1,E0019\n";
		assertThat(upload("orders", good, "en").json().get("created").asLong()).isEqualTo(1);
		long id = orderByExternal(order).get("id").asLong();
		assertThat(api.delete("/api/v1/orders/" + id, "admin").status()).isEqualTo(204);
		assertThat(upload("orders", good, "en").json().get("unchanged").asLong()).isEqualTo(1);
		Api.Response cancelled = upload("orders", good.replace(",1,", ",2,"), "en");
		assertThat(cancelled.status()).isEqualTo(422);
		assertThat(cancelled.json().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asLong()).isEqualTo(2);
			assertThat(error.get("column").asString()).isEqualTo("order");
		});
	}

	@Test
	void aDryRunDoesNotNeedTheOrderNumberCounterAndTheImportNumbersItsOrdersInFileOrder() throws Exception {
		String prefix = unique("NUM");
		String file = "order,order_date,customer,sku,quantity,credits\n"
				+ prefix + "-B,2026-10-07,CLI-00115,PAP-TONER,1,E0019\n"
				+ prefix + "-A,2025-10-07,CLI-00115,PAP-TONER,2,E0019\n"
				+ prefix + "-C,2026-10-07,CLI-00115,INF-DOCK,1,E0019\n";
		long counter = jdbc.sql("SELECT last_value FROM sales_order_number WHERE id = 1").query(Long.class).single();
		JsonNode dry = whileTheCounterIsLocked(() -> upload("orders?dryRun=true", file, "en")).json();
		assertThat(dry.get("created").asLong()).as(dry.toString()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT last_value FROM sales_order_number WHERE id = 1").query(Long.class).single())
			.isEqualTo(counter);

		assertThat(upload("orders", file, "en").json().get("created").asLong()).isEqualTo(3);
		List<String> numbers = jdbc.sql("SELECT order_number FROM sales_order WHERE external_number LIKE :prefix"
				+ " ORDER BY external_number").param("prefix", prefix + "-%").query(String.class).list();
		long first = counter + 1;
		assertThat(numbers).containsExactly(String.format("PED-2025-%06d", first + 1),
				String.format("PED-2026-%06d", first), String.format("PED-2026-%06d", first + 2));
		assertStagingEmpty();
	}

	@Test
	void aBookingThatCannotHaveTheOrderNumberCounterAnswersConflictNotAServerError() throws Exception {
		long customer = api.get("/api/v1/customers?q=CLI-00115", "admin").json().get("content").get(0).get("id").asLong();
		long product = api.get("/api/v1/products?q=PAP-TONER", "admin").json().get("content").get(0).get("id").asLong();
		Map<String, Object> body = Map.of("customerId", customer, "orderDate", "2026-10-07", "lines",
				List.of(Map.of("productId", product, "quantity", "1")), "credits", List.of());
		Api.Response busy = whileTheCounterIsLocked(() -> api.post("/api/v1/orders", "admin", body));
		assertThat(busy.status()).as(busy.body()).isEqualTo(409);
		assertThat(busy.contentType()).startsWith("application/problem+json");
		assertThat(api.post("/api/v1/orders", "admin", body).status()).isEqualTo(201);
	}

	@Test
	void stagingRowsDoNotOutliveAnImportThatSucceedsFailsOrOnlyChecks() {
		String order = unique("STG");
		String file = "order,order_date,customer,sku,quantity,credits\n" + order
				+ ",2026-10-01,CLI-00115,PAP-TONER,1,E0019\n";
		assertThat(upload("orders?dryRun=true", file, "en").status()).isEqualTo(200);
		assertStagingEmpty();
		assertThat(upload("orders", file + order + ",2026-10-01,NO-SUCH,PAP-TONER,1,E0019\n", "en").status())
			.isEqualTo(422);
		assertStagingEmpty();
		assertThat(upload("orders", file, "en").status()).isEqualTo(200);
		assertStagingEmpty();
	}

	private void assertStagingEmpty() {
		for (String table : List.of("sales_order_import_line", "sales_order_import_order", "sales_order_import_credit",
				"sales_order_import_changed")) {
			assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
		}
	}

	/** Runs {@code call} while another transaction holds the order number counter's row. */
	private <T> T whileTheCounterIsLocked(java.util.concurrent.Callable<T> call) throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("UPDATE sales_order_number SET last_value = last_value WHERE id = 1").update();
			locked.countDown();
			try {
				done.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			status.setRollbackOnly();
		}));
		holder.start();
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			return call.call();
		}
		finally {
			done.countDown();
			holder.join(10_000);
		}
	}

	private JsonNode orderByExternal(String external) {
		long id = jdbc.sql("SELECT id FROM sales_order WHERE external_number = :e").param("e", external)
			.query(Long.class).single();
		return api.get("/api/v1/orders/" + id, "admin").json();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private Api.Response upload(String kindAndQuery, String file, String language) {
		return api.upload("/api/v1/imports/" + kindAndQuery, "admin", file.getBytes(StandardCharsets.UTF_8), CSV,
				Map.of("Accept-Language", language));
	}
}
