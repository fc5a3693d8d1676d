package io.rumbo.evaluation.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.evaluation.CalibrationViews.Nomination;
import io.rumbo.evaluation.Nominations;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation nominations", description = "Nominations for recognition from an evaluation's outcome")
class NominationRestController {

	record NominationRequest(@Size(max = 2000) @Nullable String reason) {
	}

	private final Nominations nominations;

	NominationRestController(Nominations nominations) {
		this.nominations = nominations;
	}

	@GetMapping(value = "/nominations", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable Long cycleId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return NominationExports.download(ExportFormat.fromAccept(accept), nominations, actor,
				new Nominations.Filter(cycleId, staffId),
				ListQuery.of(0, 1, sort, Nominations.SORTS, "nominatedAt,desc").unpaged());
	}

	@GetMapping(value = "/nominations", produces = "application/json")
	@Operation(summary = "List nominations", description = "Nominations for recognition in the caller's scope (a "
			+ "salesperson their own, a manager their subtree's). Filters: cycleId, staffId. Sort keys: nominatedAt, "
			+ "score, cycle. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<Nomination> list(CurrentUser actor, @RequestParam(required = false) @Nullable Long cycleId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return nominations.list(actor, new Nominations.Filter(cycleId, staffId),
				ListQuery.of(page, size, sort, Nominations.SORTS, "nominatedAt,desc"));
	}

	@GetMapping("/nominations/{id}")
	Nomination get(CurrentUser actor, @PathVariable long id) {
		return nominations.get(actor, id);
	}

	@PostMapping("/scorecards/{id}/nomination")
	@Operation(summary = "Nominate the person for recognition", description = "By a director or a manager above the "
			+ "person (403), once the cycle is calibrated or closed and the proposed outcome is RECOGNITION, once per "
			+ "scorecard (409), with a reason. Announces PersonNominated.")
	ResponseEntity<Nomination> nominate(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody NominationRequest request) {
		Nomination created = nominations.nominate(actor, id, request.reason());
		return ResponseEntity.created(URI.create("/api/v1/evaluation/nominations/" + created.id())).body(created);
	}
}
