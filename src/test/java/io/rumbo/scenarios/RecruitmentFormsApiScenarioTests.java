package io.rumbo.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.rumbo.support.Api;
import io.rumbo.support.RumboIntegrationTest;

/**
 * Decision 0040 over real HTTP with each role's token on the demo company, each test on a team of its own under Región
 * Centro: a candidate's uploaded documents (stored, offered as an attachment with nosniff to PEOPLE and the region's
 * manager, 404 for anyone else, refused naming the file when not a document, archived), who approves by the unit's
 * rule, a draft edited with a stale version (409) and the pipeline's stage configuration.
 */
@RumboIntegrationTest
class RecruitmentFormsApiScenarioTests extends ApiTestSupport {

	static final String REQUISITIONS = "/api/v1/people/requisitions";

	static final String CANDIDATES = "/api/v1/people/candidates";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		ensureExtraRoleUsers(api);
	}

	/** A fresh team under Región Centro with two salesperson places, and a draft requisition the manager raised. */
	private long[] teamAndDraft(String code) {
		Api.Response unit = api.post("/api/v1/org-units", "admin", unitBody(code, unitId(api, "R-CENTRO")));
		assertThat(unit.status()).as(unit.body()).isEqualTo(201);
		long team = unit.json().get("id").asLong();
		assertThat(api.put("/api/v1/org-units/" + team + "/positions", "admin",
				Map.of("jobRole", "SALESPERSON", "plannedHeadcount", 2)).status()).isEqualTo(200);
		long position = api.get("/api/v1/org-units/" + team + "/positions", "admin").json().valueStream()
			.filter(p -> p.get("jobRole").asString().equals("SALESPERSON")).findFirst().orElseThrow().get("id").asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("positionId", position);
		body.put("reason", "GROWTH");
		body.put("budgetedCost", "30000");
		Api.Response raised = api.post(REQUISITIONS, "manager", body);
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		return new long[] { team, raised.json().get("id").asLong(), raised.json().get("version").asLong() };
	}

	private long candidate(long requisition, String name) {
		Api.Response added = api.post(REQUISITIONS + "/" + requisition + "/candidates", "manager",
				Map.of("firstName", name, "lastName", "Prueba", "source", "REFERRAL"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json().get("id").asLong();
	}

	private HttpResponse<byte[]> download(String path, String user) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + api.token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aCandidatesDocumentIsUploadedDownloadedByWhoSeesTheCandidateAndArchived() throws Exception {
		String code = unique("RF").replace("-", "");
		long[] draft = teamAndDraft(code);
		long id = candidate(draft[1], "Carla" + code);
		String files = CANDIDATES + "/" + id + "/files";

		Api.Response uploaded = api.uploadMultipart(files + "?kind=CV", "manager", "../cv Carla.PDF", PDF);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().get("fileName").asString()).isEqualTo("cv Carla.pdf");
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
		String file = files + "/" + uploaded.json().get("id").asLong();
		assertThat(api.get(CANDIDATES + "/" + id, "people").json().get("files").get(0).get("fileName").asString())
			.isEqualTo("cv Carla.pdf");

		for (String reader : List.of("people", "manager")) {
			HttpResponse<byte[]> got = download(file, reader);
			assertThat(got.statusCode()).as(reader).isEqualTo(200);
			assertThat(got.body()).isEqualTo(PDF);
			assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
				.contains("Carla.pdf");
			assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		}
		for (String other : List.of("director", "rep", "rocio.jimenez", "viewer")) {
			assertThat(download(file, other).statusCode()).as(other).isEqualTo(404);
			assertThat(api.uploadMultipart(files + "?kind=CV", other, "cv.pdf", PDF).status()).as(other)
				.isEqualTo(404);
		}

		Api.Response notADocument = api.uploadMultipart(files + "?kind=CV&lang=en", "people", "cv.pdf",
				"MZ this is a program".getBytes(StandardCharsets.US_ASCII));
		assertThat(notADocument.status()).isEqualTo(400);
		assertThat(notADocument.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(notADocument.body()).contains("The file «cv.pdf» is not a PDF, PNG, JPEG, DOCX or ODT document");
		// A little over the limit: refused by its Content-Length before the body is parsed (413, not the 400 of the
		// file's own check once spooled).
		byte[] over = java.util.Arrays.copyOf(PDF, 5 * 1024 * 1024 + 100 * 1024);
		Api.Response tooLarge = api.uploadMultipart(files + "?kind=CV&lang=en", "people", "big.pdf", over);
		assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("files of at most 5 MB are accepted");
		Api.Response tooLargeEs = api.uploadMultipart(files + "?kind=CV&lang=es", "people", "big.pdf", over);
		assertThat(tooLargeEs.body()).contains("El envío ocupa 5,1 MB");
		Api.Response noKind = api.uploadMultipart(files, "people", "cv.pdf", PDF);
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(noKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

		assertThat(api.delete(file, "director").status()).isEqualTo(404);
		assertThat(api.delete(file, "people").status()).isEqualTo(204);
		assertThat(download(file, "people").statusCode()).isEqualTo(404);
		assertThat(api.get(CANDIDATES + "/" + id, "people").json().get("files")).isEmpty();
	}

	@Test
	void theUnitsRuleSaysWhoApprovesAndOnlyThemMayDecide() {
		String code = unique("RA").replace("-", "");
		long[] draft = teamAndDraft(code);
		String rule = "/api/v1/people/approval-rules/" + draft[0];
		assertThat(api.put(rule, "manager", Map.of("approver", "PEOPLE")).status()).isEqualTo(403);
		assertThat(api.put(rule, "people", Map.of("approver", "PEOPLE")).status())
			.as("PEOPLE reads the rules, directors set them").isEqualTo(403);
		Api.Response set = api.put(rule, "director", Map.of("approver", "UPPER_MANAGER"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		String url = REQUISITIONS + "/" + draft[1];
		Api.Response submitted = api.post(url + "/submit", "manager", Map.of("version", draft[2]));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		// The rule names Región Centro's manager, who raised it: nobody approves their own, a director does.
		Api.Response approval = api.get(url + "/approval", "manager");
		assertThat(approval.json().get("approver").asString()).isEqualTo("DIRECTOR");
		assertThat(approval.json().get("requesterExcluded").asBoolean()).isTrue();
		assertThat(approval.json().get("ruleUnitId").asLong()).isEqualTo(draft[0]);
		long version = submitted.json().get("version").asLong();
		assertThat(api.post(url + "/approve", "manager", Map.of("version", version)).status())
			.as("the requester").isEqualTo(403);
		Api.Response approved = api.post(url + "/approve", "director", Map.of("version", version));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("decidedBy").asString()).isEqualTo("director");
		assertThat(api.delete(rule, "people").status()).isEqualTo(403);
		assertThat(api.delete(rule, "director").status()).isEqualTo(204);
		assertThat(api.get(url + "/approval", "manager").json().get("approver").asString()).isEqualTo("DIRECTOR");
	}

	@Test
	void aDraftIsEditedWithTheVersionReadAndAStaleOneIsRefused() {
		String code = unique("RE").replace("-", "");
		long[] draft = teamAndDraft(code);
		String url = REQUISITIONS + "/" + draft[1];
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("version", draft[2]);
		change.put("reason", "REPLACEMENT");
		change.put("budgetedCost", "31000.25");
		change.put("notes", "Sustituye a quien se jubila");
		Api.Response edited = api.put(url, "manager", change);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("budgetedCost").decimalValue()).isEqualByComparingTo("31000.25");
		assertThat(edited.json().get("reason").asString()).isEqualTo("REPLACEMENT");
		change.put("budgetedCost", "1");
		Api.Response stale = api.put(url, "manager", change);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("31000.25");
		assertThat(api.get(url, "manager").json().get("budgetedCost").decimalValue()).isEqualByComparingTo("31000.25");
	}

	@Test
	void aStageIsArchivedOnlyWhenNoCandidateIsInItAndTheFixedOnesNever() {
		String code = unique("RS").replace("-", "").toUpperCase();
		long[] draft = teamAndDraft(code);
		String stageCode = "S" + code;
		Map<String, Object> stage = new LinkedHashMap<>();
		stage.put("code", stageCode);
		stage.put("nameEn", "References " + code);
		stage.put("nameEs", "Referencias " + code);
		stage.put("position", 990);
		Api.Response added = api.post("/api/v1/people/stages", "people", stage);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/people/stages", "manager", stage).status()).isEqualTo(403);
		long id = candidate(draft[1], "Dario" + code);
		long version = api.get(CANDIDATES + "/" + id, "people").json().get("candidate").get("version").asLong();
		Api.Response moved = api.post(CANDIDATES + "/" + id + "/stage", "people", Map.of("version", version,
				"stage", stageCode));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		stage.put("version", added.json().get("version").asLong());
		stage.put("archived", true);
		stage.put("nameEs", "Comprobación de referencias " + code);
		Api.Response refused = api.send("PUT", "/api/v1/people/stages/" + stageCode + "?lang=en", api.token("people"),
				stage, Map.of());
		assertThat(refused.status()).isEqualTo(409);
		// The stage is named as the reader calls it, not by its code.
		assertThat(refused.json().get("detail").asString()).contains("References " + code).contains("1 candidates")
			.doesNotContain(stageCode);
		Api.Response refusedEs = api.send("PUT", "/api/v1/people/stages/" + stageCode + "?lang=es",
				api.token("people"), stage, Map.of());
		assertThat(refusedEs.json().get("detail").asString()).contains("Referencias " + code)
			.doesNotContain(stageCode);

		assertThat(api.post(CANDIDATES + "/" + id + "/reject", "people", Map.of("version",
				moved.json().get("version").asLong(), "rejectionReason", "Referencias insuficientes")).status())
			.isEqualTo(200);
		Api.Response archived = api.put("/api/v1/people/stages/" + stageCode, "people", stage);
		assertThat(archived.status()).as(archived.body()).isEqualTo(200);
		assertThat(archived.json().get("archived").asBoolean()).isTrue();
		assertThat(archived.json().get("nameEs").asString()).isEqualTo("Comprobación de referencias " + code);
		assertThat(api.get("/api/v1/people/stages", "people").json().valueStream()
			.map(s -> s.get("code").asString()).toList()).doesNotContain(stageCode).contains("HIRED", "REJECTED");

		Map<String, Object> hired = new LinkedHashMap<>(Map.of("version", 0, "nameEn", "Hired", "nameEs", "Contratado",
				"position", 5));
		assertThat(api.put("/api/v1/people/stages/HIRED", "people", hired).status()).isEqualTo(409);
	}
}
