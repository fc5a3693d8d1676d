package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.imports.ImportError;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A channel sells and is paid by its terms (decision 0042), over real HTTP: an agent unit of the test's own with its
 * seller record, terms that write the plan paying 8 % of the revenue of the covered line, an order of an uncovered
 * line refused on entry and in the import (row and column named, nothing written), an order booked under the
 * broader terms still editable, and this month's payout run of the channel's plan paying the share of the covered
 * line only. The account is the test's own (other classes read the demo customers' figures) and the dates come from
 * the application's clock.
 */
@RumboIntegrationTest
class ChannelPayScenarioTests extends ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	private record Product(long id, String sku, String name, long line) {
	}

	/** Two active products of different product lines. */
	private List<Product> twoLines() {
		JsonNode products = api.get("/api/v1/products?size=200&active=true&lang=en", "admin").json().get("content");
		Product first = null;
		for (JsonNode p : products) {
			Product product = new Product(p.get("id").asLong(), p.get("sku").asString(), p.get("nameEn").asString(),
					p.get("lineId").asLong());
			if (first == null) {
				first = product;
			}
			else if (product.line() != first.line()) {
				return List.of(first, product);
			}
		}
		throw new AssertionError("two product lines");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Map<String, Object> order(long customer, long seller, Product product, String price) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customer);
		body.put("orderDate", today().toString());
		body.put("lines", List.of(Map.of("productId", product.id(), "quantity", "1", "unitPrice", price)));
		body.put("credits", List.of(Map.of("staffId", seller, "sharePercent", "100")));
		return body;
	}

	private Map<String, Object> terms(long version, long seller, List<Long> lines, LocalDate from) {
		Map<String, Object> terms = new LinkedHashMap<>();
		terms.put("version", version);
		terms.put("basis", "REVENUE");
		terms.put("sharePercent", new BigDecimal("8"));
		terms.put("sellerStaffId", seller);
		terms.put("productLineIds", lines);
		terms.put("validFrom", from.toString());
		return terms;
	}

	@Test
	void aChannelIsPaidItsShareOfTheCoveredLineAndSellsNothingElse() throws Exception {
		Map<String, Object> unitBody = unitBody(unique("AG"), unitId(api, "R-CENTRO"));
		unitBody.put("kind", "AGENT");
		Api.Response unit = api.post("/api/v1/org-units", "admin", unitBody);
		assertThat(unit.status()).as(unit.body()).isEqualTo(201);
		long unitId = unit.json().get("id").asLong();
		String number = unique("AGS");
		Map<String, Object> staffBody = staffBody(number, unitId);
		staffBody.put("jobRole", "AGENT");
		Api.Response staff = api.post("/api/v1/staff", "admin", staffBody);
		assertThat(staff.status()).as(staff.body()).isEqualTo(201);
		long seller = staff.json().get("id").asLong();
		List<Product> products = twoLines();
		Product covered = products.get(0);
		Product uncovered = products.get(1);
		String customerCode = unique("CHC");
		long customer = customer(customerCode, seller);
		FiscalPeriod year = calendar.years().year(calendar.currentYear());

		// Terms over every line first: the channel sells 10,000 of the covered line and 2,000 of the other.
		Api.Response every = api.put("/api/v1/sizing/channels/" + unitId, "director",
				terms(0, seller, List.of(), year.start()));
		assertThat(every.status()).as(every.body()).isEqualTo(200);
		assertThat(every.json().get("planState").asString()).as("the director's terms approve the plan")
			.isEqualTo("APPROVED");
		List<JsonNode> booked = new java.util.ArrayList<>();
		for (Map<String, Object> o : List.of(order(customer, seller, covered, "10000"),
				order(customer, seller, uncovered, "2000"))) {
			Api.Response made = api.post("/api/v1/orders", "director", o);
			assertThat(made.status()).as(made.body()).isEqualTo(201);
			booked.add(made.json());
		}
		// Then the terms cover the first line only.
		Api.Response narrowed = api.put("/api/v1/sizing/channels/" + unitId + "?lang=en", "director",
				terms(every.json().get("version").asLong(), seller, List.of(covered.line()), year.start()));
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.json().get("planState").asString()).isEqualTo("APPROVED");
		String planCode = narrowed.json().get("planCode").asString();
		assertThat(planCode).isEqualTo(every.json().get("planCode").asString());

		Api.Response refused = api.post("/api/v1/orders?lang=en", "director",
				order(customer, seller, uncovered, "50"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].productId");
		assertThat(refused.body()).contains(uncovered.sku()).contains("do not cover");
		Api.Response other = api.post("/api/v1/orders", "director", order(customer, seller, covered, "500"));
		assertThat(other.status()).as("a covered line is taken: " + other.body()).isEqualTo(201);

		// The order of the other line, booked under the broader terms, still takes a note; its line stays.
		JsonNode earlier = booked.get(1);
		Map<String, Object> noted = order(customer, seller, uncovered, "2000");
		noted.put("notes", "Delivered in two parts");
		noted.put("version", earlier.get("version").asLong());
		Api.Response edited = api.put("/api/v1/orders/" + earlier.get("id").asLong() + "?lang=en", "director", noted);
		assertThat(edited.status()).as("an edit that keeps the line: " + edited.body()).isEqualTo(200);
		// But an edit that puts the uncovered line on the covered order is refused on that line.
		JsonNode first = booked.get(0);
		Map<String, Object> swapped = order(customer, seller, uncovered, "10000");
		swapped.put("version", first.get("version").asLong());
		Api.Response changed = api.put("/api/v1/orders/" + first.get("id").asLong() + "?lang=en", "director",
				swapped);
		assertThat(changed.status()).as(changed.body()).isEqualTo(400);
		assertThat(changed.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].productId");

		String prefix = unique("CHN");
		String file = "order,order_date,customer,sku,quantity,credits\n"
				+ prefix + "-1," + today() + "," + customerCode + "," + covered.sku() + ",1," + number
				+ "\n" + prefix + "-2," + today() + "," + customerCode + "," + uncovered.sku() + ",1,"
				+ number + "\n";
		ImportSummary summary = imports.run(admin(), "orders", "orders.csv", file.getBytes(StandardCharsets.UTF_8),
				Locale.ENGLISH, false, (phase, done, total) -> {
				});
		assertThat(summary.errors()).extracting(ImportError::row, ImportError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "sku"));
		assertThat(summary.errors().get(0).message()).contains(uncovered.sku());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sales_order WHERE external_number LIKE :p")
			.param("p", prefix + "%").query(Long.class).single()).as("all or nothing").isZero();

		// The month's run of the channel's plan: 8 % of the covered line's 10,500, nothing of the other line.
		LocalDate month = today().withDayOfMonth(1);
		String period = calendar.years().code(new FiscalPeriod(month, month.plusMonths(1)));
		long planId = narrowed.json().get("planId").asLong();
		// The metrics take the orders in after their commit.
		BigDecimal credited = null;
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			credited = api.get("/api/v1/sizing/channels/" + unitId, "director").json().get("credited").decimalValue();
			if (credited.compareTo(new BigDecimal("10500")) == 0) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(credited).as("the channel's credited revenue within 30 s").isEqualByComparingTo("10500");
		Api.Response run = api.post("/api/v1/payout-runs", "finance", Map.of("period", period, "planId", planId));
		assertThat(run.status()).as(run.body()).isEqualTo(201);
		long runId = run.json().get("id").asLong();
		Api.Response statement = api.get("/api/v1/statements/" + runId + "/" + planCode + "/" + seller + "?lang=en",
				"finance");
		assertThat(statement.status()).as(statement.body()).isEqualTo(200);
		JsonNode lines = statement.json().get("lines");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).get("value").decimalValue()).isEqualByComparingTo("10500");
		assertThat(lines.get(0).get("rate").decimalValue()).isEqualByComparingTo("8");
		assertThat(lines.get(0).get("amount").decimalValue()).isEqualByComparingTo("840.00");
		assertThat(api.get("/api/v1/sizing/channels/" + unitId, "director").json().get("earned").decimalValue())
			.isEqualByComparingTo("840.00");
	}

	/** An active account of the test's own, with its code for the import, owned by the channel's seller. */
	private long customer(String code, long owner) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("externalId", code);
		body.put("legalName", "Channel account " + code);
		body.put("segment", "SMALL_BUSINESS");
		body.put("companySize", "SMALL");
		body.put("region", "Centro");
		body.put("potentialClass", "B");
		body.put("annualPotential", "1000");
		body.put("status", "ACTIVE");
		body.put("ownerStaffId", owner);
		body.put("effectiveDate", today().minusYears(1).toString());
		Api.Response created = api.post("/api/v1/customers", "director", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private CurrentUser admin() {
		return new CurrentUser(new UserId(jdbc.sql("SELECT id FROM identity_user WHERE username = 'admin'")
			.query(Long.class).single()), "admin", "Admin", Set.of(Role.ADMIN));
	}
}
