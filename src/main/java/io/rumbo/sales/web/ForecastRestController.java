package io.rumbo.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/forecast")
@Tag(name = "Forecast", description = "Forecast calls by month and quarter (cumulative commit, most likely, best case), "
		+ "the managers' roll-up and their own calls, weekly snapshots, movement between them and accuracy")
class ForecastRestController {

	@Schema(name = "SalesForecastCallRequest", description = "A call: cumulative figures (commit <= most likely <= best "
			+ "case) for a period (FY2026-M03, FY2026-Q1; blank: the current fiscal month)")
	record CallRequest(@Nullable String period, @NotNull @DecimalMin("0") BigDecimal commit,
			@NotNull @DecimalMin("0") BigDecimal mostLikely, @NotNull @DecimalMin("0") BigDecimal bestCase,
			@Nullable @Size(max = 1000) String note) {

		ForecastCalls.CallFigures figures() {
			return new ForecastCalls.CallFigures(commit, mostLikely, bestCase, note);
		}
	}

	@Schema(name = "SalesForecastTeamCallRequest", description = "A manager's call for a unit they lead")
	record TeamCallRequest(@NotNull Long unitId, @Nullable String period, @NotNull @DecimalMin("0") BigDecimal commit,
			@NotNull @DecimalMin("0") BigDecimal mostLikely, @NotNull @DecimalMin("0") BigDecimal bestCase,
			@Nullable @Size(max = 1000) String note) {
	}

	@Schema(name = "SalesForecastDue", description = "A person expected to call who has not called for the period")
	record DueResponse(long staffId, long unitId, String periodCode, LocalDate periodEnd) {
	}

	private final ForecastCalls forecasts;

	ForecastRestController(ForecastCalls forecasts) {
		this.forecasts = forecasts;
	}

	@GetMapping("/periods")
	@Operation(summary = "Periods a call can be made for", description = "Last, this and next fiscal month and quarter")
	List<ForecastCalls.Period> periods() {
		return forecasts.periods();
	}

	@GetMapping("/me")
	@Operation(summary = "My forecast", description = "The caller's figures from their deals closing in the period, the "
			+ "deals, and their calls. period: FY2026-M03 or FY2026-Q1 (blank: the current fiscal month)")
	ForecastCalls.PersonForecast mine(CurrentUser actor, @RequestParam(required = false) @Nullable String period) {
		return forecasts.person(actor, null, period);
	}

	@PostMapping("/me/calls")
	@Operation(summary = "Submit my call", description = "A new call; earlier ones stay on record, the latest counts")
	ResponseEntity<ForecastCalls.Call> submit(CurrentUser actor, @Valid @RequestBody CallRequest request) {
		ForecastCalls.Call call = forecasts.submit(actor, request.period(), request.figures());
		return ResponseEntity.created(URI.create("/api/v1/forecast/calls/" + call.id())).body(call);
	}

	@GetMapping("/team")
	@Operation(summary = "The roll-up of a unit", description = "Each person's figures and latest call, the sum of the "
			+ "calls, sub-units' calls and the manager's own call. unitId: a unit the caller leads (blank: their top one)")
	ForecastCalls.TeamForecast team(CurrentUser actor, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable String period) {
		return forecasts.team(actor, unitId, period);
	}

	@PostMapping("/team/calls")
	@Operation(summary = "Submit a manager's call for a unit", description = "The manager's own call with a note, "
			+ "upwards; the salespeople's calls are not changed")
	ResponseEntity<ForecastCalls.Call> submitTeam(CurrentUser actor, @Valid @RequestBody TeamCallRequest request) {
		ForecastCalls.Call call = forecasts.submitTeam(actor, request.unitId(), request.period(),
				new ForecastCalls.CallFigures(request.commit(), request.mostLikely(), request.bestCase(), request.note()));
		return ResponseEntity.created(URI.create("/api/v1/forecast/calls/" + call.id())).body(call);
	}

	@GetMapping("/calls")
	@Operation(summary = "List calls", description = "Calls in the caller's scope, the latest first. Filters: period, "
			+ "level (PERSON, TEAM)")
	PageResponse<ForecastCalls.Call> calls(CurrentUser actor, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) ForecastCalls.@Nullable Level level,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return forecasts.calls(actor, period, level, ListQuery.of(page, size, List.of(), Map.of("id", "id"), "id"));
	}

	@GetMapping("/calls/{id}")
	@Operation(summary = "One call")
	ForecastCalls.Call call(CurrentUser actor, @PathVariable long id) {
		return forecasts.call(actor, id);
	}

	@GetMapping("/snapshots")
	@Operation(summary = "Weekly snapshots", description = "The latest first")
	PageResponse<ForecastCalls.Snapshot> snapshots(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		ListQuery query = ListQuery.of(page, size, List.of(), Map.of("id", "id"), "id");
		List<ForecastCalls.Snapshot> all = forecasts.snapshots();
		int from = (int) Math.min(all.size(), query.offset());
		int to = query.paged() ? Math.min(all.size(), from + query.size()) : all.size();
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	@GetMapping("/movement")
	@Operation(summary = "Movement between two snapshots", description = "Deals new, won, lost, pushed out, pulled in or "
			+ "changed in amount between snapshot from and snapshot to (blank: the two latest), in the caller's scope")
	ForecastCalls.MovementView movement(CurrentUser actor, @RequestParam(required = false) @Nullable Long from,
			@RequestParam(required = false) @Nullable Long to) {
		List<ForecastCalls.Snapshot> all = forecasts.snapshots();
		if ((from == null || to == null) && all.size() < 2) {
			throw new NotFoundException("forecast snapshot", "two");
		}
		return forecasts.movement(actor, from != null ? from : all.get(1).id(), to != null ? to : all.get(0).id());
	}

	@GetMapping("/accuracy")
	@Operation(summary = "Forecast accuracy history", description = "Each person's last call of an ended period against "
			+ "what they won in it; filter staffId")
	PageResponse<ForecastCalls.Accuracy> accuracy(CurrentUser actor,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		ListQuery query = ListQuery.of(page, size, List.of(), Map.of("id", "id"), "id");
		List<ForecastCalls.Accuracy> all = forecasts.accuracy(actor, staffId);
		int from = (int) Math.min(all.size(), query.offset());
		int to = query.paged() ? Math.min(all.size(), from + query.size()) : all.size();
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	@GetMapping("/due")
	@Operation(summary = "Calls due", description = "Salespeople who have not called for the period (blank: this month)")
	List<DueResponse> due(CurrentUser actor, @RequestParam(required = false) @Nullable String period) {
		return forecasts.due(actor, period)
			.stream()
			.map(d -> new DueResponse(d.staff().value(), d.unit().value(), d.periodCode(), d.periodEnd()))
			.toList();
	}
}
