package io.rumbo.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import io.rumbo.support.Api;
import io.rumbo.support.CleanDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's "done means": with 200,000 and then 2,000,000 customers, and the order lines growing past 1,500,000, the
 * application (this JVM, at {@code -Xmx2g}, exiting on an OutOfMemoryError) runs each request that used to take it
 * down twice, over HTTP: a 1,000-line order import (new, then unchanged), the pipeline board page signed in, the
 * customer picker, the customer export as CSV and as XLSX, a customer import (new, then unchanged) and a dry run,
 * an upload over the size limit (multipart and raw {@code text/csv}: 413 with a problem detail), and the big order
 * file (150,000 lines, then 1,500,000, sent as a stream: new, then re-imported unchanged). Meanwhile
 * {@link ScaleWatch} reads the heap after a collection and asks for health every half second. It prints each
 * request's times and largest heap after collection at both sizes, the health polls, failures and longest gap, and
 * fails when health failed once, or when the heap at the large size is 1.5 times the small size's or more (over
 * the whole size and for any request).
 * <p>
 * PostgreSQL only: {@code ./mvnw -B -ntp -o -Pbenchmarks test -Dtest=ScaleDoneBenchmark
 * -DargLine="-Xmx2g -XX:+ExitOnOutOfMemoryError" -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/<database>
 * -Dspring.datasource.username=postgres}; sizes by {@code -Drumbo.bench.small=200000 -Drumbo.bench.large=2000000}
 * and the order file by {@code -Drumbo.bench.smallLines=150000 -Drumbo.bench.largeLines=1500000} (the defaults).
 */
// The upload limit of production's order (the tests' 16 MB would refuse the big order file, about 75 MB).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rumbo.imports.max-upload-size=128MB")
@Import(CleanDatabase.class)
class ScaleDoneBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final String CUSTOMERS = "external_id,legal_name,tax_id,segment,industry,company_size,region,"
			+ "address,postal_code,city,potential_class,annual_potential,status,owner,unit\n";
	private static final String ORDERS = "order,order_date,customer,sku,quantity,unit_price\n";
	private static final int IMPORTED_CUSTOMERS = 20_000;

	/** A request's two times (ms), its largest heap after a collection over both (KB) and what it answered. */
	private record Figure(double firstMs, double secondMs, double heapKb, String answer) {
	}

	@FunctionalInterface
	private interface Request {
		String run(int run) throws Exception;
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private Api api;
	private ScaleWatch watch;
	private List<String> skus;
	private final List<String> failures = new java.util.ArrayList<>();

	@Test
	void everyRequestOfIssue17TwiceWithTheHeapFlatAndHealthAnswering() throws Exception {
		String url = String.valueOf(System.getProperty("spring.datasource.url"));
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (H2 keeps its tables in the heap)");
		// The application is measured as it runs in production: an OutOfMemoryError ends it (docs/operations.md).
		assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).contains("-XX:+ExitOnOutOfMemoryError");
		int small = Integer.getInteger("rumbo.bench.small", 200_000);
		int large = Integer.getInteger("rumbo.bench.large", 2_000_000);
		long smallLines = Long.getLong("rumbo.bench.smallLines", 150_000);
		long largeLines = Long.getLong("rumbo.bench.largeLines", 1_500_000);
		api = new Api(port);
		skus = jdbc.sql("SELECT sku FROM catalog_product WHERE active = TRUE ORDER BY id FETCH FIRST 20 ROWS ONLY")
			.query(String.class).list();
		System.out.printf("scale done: max heap %,d MB, JVM %s%n", Runtime.getRuntime().maxMemory() / 1024 / 1024,
				ManagementFactory.getRuntimeMXBean().getInputArguments());
		Map<String, Figure> atSmall;
		Map<String, Figure> atLarge;
		try (ScaleWatch watching = new ScaleWatch(port)) {
			watch = watching;
			atSmall = measure(small, smallLines);
			atLarge = measure(large, largeLines);
			System.out.printf("scale done health: %,d polls every 0.5 s, %,d failed (first: %s), longest gap between two"
					+ " answers %,d ms%n", watch.polls(), watch.failures(), watch.firstFailure(), watch.longestGapMs());
		}
		for (String request : atSmall.keySet()) {
			Figure s = atSmall.get(request);
			Figure l = atLarge.get(request);
			System.out.printf(Locale.ROOT, "scale done %s: %,d customers %,.0f / %,.0f ms, heap %,.0f KB (%s); %,d"
					+ " customers %,.0f / %,.0f ms, heap %,.0f KB (%s); heap ratio %.2f%n", request, small, s.firstMs(),
					s.secondMs(), s.heapKb(), s.answer(), large, l.firstMs(), l.secondMs(), l.heapKb(), l.answer(),
					l.heapKb() / s.heapKb());
		}
		assertThat(failures).as("requests that failed").isEmpty();
		assertThat(watch.failures()).as("health failures: " + watch.firstFailure()).isZero();
		for (String request : atSmall.keySet()) {
			assertThat(atLarge.get(request).heapKb() / atSmall.get(request).heapKb()).as(request).isLessThan(1.5);
		}
	}

	/** Grows the tables to this size and runs every request twice; the figures by request, "all" the whole size's. */
	private Map<String, Figure> measure(int customers, long orderLines) throws Exception {
		long started = System.nanoTime();
		grow(customers);
		System.out.printf("scale done: %,d customers (%,d s to add them), %,d order lines before the big file%n",
				count("customer_account"), (System.nanoTime() - started) / 1_000_000_000, count("sales_order_line"));
		watch.reset();
		Map<String, Figure> figures = new LinkedHashMap<>();
		String token = api.token("admin");
		HttpClient board = signIn("admin");
		int accounts = Math.min(customers - 1000, 150_000);
		LongFunction<String> smallOrder = orderLine("SCALE-" + customers + "-", accounts);
		twice(figures, "order import 1,000 lines", run -> imported(post("/api/v1/imports/orders", "text/csv", token,
				new GeneratedFile(ORDERS, 1000, smallOrder), -1)));
		twice(figures, "pipeline board page", run -> {
			HttpResponse<String> page = board.send(request("/opportunities?lang=en").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			return page.body().length() / 1024 + " KB";
		});
		twice(figures, "customer picker", run -> {
			Api.Response options = api.get("/api/v1/customers/options?q=prueba%2012&size=10", "admin");
			assertThat(options.status()).isEqualTo(200);
			return "total " + options.json().get("page").get("totalElements");
		});
		long visible = jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE archived = FALSE").query(Long.class).single();
		for (String type : List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
			twice(figures, "customer export " + (type.equals("text/csv") ? "CSV" : "XLSX"), run -> export(type, token,
					visible));
		}
		LongFunction<String> newAccount = account("CIS-" + customers + "-");
		twice(figures, "customer import 20,000 rows", run -> imported(post("/api/v1/imports/customers", "text/csv",
				token, new GeneratedFile(CUSTOMERS, IMPORTED_CUSTOMERS, newAccount), -1)));
		LongFunction<String> checkedAccount = account("CID-" + customers + "-");
		twice(figures, "customer import dry run 20,000 rows", run -> {
			String answer = imported(post("/api/v1/imports/customers?dryRun=true", "text/csv", token,
					new GeneratedFile(CUSTOMERS, IMPORTED_CUSTOMERS, checkedAccount), -1));
			assertThat(count("customer_account WHERE external_id LIKE 'CID-%'")).isZero();
			return answer;
		});
		twice(figures, "upload over the limit, multipart", run -> tooLarge(true, token));
		twice(figures, "upload over the limit, raw text/csv", run -> tooLarge(false, token));
		LongFunction<String> bigOrder = orderLine("BIG-" + customers + "-", accounts);
		twice(figures, "big order file, streamed", run -> String.format("%,d lines: ", orderLines) + imported(post(
				"/api/v1/imports/orders", "text/csv", token, new GeneratedFile(ORDERS, orderLines, bigOrder), -1)));
		figures.put("all requests", new Figure(0, 0, figures.values().stream().mapToDouble(Figure::heapKb).max()
			.orElseThrow(), count("sales_order_line") + " order lines after"));
		return figures;
	}

	/** Runs the request twice, each time with a new heap peak; its figure. */
	private void twice(Map<String, Figure> figures, String name, Request request) throws Exception {
		double[] ms = new double[2];
		String[] answers = new String[2];
		long heap = 0;
		for (int run = 0; run < 2; run++) {
			watch.reset();
			long started = System.nanoTime();
			try {
				answers[run] = request.run(run);
			}
			catch (Exception | AssertionError ex) {
				// A long run goes on to the other requests; the failures fail it at the end.
				String failure = String.valueOf(ex);
				answers[run] = "FAILED " + failure.substring(0, Math.min(500, failure.length()));
				failures.add(name + " run " + (run + 1) + ": " + answers[run]);
			}
			ms[run] = (System.nanoTime() - started) / 1e6;
			long peak = watch.peak();
			heap = Math.max(heap, peak);
			System.out.printf("scale done: %s run %d: %,.0f ms, heap after collection %,d KB, %s%n", name, run + 1,
					ms[run], peak / 1024, answers[run]);
		}
		figures.put(name, new Figure(ms[0], ms[1], heap / 1024.0, answers[0] + " / " + answers[1]));
	}

	/** The import's counts, after checking it answered 200. */
	private static String imported(HttpResponse<String> answer) throws IOException {
		assertThat(answer.statusCode()).as(answer.body().substring(0, Math.min(2000, answer.body().length())))
			.isEqualTo(200);
		JsonNode summary = Api.mapper().readTree(answer.body());
		return "created " + summary.get("created") + ", updated " + summary.get("updated") + ", unchanged "
				+ summary.get("unchanged");
	}

	/** Downloads the whole customer export, reading it as it comes; its size (and rows, for the CSV). */
	private String export(String type, String token, long visible) throws Exception {
		HttpResponse<InputStream> answer = http.send(request("/api/v1/customers").header("Accept", type)
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(answer.statusCode()).isEqualTo(200);
		long bytes = 0;
		long lines = 0;
		byte[] buffer = new byte[65536];
		try (InputStream body = answer.body()) {
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				bytes += n;
				for (int i = 0; i < n; i++) {
					lines += buffer[i] == '\n' ? 1 : 0;
				}
			}
		}
		if (type.equals("text/csv")) {
			assertThat(lines - 1).as("every visible account exported").isEqualTo(visible);
		}
		return String.format("%,d MB%s", bytes / 1024 / 1024, type.equals("text/csv") ? ", " + (lines - 1) + " rows" : "");
	}

	/** Sends a file just over the upload limit (as a stream of known length); checks the 413 problem detail. */
	private String tooLarge(boolean multipart, String token) throws Exception {
		long limit = environment.getRequiredProperty("rumbo.imports.max-upload-size", DataSize.class).toBytes();
		LongFunction<String> line = i -> "OVER-LIMIT-PRODUCT,Producto,Product,PAP,UNIT,1.00,0.50,2026-01-01,true\n";
		String header = "sku,name_es,name_en,line,unit,list_price,standard_cost,cost_from,active\n";
		long lines = (limit + 1024 * 1024) / line.apply(0).length();
		long length = GeneratedFile.length(header, lines, line);
		String boundary = "----rumbo-bench";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		InputStream file = new GeneratedFile(header, lines, line);
		HttpResponse<String> answer = multipart
				? post("/api/v1/imports/products", "multipart/form-data; boundary=" + boundary, token,
						new SequenceInputStream(new ByteArrayInputStream(head), new SequenceInputStream(file,
								new ByteArrayInputStream(tail))), head.length + length + tail.length)
				: post("/api/v1/imports/products", "text/csv", token, file, length);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Api.mapper().readTree(answer.body()).get("type").asString())
			.isEqualTo("https://rumbo.io/problems/upload-too-large");
		return String.format("413 for %,d MB", length / 1024 / 1024);
	}

	/** Posts a body read from the stream as it is sent (its length declared when not negative). */
	private HttpResponse<String> post(String path, String contentType, String token, InputStream body, long length)
			throws Exception {
		HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> body);
		return http.send(request(path).header("Content-Type", contentType).header("Authorization", "Bearer " + token)
			.POST(length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Five lines per order over a year of 2018, naming the synthetic accounts 1 to {@code accounts}. */
	private LongFunction<String> orderLine(String prefix, int accounts) {
		LocalDate start = LocalDate.of(2018, 1, 1);
		return i -> {
			long order = i / 5;
			return prefix + order + ',' + start.plusDays(order % 365) + ",BENCH-" + (1 + order * 97 % accounts) + ','
					+ skus.get((int) ((order + i % 5) % skus.size())) + ',' + (1 + i % 7) + ",10.50\n";
		};
	}

	/** New accounts with unique external and tax ids, owned by demo salespeople. */
	private static LongFunction<String> account(String prefix) {
		return i -> prefix + i + ",Cliente importado " + i + " S.L.," + prefix.replace("-", "") + i
				+ ",SMALL_BUSINESS,Servicios,SMALL,Bizkaia,Calle Mayor " + i + ",48001,Bilbao,C,1000.50,ACTIVE,"
				+ (i % 2 == 0 ? "E0019" : "E0022") + ",\n";
	}

	/** A page session, signed in through the login form. */
	private HttpClient signIn(String username) throws Exception {
		HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
		String login = session.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = session.send(request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(60));
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("SELECT COUNT(*) FROM " + tableAndCondition).query(Long.class).single();
	}

	/** Adds synthetic accounts (BENCH-n, owned like the demo's) until the table holds {@code total}, set-based. */
	private void grow(int total) {
		long missing = total - count("customer_account");
		if (missing <= 0) {
			return;
		}
		long next = count("customer_account WHERE external_id LIKE 'BENCH-%'");
		jdbc.sql("""
				INSERT INTO customer_account (external_id, legal_name, tax_id, tax_key, segment, industry, company_size,
				  region, address, postal_code, city, potential_class, annual_potential, status, owner_staff_id, unit_id,
				  archived, version)
				SELECT 'BENCH-' || n, 'Cliente de prueba ' || n || ' S.L.', 'BT' || n, 'BT' || n, 'SMALL_BUSINESS',
				  'Servicios', 'SMALL', 'Bizkaia', 'Calle Mayor ' || n, '48001',
				  (ARRAY['Bilbao', 'Madrid', 'Sevilla', 'Valencia', 'Zaragoza', 'Getafe', 'Vigo', 'Murcia'])[CAST(1 + MOD(n, 8) AS INT)],
				  'C', 1000, 'ACTIVE', o.owner_staff_id, o.unit_id, FALSE, 0
				FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS n
				JOIN (SELECT owner_staff_id, unit_id, ROW_NUMBER() OVER (ORDER BY owner_staff_id, unit_id) - 1 AS k,
				        COUNT(*) OVER () AS owners
				      FROM (SELECT DISTINCT owner_staff_id, unit_id FROM customer_account
				            WHERE owner_staff_id IS NOT NULL AND external_id NOT LIKE 'BENCH-%') d) o ON o.k = MOD(n, o.owners)""")
			.param("from", next + 1)
			.param("to", next + missing)
			.update();
		jdbc.sql("VACUUM ANALYZE customer_account").update();
	}
}
