package io.rumbo.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.planning.InitiativeStatus;
import io.rumbo.planning.ObjectiveKind;
import io.rumbo.planning.ObjectiveManagement;
import io.rumbo.planning.SegmentManagement;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Planning", description = "Company objectives, target markets with their target lists, strategies")
class PlanningRestController {

	record ObjectiveRequest(@Nullable Long version, @NotNull Integer fiscalYear, @NotNull ObjectiveKind kind,
			@NotBlank @Size(max = 200) String title, @Nullable BigDecimal targetValue, @Nullable Long ownerStaffId,
			@Nullable @Size(max = 1000) String notes) {

		ObjectiveManagement.ObjectiveDetails details() {
			return new ObjectiveManagement.ObjectiveDetails(fiscalYear, kind, title, targetValue, ownerStaffId, notes);
		}
	}

	record SegmentRequest(@Nullable Long version, @NotBlank @Size(max = 200) String name,
			@Nullable @Size(max = 1000) String description, @Nullable @Size(max = 100) String industry,
			@Nullable @Size(max = 100) String region, @Nullable CompanySize companySize,
			@Nullable PotentialClass potentialClass, @Nullable Segment customerSegment) {

		SegmentManagement.SegmentDetails details() {
			return new SegmentManagement.SegmentDetails(name, description,
					new SegmentManagement.Criteria(industry, region, companySize, potentialClass, customerSegment));
		}
	}

	record AccountRequest(@NotNull Long customerId, @Nullable Boolean included) {
	}

	record StrategyRequest(@Nullable Long version, @NotNull Long planId, @NotBlank @Size(max = 200) String name,
			@Nullable @Size(max = 2000) String description, @Nullable Long ownerStaffId, @Nullable Long segmentId,
			@Nullable Long lineId, @Nullable Long unitId, @Nullable BigDecimal expectedRevenue,
			@Nullable BigDecimal expectedMargin, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {

		StrategyManagement.StrategyDetails details() {
			return new StrategyManagement.StrategyDetails(planId, name, description, ownerStaffId, segmentId, lineId,
					unitId, expectedRevenue, expectedMargin, startsOn, endsOn);
		}
	}

	record InitiativeRequest(@NotBlank @Size(max = 200) String title, @Nullable Long ownerStaffId,
			@Nullable LocalDate dueOn) {
	}

	record InitiativeStatusRequest(@NotNull Long version, @NotNull InitiativeStatus status) {
	}

	private final ObjectiveManagement objectives;
	private final SegmentManagement segments;
	private final StrategyManagement strategies;

	PlanningRestController(ObjectiveManagement objectives, SegmentManagement segments, StrategyManagement strategies) {
		this.objectives = objectives;
		this.segments = segments;
		this.strategies = strategies;
	}

	private static long version(@Nullable Long version) {
		if (version == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return version;
	}

	@GetMapping("/api/v1/objectives")
	@Operation(summary = "Company objectives (of a fiscalYear), latest year first (sort: fiscalYear, kind, title)")
	PageResponse<ObjectiveManagement.ObjectiveView> objectives(
			@RequestParam(required = false) @Nullable Integer fiscalYear, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return objectives.page(fiscalYear, ListQuery.of(page, size, sort == null || sort.isEmpty()
				? ObjectiveManagement.DEFAULT_SORT : sort, ObjectiveManagement.SORTS, "fiscalYear"));
	}

	@PostMapping("/api/v1/objectives")
	@Operation(summary = "Set a company objective for a fiscal year (ADMIN, DIRECTOR); qualitative ones carry no value")
	ResponseEntity<ObjectiveManagement.ObjectiveView> createObjective(CurrentUser actor,
			@Valid @RequestBody ObjectiveRequest request) {
		ObjectiveManagement.ObjectiveView created = objectives.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/objectives/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/objectives/{id}")
	ObjectiveManagement.ObjectiveView objective(@PathVariable long id) {
		return objectives.get(id);
	}

	@PutMapping("/api/v1/objectives/{id}")
	ObjectiveManagement.ObjectiveView updateObjective(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ObjectiveRequest request) {
		return objectives.update(actor, id, version(request.version()), request.details());
	}

	@DeleteMapping("/api/v1/objectives/{id}")
	ResponseEntity<Void> deleteObjective(CurrentUser actor, @PathVariable long id) {
		objectives.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/segments")
	@Operation(summary = "Target markets, by name")
	PageResponse<SegmentManagement.SegmentView> segments(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return segments.page(ListQuery.of(page, size, sort, SegmentManagement.SORTS, "name"));
	}

	@PostMapping("/api/v1/segments")
	@Operation(summary = "Define a target market by criteria (ADMIN, DIRECTOR); empty criteria match every account")
	ResponseEntity<SegmentManagement.SegmentView> createSegment(CurrentUser actor,
			@Valid @RequestBody SegmentRequest request) {
		SegmentManagement.SegmentView created = segments.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/segments/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/segments/{id}")
	SegmentManagement.SegmentView segment(@PathVariable long id) {
		return segments.get(id);
	}

	@PutMapping("/api/v1/segments/{id}")
	SegmentManagement.SegmentView updateSegment(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody SegmentRequest request) {
		return segments.update(actor, id, version(request.version()), request.details());
	}

	@GetMapping("/api/v1/segments/{id}/targets")
	@Operation(summary = "The target list: accounts matching the criteria now, plus those added, minus those removed "
			+ "by hand; limited to the accounts the reader sees")
	PageResponse<SegmentManagement.TargetAccount> targets(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return segments.targets(actor, id, ListQuery.of(page, size, null, Map.of("legalName", "legalName"), "legalName"));
	}

	@PutMapping("/api/v1/segments/{id}/accounts")
	@Operation(summary = "Add an account by hand (included=true), take one out (false) or clear the mark (null)")
	SegmentManagement.SegmentView markAccount(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody AccountRequest request) {
		return segments.mark(actor, id, request.customerId(), request.included());
	}

	@GetMapping("/api/v1/segments/{id}/coverage")
	@Operation(summary = "How many targets exist, were visited and bought in a period (fiscal year to date by default)")
	SegmentManagement.Coverage coverage(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return segments.coverage(actor, id, from, to);
	}

	@GetMapping("/api/v1/strategies")
	@Operation(summary = "Strategies (of a plan with planId) with initiatives and their real contribution: the booked "
			+ "orders tagged with them; by start date (sort: startsOn, endsOn, name)")
	PageResponse<StrategyManagement.StrategyView> strategies(@RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return strategies.page(planId, ListQuery.of(page, size, sort, StrategyManagement.SORTS, "startsOn"));
	}

	@PostMapping("/api/v1/strategies")
	ResponseEntity<StrategyManagement.StrategyView> createStrategy(CurrentUser actor,
			@Valid @RequestBody StrategyRequest request) {
		StrategyManagement.StrategyView created = strategies.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/strategies/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/strategies/{id}")
	StrategyManagement.StrategyView strategy(@PathVariable long id) {
		return strategies.get(id);
	}

	@PutMapping("/api/v1/strategies/{id}")
	StrategyManagement.StrategyView updateStrategy(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody StrategyRequest request) {
		return strategies.update(actor, id, version(request.version()), request.details());
	}

	@PostMapping("/api/v1/strategies/{id}/initiatives")
	StrategyManagement.StrategyView addInitiative(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody InitiativeRequest request) {
		return strategies.addInitiative(actor, id, request.title(), request.ownerStaffId(), request.dueOn());
	}

	@PutMapping("/api/v1/strategies/{id}/initiatives/{initiativeId}")
	@Operation(summary = "Move an initiative's status (its owner, a manager or a director)")
	StrategyManagement.StrategyView moveInitiative(CurrentUser actor, @PathVariable long id,
			@PathVariable long initiativeId, @Valid @RequestBody InitiativeStatusRequest request) {
		return strategies.moveInitiative(actor, id, initiativeId, request.version(), request.status());
	}
}
