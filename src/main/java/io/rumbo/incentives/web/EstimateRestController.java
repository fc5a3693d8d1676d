package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.Estimates;
import io.rumbo.incentives.Estimates.Estimate;
import io.rumbo.incentives.Estimates.Person;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Incentive estimates", description = "The what-if estimator: what a person has earned so far on their "
		+ "plan, what they would earn at an attainment, and what each open opportunity would add if won")
class EstimateRestController {

	private final Estimates estimates;

	EstimateRestController(Estimates estimates) {
		this.estimates = estimates;
	}

	@GetMapping("/api/v1/incentives/estimates")
	@Operation(summary = "Who the reader may estimate", description = "The people in the reader's scope on an "
			+ "approved plan today: a salesperson themself, a manager their subtree, directors, finance and "
			+ "administrators everyone; by name, a page at a time (id: the staff id).")
	PageResponse<Person> people(CurrentUser actor, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		List<Person> people = estimates.people(actor);
		ListQuery query = ListQuery.of(page, size, null, Map.of("name", "name"), "name");
		int from = (int) Math.min(query.offset(), people.size());
		return PageResponse.of(people.subList(from, Math.min(people.size(), from + query.size())), query,
				people.size());
	}

	@GetMapping("/api/v1/incentives/estimates/{staffId}")
	@Operation(summary = "A person's estimate", description = "Earned so far (today's periods and the year to date, "
			+ "per component), the earnings at attainment % (default 100, 0 to 1,000; every measure with a quota "
			+ "moved to it, tiers, accelerators, thresholds, gates and caps applied), the plan's total from 0 to "
			+ "150 %, and the open opportunities by what winning each would add. Out of the reader's scope: 404.")
	Estimate estimate(CurrentUser actor, @PathVariable long staffId,
			@RequestParam(required = false) @Nullable BigDecimal attainment) {
		return estimates.estimate(actor, staffId, attainment);
	}
}
