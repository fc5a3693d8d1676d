package io.rumbo.evaluation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.EvaluationTemplates;
import io.rumbo.evaluation.ScorecardViews.Example;
import io.rumbo.evaluation.TemplateState;
import io.rumbo.evaluation.TemplateViews.Acknowledgements;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluation/templates")
@Tag(name = "Evaluation templates", description = "Weighted criteria known in advance: drafts, versions, publication, "
		+ "acknowledgement and the worked example on a person's own figures")
class TemplateRestController {

	/** A template as written; {@code version} is required to change an existing one. */
	record TemplateRequest(@Nullable Long version, @Size(max = 200) @Nullable String name,
			@Size(max = 2000) @Nullable String description, @NotNull Cadence cadence, @Nullable JobRole populationRole,
			@Nullable Long populationUnitId, int scaleMax, @Nullable List<Criterion> criteria) {

		TemplateDetails details() {
			return new TemplateDetails(name == null ? "" : name, description, cadence, populationRole, populationUnitId,
					scaleMax, criteria == null ? List.of() : criteria);
		}
	}

	/** Publication: the version read and the first day the template scores (after today). */
	record PublishRequest(@NotNull Long version, @NotNull LocalDate validFrom) {
	}

	private final EvaluationTemplates templates;

	TemplateRestController(EvaluationTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	@Operation(summary = "List templates", description = "Published and superseded versions for everyone, drafts for "
			+ "directors and administrators. Filters: q (name or code), state, mine=true (the published templates whose "
			+ "population the caller belongs to today, with their acknowledgement). Sort keys: name, code, validFrom, "
			+ "state.")
	PageResponse<TemplateView> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable TemplateState state,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return templates.list(actor, new EvaluationTemplates.Filter(q, state, mine),
				ListQuery.of(page, size, sort, EvaluationTemplates.SORTS, "name"));
	}

	@GetMapping("/{id}")
	TemplateView get(CurrentUser actor, @PathVariable long id) {
		return templates.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Write a new template (a draft, version 1)", description = "Weights in percent add up to 100; "
			+ "every error names the criterion (criteria[i].field).")
	ResponseEntity<TemplateView> create(CurrentUser actor, @Valid @RequestBody TemplateRequest request) {
		TemplateView created = templates.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/evaluation/templates/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rewrite a draft; a published version answers 409 (write a new version instead)")
	TemplateView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody TemplateRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return templates.update(actor, id, request.version(), request.details());
	}

	@PostMapping("/{id}/versions")
	@Operation(summary = "Start a new draft version from this one (one draft per template at a time)")
	ResponseEntity<TemplateView> newVersion(CurrentUser actor, @PathVariable long id) {
		TemplateView created = templates.newVersion(actor, id);
		return ResponseEntity.created(URI.create("/api/v1/evaluation/templates/" + created.id())).body(created);
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish a draft to score the periods from validFrom (after today); the version published "
			+ "before is superseded from that day, cycles already running keep it")
	TemplateView publish(CurrentUser actor, @PathVariable long id, @Valid @RequestBody PublishRequest request) {
		return templates.publish(actor, id, request.version(), request.validFrom());
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge a published template of one's population (once)")
	TemplateView acknowledge(CurrentUser actor, @PathVariable long id) {
		return templates.acknowledge(actor, id);
	}

	@GetMapping("/{id}/acknowledgements")
	@Operation(summary = "How many of the population (within the caller's scope) acknowledged, and who has not")
	Acknowledgements acknowledgements(CurrentUser actor, @PathVariable long id) {
		return templates.acknowledgements(actor, id);
	}

	@GetMapping("/{id}/example")
	@Operation(summary = "The worked example: how a person would be scored today", description = "staffId: a person in "
			+ "the caller's scope; without it the caller (or, for a caller who is not on staff, the first person of the "
			+ "population they see). The current period of the template's cadence, qualitative criteria unrated.")
	Example example(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long staffId) {
		return templates.example(actor, id, staffId);
	}
}
