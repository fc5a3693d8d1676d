package io.rumbo.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportSummary;
import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order import's set-based write: new orders numbered as they are inserted, in file order, after a booking that
 * committed while the import ran; and the credits of a blank credits column (the account's owner in full), split in
 * SQL from one decision of the credit rule per owner and date, equal to the rule's split of the same owner named
 * explicitly, and the rule's refusal for an account without an owner.
 */
@RumboIntegrationTest
class OrderImportNumbersAndCreditsScenarioTests extends ApiTestSupport {

	private static final String HEADER = "order,order_date,customer,sku,quantity,credits\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportService imports;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void newOrdersAreNumberedInFileOrderAfterABookingThatCommittedWhileTheImportRan() throws Exception {
		String prefix = unique("CNB");
		String file = HEADER + prefix + "-B,2026-10-07,CLI-00115,PAP-TONER,1,E0019\n"
				+ prefix + "-A,2025-10-07,CLI-00115,PAP-TONER,2,E0019\n"
				+ prefix + "-C,2026-10-07,CLI-00115,INF-DOCK,1,E0019\n";
		long customer = api.get("/api/v1/customers?q=CLI-00115", "admin").json().get("content").get(0).get("id").asLong();
		long product = api.get("/api/v1/products?q=PAP-TONER", "admin").json().get("content").get(0).get("id").asLong();
		Map<String, Object> booking = Map.of("customerId", customer, "orderDate", "2026-10-07", "lines",
				List.of(Map.of("productId", product, "quantity", "1")), "credits", List.of());
		AtomicReference<Api.Response> booked = new AtomicReference<>();
		// Once every row is checked and before the import writes, somebody books an order and commits.
		ImportSummary summary = imports.run(admin(), "orders", "orders.csv", file.getBytes(StandardCharsets.UTF_8),
				Locale.ENGLISH, false, (phase, done, total) -> {
					if ("imports.phase.writing".equals(phase) && done == 0 && booked.get() == null) {
						Thread other = new Thread(() -> booked.set(api.post("/api/v1/orders", "admin", booking)));
						other.start();
						try {
							other.join(30_000);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				});
		assertThat(summary.errors()).isEmpty();
		assertThat(summary.created()).isEqualTo(3);
		assertThat(booked.get().status()).as(booked.get().body()).isEqualTo(201);
		String number = booked.get().json().get("orderNumber").asString();
		long running = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
		List<String> numbers = jdbc.sql("SELECT order_number FROM sales_order WHERE external_number LIKE :prefix"
				+ " ORDER BY external_number").param("prefix", prefix + "-%").query(String.class).list();
		assertThat(numbers).containsExactly(String.format("PED-2025-%06d", running + 2),
				String.format("PED-2026-%06d", running + 1), String.format("PED-2026-%06d", running + 3));
	}

	@Test
	void aBlankCreditsColumnCreditsTheOwnerAsTheCreditRuleDoesWhenTheOwnerIsNamed() {
		List<Map<String, Object>> accounts = jdbc.sql("""
				SELECT c.external_id, s.employee_number FROM customer_account c
				JOIN org_staff s ON s.id = c.owner_staff_id
				WHERE c.archived = FALSE ORDER BY c.id FETCH FIRST 3 ROWS ONLY""").query().listOfRows();
		String prefix = unique("OWN");
		StringBuilder blank = new StringBuilder(HEADER);
		StringBuilder named = new StringBuilder(HEADER);
		int n = 0;
		for (Map<String, Object> account : accounts) {
			// An early date (the owner may have had no unit yet: the rule then takes the current one) and a recent one.
			for (String date : List.of("2019-02-01", "2026-10-07")) {
				String line = "," + date + "," + account.get("external_id") + ",PAP-TONER,1,";
				blank.append(prefix).append("-B").append(n).append(line).append('\n');
				named.append(prefix).append("-N").append(n).append(line).append(account.get("employee_number"))
					.append(":100\n");
				n++;
			}
		}
		assertThat(upload(blank.toString()).json().get("created").asLong()).isEqualTo(n);
		assertThat(upload(named.toString()).json().get("created").asLong()).isEqualTo(n);
		for (int i = 0; i < n; i++) {
			List<Map<String, Object>> fromBlank = credits(prefix + "-B" + i);
			assertThat(fromBlank).hasSize(1);
			assertThat(fromBlank).as("order %d", i).isEqualTo(credits(prefix + "-N" + i));
		}
	}

	@Test
	void anAccountWithoutAnOwnerAndABlankCreditsColumnIsRefusedAsTheCreditRuleRefusesIt() {
		String account = unique("NOOWN").replace("-", "");
		Api.Response created = api.upload("/api/v1/imports/customers", "admin",
				("external_id,legal_name,segment,company_size,potential_class,status,unit\n" + account
						+ ",Sin Dueño S.L.,SMALL_BUSINESS,SMALL,C,ACTIVE,E-VLL\n").getBytes(StandardCharsets.UTF_8),
				"text/csv", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String order = unique("NOO");
		Api.Response refused = upload(HEADER + order + ",2026-10-07," + account + ",PAP-TONER,1,\n");
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("row").asLong()).isEqualTo(2);
			assertThat(error.get("column").asString()).isEqualTo("credits");
			assertThat(error.get("message").asString()).contains("somebody must be credited with the order");
		});
	}

	private List<Map<String, Object>> credits(String external) {
		return jdbc.sql("""
				SELECT c.staff_id, c.unit_id, c.share_percent FROM sales_order_credit c
				JOIN sales_order o ON o.id = c.order_id WHERE o.external_number = :e ORDER BY c.staff_id""")
			.param("e", external)
			.query()
			.listOfRows();
	}

	private CurrentUser admin() {
		return new CurrentUser(new UserId(jdbc.sql("SELECT id FROM identity_user WHERE username = 'admin'")
			.query(Long.class).single()), "admin", "Admin", Set.of(Role.ADMIN));
	}

	private Api.Response upload(String file) {
		return api.upload("/api/v1/imports/orders", "admin", file.getBytes(StandardCharsets.UTF_8), "text/csv",
				Map.of("Accept-Language", "en"));
	}
}
