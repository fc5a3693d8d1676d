package io.rumbo.scenarios;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes what every {@code GET} under {@code /api/v1} really answers: each operation is
 * called on the demo company with a real token (path parameters taken from the list above it) and the JSON answer is
 * checked against the documented schema: no undocumented property, no documented one missing, the documented types
 * and formats, no {@code null} where the property is required, and the list shape {@code content} + {@code page}
 * wherever the operation pages. CSV and XLSX variants of the same URLs are exports and not checked here.
 */
@RumboIntegrationTest
class OpenApiContractScenarioTests extends ApiTestSupport {

	/** Operations not called, and why. Adding one is a decision: the test fails when another cannot be called. */
	static final Map<String, String> NOT_CALLED = Map.of("/api/v1/metrics/{measure}/records",
			"the measure is a code of /api/v1/metrics/measures, not an id of a list; MetricsApiScenarioTests calls it",
			"/api/v1/recognition/leaderboards/{measure}",
			"the measure is a code of /api/v1/metrics/measures, not an id of a list; RecognitionApiScenarioTests calls it",
			"/api/v1/statements/{runId}/{planCode}/{staffId}",
			"a statement is named by its run, plan code and person (a list row's runId, planCode, staffId, not an id); "
					+ "PayoutRunApiScenarioTests calls it",
			"/api/v1/notifications/{id}",
			"a notification is its recipient's own and the administrator, who lists the ids, receives none in the demo; "
					+ "NotificationApiScenarioTests calls it",
			"/api/v1/people/candidates/{id}",
			"a candidate's personal data is PEOPLE's and the requisition's managers', never the administrator's, who "
					+ "lists the ids (decision 0036); RecruitmentApiScenarioTests calls it");

	/** Operations called with more than one query, because the query changes the rows in the answer. */
	static final Map<String, List<String>> QUERIES = Map.of(
			"/api/v1/plans/{id}/performance", List.of("", "?by=line", "?by=month"),
			"/api/v1/orders/totals", List.of("", "?from=2025-01-01&to=2025-12-31"),
			"/api/v1/customers/options", List.of("", "?q=a"), "/api/v1/search", List.of("", "?q=ab", "?q=garcia"));

	/** Operations about the caller that the administrator (not a salesperson) cannot answer. */
	static final Map<String, String> CALLER = Map.of("/api/v1/staff/me", "rep", "/api/v1/attainment/me", "rep",
			"/api/v1/notifications", "rep", "/api/v1/forecast/me", "rep", "/api/v1/people/candidates", "rrhh");

	static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

	/** How many ids of a list a path parameter is tried with, so empty sub-lists of the first one do not hide rows. */
	static final int CANDIDATES = 3;

	/** How many ids are tried when the first CANDIDATES gave only empty lists. */
	static final int MORE_CANDIDATES = 40;

	/**
	 * Lists whose every id on the first page is tried: other classes add plans and quota versions of their own
	 * (without revisions or unit changes), and they may come before the demo's, whose revision is what fills a
	 * version's differences and whose transfer after publication fills its unit changes.
	 */
	static final java.util.Set<String> EVERY_ID = java.util.Set.of("/api/v1/plans", "/api/v1/quotas/versions");

	@LocalServerPort
	int port;

	@Test
	void everyGetAnswersWhatTheDocumentSays() {
		Api api = new Api(port);
		JsonNode document = api.get("/v3/api-docs", "admin").json();
		JsonNode schemas = document.get("components").get("schemas");
		List<String> problems = new ArrayList<>();
		Set<String> notCalled = new TreeSet<>();
		Set<String> onlyEmptyLists = new TreeSet<>();
		int calls = 0;
		// A salesperson's forecast is asked for each period offered: the demo's open deals close from ten days on, so
		// at the end of a month the current one may hold none of the rep's, while the next quarter always does.
		Map<String, List<String>> queries = new java.util.HashMap<>(QUERIES);
		List<String> forecastPeriods = new ArrayList<>(List.of(""));
		api.get("/api/v1/forecast/periods", "rep", Map.of("Accept", "application/json"))
			.json()
			.forEach(period -> forecastPeriods.add("?period=" + period.get("code").asString()));
		queries.put("/api/v1/forecast/me", forecastPeriods);
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			JsonNode get = path.getValue().get("get");
			if (!path.getKey().startsWith("/api/v1/") || get == null) {
				continue;
			}
			String template = path.getKey();
			if (fileDownload(get)) {
				// A file (decision 0040) is bytes, documented as such; its own tests check what it answers.
				continue;
			}
			JsonNode schema = jsonSchema(get);
			if (schema == null) {
				problems.add(template + ": no JSON response documented");
				continue;
			}
			if (pages(get)) {
				JsonNode list = resolve(schema, schemas);
				JsonNode properties = list.path("properties");
				if (!properties.has("content") || !properties.has("page")
						|| !"array".equals(typeOf(resolve(properties.get("content"), schemas)))) {
					problems.add(template + ": pages but does not document content and page");
				}
			}
			Counter items = new Counter();
			// The first few ids first; when all their lists are empty (the newest deals other tests made have no
			// products yet), more ids of the same list, so that rows are checked whatever ran before.
			for (int candidates : template.contains("{") ? List.of(CANDIDATES, MORE_CANDIDATES) : List.of(CANDIDATES)) {
				List<String> concrete = concretePaths(api, template, candidates);
				if (concrete.isEmpty()) {
					notCalled.add(template);
					break;
				}
				items = new Counter();
				for (String url : concrete) {
					for (String query : queries.getOrDefault(template, List.of(""))) {
						Api.Response answer = api.get(url + query, CALLER.getOrDefault(template, "admin"),
								Map.of("Accept", "application/json"));
						calls++;
						if (answer.status() != 200) {
							problems.add(url + query + ": answered " + answer.status() + " " + answer.body());
							continue;
						}
						check(answer.json(), schema, schemas, url + query, problems, items);
					}
				}
				if (items.arrays == 0 || items.items > 0) {
					break;
				}
			}
			if (!notCalled.contains(template) && items.arrays > 0 && items.items == 0) {
				onlyEmptyLists.add(template);
			}
		}
		assertThat(calls).as("operations called").isGreaterThan(50);
		assertThat(notCalled).as("operations whose path parameters no list gave").isEqualTo(NOT_CALLED.keySet());
		assertThat(onlyEmptyLists).as("operations whose lists were all empty, so their rows went unchecked").isEmpty();
		assertThat(problems).as("answers that differ from the OpenAPI document").isEmpty();
	}

	@Test
	void theOrderTotalsDocumentWhatTheyAnswer() {
		Api api = new Api(port);
		JsonNode document = api.get("/v3/api-docs", "admin").json();
		JsonNode totals = resolve(jsonSchema(document.get("paths").get("/api/v1/orders/totals").get("get")),
				document.get("components").get("schemas"));
		assertThat(totals.get("properties").propertyNames()).containsExactlyInAnyOrder("orders", "net", "margin",
				"units");
		assertThat(values(totals.get("required"))).containsExactlyInAnyOrder("orders", "net", "margin", "units");
		assertThat(api.get("/api/v1/orders/totals", "rep").json().propertyNames())
			.containsExactlyInAnyOrder("orders", "net", "margin", "units");
	}

	static final class Counter {

		int arrays;

		int items;
	}

	private static boolean pages(JsonNode operation) {
		for (JsonNode parameter : operation.path("parameters")) {
			if ("page".equals(parameter.path("name").asString()) && "query".equals(parameter.path("in").asString())) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode jsonSchema(JsonNode operation) {
		JsonNode content = operation.path("responses").path("200").path("content");
		for (String type : List.of("application/json", "*/*")) {
			if (content.has(type)) {
				return content.get(type).get("schema");
			}
		}
		return null;
	}

	/** The template with its parameters filled from the lists above them, a few ids each; empty when a list is. */
	private static List<String> concretePaths(Api api, String template, int candidates) {
		List<String> done = List.of("");
		int from = 0;
		Matcher parameter = PARAMETER.matcher(template);
		while (parameter.find()) {
			List<String> next = new ArrayList<>();
			for (String prefix : done) {
				String listUrl = prefix + template.substring(from, parameter.start() - 1);
				for (String id : ids(api, listUrl, candidates)) {
					next.add(listUrl + "/" + id);
				}
			}
			done = next;
			from = parameter.end();
		}
		String rest = template.substring(from);
		return done.stream().map(prefix -> prefix + rest).toList();
	}

	private static List<String> ids(Api api, String listUrl, int candidates) {
		Api.Response answer = api.get(listUrl, "admin", Map.of("Accept", "application/json"));
		if (answer.status() != 200) {
			return List.of();
		}
		JsonNode body = answer.json();
		JsonNode rows = body.isArray() ? body : body.path("content");
		List<String> ids = new ArrayList<>();
		for (JsonNode row : rows) {
			if (row.has("id") && (ids.size() < candidates || EVERY_ID.contains(listUrl))) {
				ids.add(row.get("id").asString());
			}
		}
		return ids;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			current = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return current;
	}

	private static String typeOf(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type == null) {
			return schema.has("properties") ? "object" : null;
		}
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
			return "null";
		}
		return type.asString();
	}

	private static Set<String> values(JsonNode array) {
		Set<String> values = new LinkedHashSet<>();
		if (array != null) {
			array.forEach(each -> values.add(each.asString()));
		}
		return values;
	}

	private static void check(JsonNode value, JsonNode documented, JsonNode schemas, String where, List<String> problems,
			Counter items) {
		JsonNode schema = resolve(documented, schemas);
		for (JsonNode part : schema.path("allOf")) {
			check(value, part, schemas, where, problems, items);
		}
		String type = typeOf(schema);
		if (type == null) {
			if (!schema.has("allOf")) {
				problems.add(where + ": the document gives no type");
			}
			return;
		}
		if (value.isNull()) {
			problems.add(where + ": null where the document promises " + type);
			return;
		}
		switch (type) {
			case "object" -> checkObject(value, schema, schemas, where, problems, items);
			case "array" -> {
				if (!value.isArray()) {
					problems.add(where + ": " + value.getNodeType() + " where the document says array");
					return;
				}
				items.arrays++;
				items.items += value.size();
				int index = 0;
				for (JsonNode item : value) {
					check(item, schema.get("items"), schemas, where + "[" + index++ + "]", problems, items);
				}
			}
			case "string" -> checkString(value, schema, where, problems);
			case "integer" -> {
				if (!value.isIntegralNumber()) {
					problems.add(where + ": " + value + " where the document says integer");
				}
			}
			case "number" -> {
				if (!value.isNumber()) {
					problems.add(where + ": " + value + " where the document says number");
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					problems.add(where + ": " + value + " where the document says boolean");
				}
			}
			default -> problems.add(where + ": unknown documented type " + type);
		}
	}

	private static void checkObject(JsonNode value, JsonNode schema, JsonNode schemas, String where,
			List<String> problems, Counter items) {
		if (!value.isObject()) {
			problems.add(where + ": " + value.getNodeType() + " where the document says object");
			return;
		}
		JsonNode properties = schema.path("properties");
		JsonNode additional = schema.get("additionalProperties");
		if (properties.isEmpty() && (additional == null || !additional.isObject())) {
			problems.add(where + ": an object whose properties the document does not name");
			return;
		}
		Set<String> required = values(schema.get("required"));
		Map<String, JsonNode> answered = new LinkedHashMap<>();
		value.properties().forEach(property -> answered.put(property.getKey(), property.getValue()));
		for (Map.Entry<String, JsonNode> property : answered.entrySet()) {
			String at = where + "." + property.getKey();
			JsonNode documented = properties.get(property.getKey());
			if (documented == null && additional != null && additional.isObject()) {
				documented = additional;
			}
			if (documented == null) {
				problems.add(at + ": answered but not documented");
			}
			else if (property.getValue().isNull()) {
				if (required.contains(property.getKey())) {
					problems.add(at + ": null but documented as required");
				}
			}
			else {
				check(property.getValue(), documented, schemas, at, problems, items);
			}
		}
		for (String name : properties.propertyNames()) {
			if (!answered.containsKey(name)) {
				problems.add(where + "." + name + ": documented but not answered");
			}
		}
	}

	private static void checkString(JsonNode value, JsonNode schema, String where, List<String> problems) {
		if (!value.isString()) {
			problems.add(where + ": " + value + " where the document says string");
			return;
		}
		String text = value.asString();
		String format = schema.path("format").asString("");
		try {
			switch (format) {
				case "date" -> LocalDate.parse(text);
				case "date-time" -> OffsetDateTime.parse(text);
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			problems.add(where + ": \"" + text + "\" is not a " + format);
		}
		if (schema.has("enum") && !values(schema.get("enum")).contains(text)) {
			problems.add(where + ": \"" + text + "\" is not one of " + values(schema.get("enum")));
		}
	}

	/** An operation that answers a file: its 200 documents a binary body and no JSON at all. */
	static boolean fileDownload(JsonNode get) {
		JsonNode content = get.path("responses").path("200").path("content");
		return content.has("application/octet-stream") && content.propertyNames().stream()
			.noneMatch(type -> type.contains("json"));
	}
}
