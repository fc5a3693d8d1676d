package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
import io.rumbo.sales.PipelineStages;
import io.rumbo.sales.Stage;
import io.rumbo.shared.domain.ValidationFailedException;
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
	private final PipelineStages stages;
	private final MessageSource messages;

	EstimatePageController(Estimates estimates, DataScopes scopes, Formats fmt, JsonMapper json,
			PipelineStages stages, MessageSource messages) {
		this.estimates = estimates;
		this.scopes = scopes;
		this.fmt = fmt;
		this.json = json;
		this.stages = stages;
		this.messages = messages;
	}

	@GetMapping("/incentives/estimates")
	String estimate(CurrentUser user, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String attainment, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		List<Person> people = estimates.people(user);
		Long own = scopes.of(user).ownStaffId();
		Long who = staffId != null ? staffId : own != null ? own : people.isEmpty() ? null : people.get(0).id();
		BigDecimal at = null;
		String attainmentError = null;
		try {
			at = fmt.parseField("attainment", attainment);
		}
		catch (ValidationFailedException ex) {
			// Shown at the field with what was typed; the estimate stays at the default attainment.
			ValidationFailedException.FieldError error = ex.errors().get(0);
			attainmentError = messages.getMessage(error.messageKey(), error.arguments(), LocaleContextHolder.getLocale());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("attainmentError", attainmentError);
		model.addAttribute("people", people);
		model.addAttribute("staffId", who);
		if (who != null) {
			Estimate estimate = estimates.estimate(user, who, at);
			model.addAttribute("estimate", estimate);
			model.addAttribute("attainmentText",
					attainment != null && !attainment.isBlank() ? attainment.strip() : fmt.decimal(estimate.attainment(), 1));
			String lang = fmt.lang();
			Map<String, String> stageNames = new LinkedHashMap<>();
			stages.list().forEach(stage -> stageNames.put(stage.code(), stage.name(lang)));
			model.addAttribute("stageNames", stageNames);
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("x", estimate.curve().stream().map(CurvePoint::attainment).toList());
			chart.put("amount", estimate.curve().stream().map(CurvePoint::amount).toList());
			chart.put("at", estimate.attainment());
			chart.put("whatIf", estimate.whatIf());
			model.addAttribute("chartJson", ChartData.json(json, chart));
		}
		// htmx swaps only the what-if, which carries the field's error for the script to mark the field being typed in.
		return Htmx.view(request, "incentives/estimate", "whatif");
	}
}
