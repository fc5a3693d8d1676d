package io.rumbo.lessons.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonQueries;
import io.rumbo.lessons.LessonStatus;
import io.rumbo.lessons.LessonView;
import io.rumbo.lessons.Lessons;
import io.rumbo.lessons.Retrospectives;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(name = "Lessons", description = "Lessons from deals, customers, strategies and evaluations; success cases shared "
		+ "with a scope; win/loss retrospectives")
class LessonsRestController {

	@Schema(name = "LessonsLessonRequest")
	record LessonRequest(@Nullable Long version, @Nullable String title, @Nullable String whatHappened,
			@Nullable String why, @Nullable String advice, @Nullable LessonOutcome outcome, @Nullable String language,
			@Nullable Long opportunityId, @Nullable Long customerId, @Nullable Long strategyId,
			@Nullable Long productLineId, @Nullable Segment segment, @Nullable Long scorecardId,
			@Nullable List<String> tags) {

		Lessons.LessonDetails details() {
			return new Lessons.LessonDetails(title, whatHappened, why, advice, outcome, language, opportunityId,
					customerId, strategyId, productLineId, segment, scorecardId, tags);
		}
	}

	@Schema(name = "LessonsPromoteRequest")
	record PromoteRequest(@NotNull Long version, @Nullable Long unitId) {
	}

	@Schema(name = "LessonsVersionRequest")
	record VersionRequest(@NotNull Long version) {
	}

	@Schema(name = "LessonsThresholdRequest")
	record ThresholdRequest(@NotNull Long version, @Nullable BigDecimal threshold) {
	}

	private final LessonQueries queries;
	private final Lessons lessons;
	private final Retrospectives retrospectives;

	LessonsRestController(LessonQueries queries, Lessons lessons, Retrospectives retrospectives) {
		this.queries = queries;
		this.lessons = lessons;
		this.retrospectives = retrospectives;
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Segment segment,
			@RequestParam(required = false) @Nullable Long productLineId,
			@RequestParam(required = false) @Nullable LessonOutcome outcome,
			@RequestParam(required = false) @Nullable LessonStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean cases,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return LessonExports.lessons(ExportFormat.fromAccept(accept), queries, actor,
				new LessonQueries.Filter(q, tag, segment, productLineId, outcome, status, from, to,
						Boolean.TRUE.equals(cases), null, null),
				ListQuery.of(0, 1, sort, LessonQueries.SORTS, "writtenOn,desc").unpaged());
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List the lessons the caller sees", description = "Their own, those written in the units "
			+ "they manage, everything for directors and admins, and the success cases shared with their scope. q: "
			+ "every word somewhere in the title, text, tags or author (accents and case aside, any order); filters "
			+ "tag, segment, productLineId, outcome, status, from/to (written on), cases=true for shared success "
			+ "cases only. Sort keys: writtenOn, title, usefulCount, sharedOn, outcome. Send Accept: text/csv or the "
			+ "XLSX type for an export.")
	PageResponse<LessonView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Segment segment,
			@RequestParam(required = false) @Nullable Long productLineId,
			@RequestParam(required = false) @Nullable LessonOutcome outcome,
			@RequestParam(required = false) @Nullable LessonStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Boolean cases,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return queries.list(actor, new LessonQueries.Filter(q, tag, segment, productLineId, outcome, status, from, to,
				Boolean.TRUE.equals(cases), null, null), ListQuery.of(page, size, sort, LessonQueries.SORTS,
						"writtenOn,desc"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A lesson or success case (404 when the caller does not see it)")
	LessonView get(CurrentUser actor, @PathVariable long id) {
		return queries.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Write a lesson", description = "For salespeople, managers, directors and admins (403 "
			+ "otherwise). Links (opportunityId, customerId, strategyId, productLineId, scorecardId) must exist and be "
			+ "in the author's scope (400 naming the field otherwise).")
	ResponseEntity<LessonView> create(CurrentUser actor, @RequestBody LessonRequest request) {
		LessonView created = lessons.write(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/lessons/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rewrite a lesson", description = "By its author while it is not promoted (403 for others, "
			+ "409 once promoted or when the version is stale, with the current lesson).")
	LessonView update(CurrentUser actor, @PathVariable long id, @RequestBody LessonRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return lessons.edit(actor, id, request.version(), request.details());
	}

	@PostMapping("/{id}/promote")
	@Operation(summary = "Promote a lesson to a success case shared with a unit's subtree", description = "A manager "
			+ "for lessons written in their units, sharing with a unit they manage; a director or admin with any "
			+ "unit (the company root is everyone). Announces SuccessCaseShared.")
	LessonView promote(CurrentUser actor, @PathVariable long id, @Valid @RequestBody PromoteRequest request) {
		return lessons.promote(actor, id, request.version(), request.unitId());
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Take a success case back from its scope (it stays, archived)")
	LessonView archive(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return lessons.archive(actor, id, request.version());
	}

	@PostMapping("/{id}/useful")
	@Operation(summary = "Mark a shared success case useful, or take the caller's mark back (one per person)")
	LessonView useful(CurrentUser actor, @PathVariable long id) {
		return lessons.toggleUseful(actor, id);
	}

	@PostMapping("/retrospectives/{opportunityId}")
	@Operation(summary = "Write the retrospective asked for a won or lost opportunity", description = "By its owner: "
			+ "a lesson linked to the opportunity (outcome WORKED for a won deal, FAILED for a lost one unless given); "
			+ "completes the task. 409 when no retrospective is pending for the caller.")
	ResponseEntity<LessonView> retrospective(CurrentUser actor, @PathVariable long opportunityId,
			@RequestBody LessonRequest request) {
		LessonView created = retrospectives.write(actor, opportunityId, request.details());
		return ResponseEntity.created(URI.create("/api/v1/lessons/" + created.id())).body(created);
	}

	@GetMapping("/settings")
	@Operation(summary = "The retrospective threshold: won or lost opportunities of this amount or more ask for one")
	Retrospectives.Settings settings() {
		return retrospectives.settings();
	}

	@PutMapping("/settings")
	@Operation(summary = "Change the retrospective threshold (admins and directors; version 0 while the default "
			+ "applies)")
	Retrospectives.Settings changeSettings(CurrentUser actor, @Valid @RequestBody ThresholdRequest request) {
		return retrospectives.changeThreshold(actor, request.version(), request.threshold());
	}
}
