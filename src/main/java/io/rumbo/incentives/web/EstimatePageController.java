package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.Estimates;
import io.rumbo.incentives.Estimates.CurvePoint;
import io.rumbo.incentives.Estimates.Estimate;
import io.rumbo.incentives.Estimates.Person;
import io.rumbo.organization.DataScopes;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.Htmx;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My earnings": a person's estimate (their own, or for a manager, director or finance someone in their scope):
 * earned to date, the what-if at an attainment typed in the reader's language or set with a slider (the what-if,
 * the chart's marker and the opportunities are one fragment htmx swaps), the curve of the plan's total from 0 to
 * 150 % and what each open opportunity would add.
 */
@Controller
class EstimatePageController {

	private final Estimates estimates;
	private final DataScopes scopes;
	private final Formats fmt;
	private final JsonMapper json;

	EstimatePageController(Estimates estimates, DataScopes scopes, Formats fmt, JsonMapper json) {
		this.estimates = estimates;
		this.scopes = scopes;
		this.fmt = fmt;
		this.json = json;
	}

	@GetMapping("/incentives/estimates")
	String estimate(CurrentUser user, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String attainment, Model model, HttpServletRequest request) {
		List<Person> people = estimates.people(user);
		Long own = scopes.of(user).ownStaffId();
		Long who = staffId != null ? staffId : own != null ? own : people.isEmpty() ? null : people.get(0).id();
		BigDecimal at = fmt.parseField("attainment", attainment);
		model.addAttribute("people", people);
		model.addAttribute("staffId", who);
		if (who != null) {
			Estimate estimate = estimates.estimate(user, who, at);
			model.addAttribute("estimate", estimate);
			model.addAttribute("attainmentText", fmt.decimal(estimate.attainment(), 1));
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("x", estimate.curve().stream().map(CurvePoint::attainment).toList());
			chart.put("amount", estimate.curve().stream().map(CurvePoint::amount).toList());
			chart.put("at", estimate.attainment());
			chart.put("whatIf", estimate.whatIf());
			model.addAttribute("chartJson", ChartData.json(json, chart));
		}
		return Htmx.view(request, "incentives/estimate", "whatif");
	}
}
