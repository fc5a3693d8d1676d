package io.rumbo.quotas.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentSorting;
import io.rumbo.quotas.AttainmentViews;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/attainment")
@Tag(name = "Attainment", description = "Attainment and pacing of the published quotas, per person, unit and period, "
		+ "within the caller's data scope; the leaderboard")
class AttainmentRestController {

	static final List<String> BY = List.of("person", "unit", "company");

	private final Attainment attainment;

	AttainmentRestController(Attainment attainment) {
		this.attainment = attainment;
	}

	@GetMapping
	@Operation(summary = "Attainment rows, one per person (by=person), unit (by=unit) or top unit (by=company) and "
			+ "measure", description = "period: FY2026, FY2026-Q2, FY2026-M05 or a range of whole fiscal months (blank: "
					+ "the current fiscal year); measures: codes of the metrics catalogue (default revenue); unit: that "
					+ "unit's subtree. A salesperson sees their own row, a manager their subtree, a director everyone. "
					+ "sort: risk (default: at risk first), name, unit, measure, attainment, pace, projection, actual, "
					+ "quota, gap")
	PageResponse<AttainmentViews.Row> list(CurrentUser actor, @RequestParam(defaultValue = "person") String by,
			@RequestParam(required = false) @Nullable String period,
			@Parameter(description = "comma-separated measure codes") @RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return AttainmentSorting.page(rows(actor, by, period, measures, unit), query(page, size, sort));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(defaultValue = "person") String by, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable List<String> sort) {
		List<AttainmentViews.Row> rows = AttainmentSorting.sort(rows(actor, by, period, measures, unit),
				query(0, 1, sort));
		return AttainmentExports.rows(ExportFormat.fromAccept(accept), attainment.period(period), rows);
	}

	private List<AttainmentViews.Row> rows(CurrentUser actor, String by, @Nullable String period,
			@Nullable List<String> measures, @Nullable Long unit) {
		List<Metric> asked = Attainment.measures(measures);
		UnitId within = unit == null ? null : UnitId.of(unit);
		return switch (by) {
			case "person" -> attainment.people(actor, period, asked, within);
			case "unit" -> attainment.units(actor, period, asked, within);
			case "company" -> attainment.company(actor, period, asked);
			default -> throw ValidationFailedException.of("by", "quotas.attainment.by.invalid", by);
		};
	}

	private static ListQuery query(@Nullable Integer page, @Nullable Integer size, @Nullable List<String> sort) {
		return ListQuery.of(page, size, sort, AttainmentSorting.SORTS, AttainmentSorting.DEFAULT_SORT);
	}

	@GetMapping("/people")
	@Operation(summary = "Attainment of people: the same rows as by=person (each row's id opens /people/{staffId})")
	PageResponse<AttainmentViews.Row> people(CurrentUser actor, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return list(actor, "person", period, measures, unit, page, size, sort);
	}

	@GetMapping("/units")
	@Operation(summary = "Attainment of the units the caller manages: the same rows as by=unit")
	PageResponse<AttainmentViews.Row> units(CurrentUser actor, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable List<String> sort) {
		return list(actor, "unit", period, measures, unit, page, size, sort);
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own attainment (\"My targets\"): every measure they hold a quota of in the period, "
			+ "month by month, and their acknowledgement; 404 for a user who is no member of staff")
	AttainmentViews.PersonView me(CurrentUser actor, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures) {
		StaffId self = attainment.self(actor);
		if (self == null) {
			throw new NotFoundException("staff", actor.username());
		}
		return attainment.person(actor, self, period, measures == null ? List.of() : Attainment.measures(measures));
	}

	@GetMapping("/people/{staffId}")
	@Operation(summary = "One person's attainment, month by month (404 outside the caller's data scope)")
	AttainmentViews.PersonView person(CurrentUser actor, @PathVariable long staffId,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures) {
		if (staffId <= 0) {
			throw new NotFoundException("staff", staffId);
		}
		return attainment.person(actor, StaffId.of(staffId), period,
				measures == null ? List.of() : Attainment.measures(measures));
	}

	@GetMapping("/mismatches")
	@Operation(summary = "Allocation mismatch of the units the caller manages (or of unit's subtree): each unit's quota "
			+ "of the period against what its sub-units and members hold; summed measures only")
	PageResponse<AttainmentViews.Mismatch> mismatches(CurrentUser actor,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable List<String> measures,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		List<AttainmentViews.Mismatch> all = attainment
			.mismatches(actor, period, Attainment.measures(measures), unit == null ? null : UnitId.of(unit));
		ListQuery query = ListQuery.of(page, size, List.of(), java.util.Map.of("unit", "unit"), "unit");
		int from = (int) Math.min(all.size(), query.offset());
		return PageResponse.of(all.subList(from, Math.min(all.size(), from + query.size())), query, all.size());
	}

	@GetMapping("/leaderboard")
	@Operation(summary = "Leaderboard of one measure and period: every quota holder (of unit's subtree) ranked by "
			+ "attainment, ties sharing a rank", description = "With rumbo.attainment.leaderboard-names=false, a "
					+ "caller who does not see the whole company gets the places of the people in their scope only "
					+ "(a salesperson: their own), at their rank among everyone; outOf is the number ranked.")
	PageResponse<AttainmentViews.Place> leaderboard(CurrentUser actor,
			@RequestParam(defaultValue = "revenue") String measure,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		List<AttainmentViews.Place> places = leaderboardOf(actor, measure, period, unit).places();
		ListQuery query = ListQuery.of(page, size, List.of(), java.util.Map.of("rank", "rank"), "rank");
		int from = (int) Math.min(places.size(), query.offset());
		return PageResponse.of(places.subList(from, Math.min(places.size(), from + query.size())), query,
				places.size());
	}

	@GetMapping(value = "/leaderboard", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportLeaderboard(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(defaultValue = "revenue") String measure,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable Long unit) {
		return AttainmentExports.leaderboard(ExportFormat.fromAccept(accept), leaderboardOf(actor, measure, period, unit));
	}

	private AttainmentViews.Leaderboard leaderboardOf(CurrentUser actor, String measure, @Nullable String period,
			@Nullable Long unit) {
		return attainment.leaderboard(actor, period, Attainment.measures(List.of(measure)).get(0),
				unit == null ? null : UnitId.of(unit));
	}
}
