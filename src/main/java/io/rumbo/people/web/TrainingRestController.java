package io.rumbo.people.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
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

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.EnrolmentId;
import io.rumbo.people.EnrolmentStatus;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.ProgrammeRow;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.PeopleViews.TrainingEffect;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.SessionId;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.people.TrainingEffects;
import io.rumbo.people.TrainingQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The training API: programmes and their sessions (everyone reads, PEOPLE keeps them, cancels a session), the effect of
 * a programme, and enrolments within the caller's scope (enrol yourself, a manager their subtree, PEOPLE anyone; PEOPLE
 * records attendance and completions).
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People: training", description = "Programmes, sessions, enrolments and the effect of training")
class TrainingRestController {

	record ProgrammeRequest(@Nullable Long version, @Nullable String code, @Nullable String name,
			@Nullable ProgrammeKind kind, @Nullable String description, @Nullable Long qualificationId,
			@Nullable Integer grantLevel, @Nullable BigDecimal passScore) {

		TrainingProgrammes.ProgrammeDetails details() {
			return new TrainingProgrammes.ProgrammeDetails(code, name, kind, description, qualificationId, grantLevel,
					passScore);
		}
	}

	record SessionRequest(@Nullable Long version, @Nullable String title, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable String trainer, @Nullable String location,
			@Nullable Integer capacity) {

		TrainingProgrammes.SessionDetails details() {
			return new TrainingProgrammes.SessionDetails(title, startsOn, endsOn, trainer, location, capacity);
		}
	}

	record EnrolRequest(@Nullable Long sessionId, @Nullable Long staffId, @Nullable String note) {
	}

	record CompletionRequest(@NotNull Long version, @Nullable BigDecimal score, @Nullable LocalDate completedOn) {
	}

	private final TrainingProgrammes programmes;
	private final Training training;
	private final TrainingQueries trainingQueries;
	private final TrainingEffects effects;

	TrainingRestController(TrainingProgrammes programmes, Training training, TrainingQueries trainingQueries,
			TrainingEffects effects) {
		this.programmes = programmes;
		this.training = training;
		this.trainingQueries = trainingQueries;
		this.effects = effects;
	}

	@GetMapping("/programmes")
	@Operation(summary = "Training programmes", description = "Filters: q, kind, archived. Sort keys: name, code, kind.")
	PageResponse<ProgrammeRow> programmes(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ProgrammeKind kind,
			@RequestParam(required = false) @Nullable Boolean archived,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return trainingQueries.programmes(new TrainingQueries.ProgrammeFilter(q, kind, archived),
				ListQuery.of(page, size, sort, TrainingQueries.PROGRAMME_SORTS, "name"));
	}

	@GetMapping("/programmes/{id}")
	ProgrammeView programme(@PathVariable long id) {
		return trainingQueries.programme(ProgrammeId.of(id));
	}

	@PostMapping("/programmes")
	@Operation(summary = "Create a programme (PEOPLE), optionally granting a qualification at a level on completion")
	ResponseEntity<ProgrammeView> createProgramme(CurrentUser actor, @RequestBody ProgrammeRequest request) {
		ProgrammeView created = programmes.createProgramme(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/programmes/" + created.id())).body(created);
	}

	@PutMapping("/programmes/{id}")
	ProgrammeView updateProgramme(CurrentUser actor, @PathVariable long id, @RequestBody ProgrammeRequest request) {
		return programmes.updateProgramme(actor, ProgrammeId.of(id), ApiRequests.required(request.version(), "version"),
				request.details());
	}

	@PostMapping("/programmes/{id}/archive")
	ProgrammeView archiveProgramme(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.ArchiveRequest request) {
		return programmes.archiveProgramme(actor, ProgrammeId.of(id), request.version(),
				!Boolean.FALSE.equals(request.archived()));
	}

	@PostMapping("/programmes/{id}/sessions")
	@Operation(summary = "Add a session (a course or cohort) to a programme (PEOPLE)")
	ResponseEntity<SessionView> addSession(CurrentUser actor, @PathVariable long id, @RequestBody SessionRequest request) {
		SessionView created = programmes.addSession(actor, ProgrammeId.of(id), request.details());
		return ResponseEntity.created(URI.create("/api/v1/people/sessions/" + created.id())).body(created);
	}

	@GetMapping("/sessions")
	@Operation(summary = "Training sessions", description = "Filters: programmeId, open (true: not cancelled, not "
			+ "ended). Sort keys: startsOn, title.")
	PageResponse<SessionView> sessions(@RequestParam(required = false) @Nullable Long programmeId,
			@RequestParam(required = false) @Nullable Boolean open,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return trainingQueries.sessions(programmeId, open,
				ListQuery.of(page, size, sort, TrainingQueries.SESSION_SORTS, "startsOn,desc"));
	}

	@GetMapping("/sessions/{id}")
	SessionView session(@PathVariable long id) {
		return trainingQueries.session(SessionId.of(id));
	}

	@PutMapping("/sessions/{id}")
	@Operation(summary = "Rewrite a session (PEOPLE); the capacity cannot fall under the seats taken")
	SessionView updateSession(CurrentUser actor, @PathVariable long id, @RequestBody SessionRequest request) {
		return programmes.updateSession(actor, SessionId.of(id), ApiRequests.required(request.version(), "version"),
				request.details());
	}

	@GetMapping("/programmes/{id}/effect")
	@Operation(summary = "The effect of a programme: participants against others, before and after (a simple "
			+ "comparison, not a controlled study)")
	TrainingEffect effect(@PathVariable long id, @RequestParam(required = false) @Nullable Integer months) {
		return effects.of(ProgrammeId.of(id), months == null ? TrainingEffects.DEFAULT_MONTHS : months);
	}

	@GetMapping(value = "/enrolments", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportEnrolments(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long programmeId,
			@RequestParam(required = false) @Nullable Long sessionId,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable EnrolmentStatus status,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return PeopleExports.enrolments(ExportFormat.fromAccept(accept), trainingQueries, actor,
				new TrainingQueries.EnrolmentFilter(q, programmeId, sessionId, staffId, unitId, status),
				ListQuery.of(0, 1, sort, TrainingQueries.ENROLMENT_SORTS, "startsOn,desc").unpaged());
	}

	@GetMapping(value = "/enrolments", produces = "application/json")
	@Operation(summary = "Enrolments within the caller's scope", description = "Filters: q, programmeId, sessionId, "
			+ "staffId, unitId (subtree), status. Sort keys: person, startsOn, status, programme, enrolledOn. A rep sees "
			+ "their own. Accept: text/csv or the XLSX type for an export.")
	PageResponse<EnrolmentView> enrolments(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long programmeId,
			@RequestParam(required = false) @Nullable Long sessionId,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable EnrolmentStatus status,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return trainingQueries.enrolments(actor,
				new TrainingQueries.EnrolmentFilter(q, programmeId, sessionId, staffId, unitId, status),
				ListQuery.of(page, size, sort, TrainingQueries.ENROLMENT_SORTS, "startsOn,desc"));
	}

	@GetMapping("/enrolments/{id}")
	EnrolmentView enrolment(CurrentUser actor, @PathVariable long id) {
		return trainingQueries.enrolment(actor, EnrolmentId.of(id));
	}

	@PostMapping("/enrolments")
	@Operation(summary = "Enrol a person in a session", description = "Yourself, a person of your subtree (manager) or "
			+ "anyone (PEOPLE, director); 409 when the session is full or closed, or the person already has an open "
			+ "enrolment in the programme; 404 for a person outside your reach.")
	ResponseEntity<EnrolmentView> enrol(CurrentUser actor, @RequestBody EnrolRequest request) {
		EnrolmentView created = training.enrol(actor, SessionId.of(ApiRequests.required(request.sessionId(), "sessionId")),
				ApiRequests.required(request.staffId(), "staffId"), request.note());
		return ResponseEntity.created(URI.create("/api/v1/people/enrolments/" + created.id())).body(created);
	}

	@PostMapping("/enrolments/{id}/attendance")
	@Operation(summary = "Record attendance (PEOPLE)")
	EnrolmentView attend(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.VersionRequest request) {
		return training.attend(actor, EnrolmentId.of(id), request.version());
	}

	@PostMapping("/enrolments/{id}/completion")
	@Operation(summary = "Record the completion with an assessment score (PEOPLE)", description = "Passing (no pass "
			+ "mark, or a score at or above it) completes it and grants the programme's qualification; otherwise it "
			+ "fails.")
	EnrolmentView complete(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CompletionRequest request) {
		return training.complete(actor, EnrolmentId.of(id), request.version(), request.score(), request.completedOn());
	}

	@PostMapping("/enrolments/{id}/cancel")
	@Operation(summary = "Give up a seat (PEOPLE, the person's manager, or the person while enrolled)")
	EnrolmentView cancel(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.VersionRequest request) {
		return training.cancel(actor, EnrolmentId.of(id), request.version());
	}

	@PostMapping("/sessions/{id}/cancel")
	@Operation(summary = "Cancel a session (PEOPLE)", description = "Its enrolments still only enrolled are cancelled; "
			+ "409 once someone attended it; 409 with the current version when stale.")
	SessionView cancelSession(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ApiRequests.VersionRequest request) {
		return programmes.cancelSession(actor, SessionId.of(id), request.version());
	}
}
