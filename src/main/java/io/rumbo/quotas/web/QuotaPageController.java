package io.rumbo.quotas.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.AllocationMethod;
import io.rumbo.quotas.QuotaManagement;
import io.rumbo.quotas.QuotaPeople;
import io.rumbo.quotas.QuotaQueries;
import io.rumbo.quotas.QuotaReading;
import io.rumbo.quotas.QuotaUnitChanges;
import io.rumbo.quotas.QuotaViews;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListQuery;

/**
 * Quota pages: the plans of each year, a version's allocation level by level (method, over-assignment, figures by
 * hand, the live mismatch), publication and release, the differences from the version revised, and a salesperson's
 * own quota with the acknowledgement.
 */
@Controller
class QuotaPageController {

	private final QuotaManagement quotas;
	private final QuotaQueries queries;
	private final QuotaPeople people;
	private final QuotaReading reading;
	private final DataScopes scopes;
	private final FiscalCalendar calendar;
	private final Formats fmt;
	private final QuotaUnitChanges unitChanges;

	QuotaPageController(QuotaManagement quotas, QuotaQueries queries, QuotaPeople people, QuotaReading reading,
			DataScopes scopes, FiscalCalendar calendar, Formats fmt, QuotaUnitChanges unitChanges) {
		this.unitChanges = unitChanges;
		this.reading = reading;
		this.scopes = scopes;
		this.quotas = quotas;
		this.queries = queries;
		this.people = people;
		this.calendar = calendar;
		this.fmt = fmt;
	}

	@GetMapping("/quotas")
	String plans(CurrentUser user, Model model) {
		List<QuotaViews.QuotaPlanView> plans = queries.plans(user, ListQuery.of(0, ListQuery.MAX_SIZE, null,
				Map.of("id", "id"), "id")).content();
		model.addAttribute("plans", plans);
		model.addAttribute("mayCreate", user.hasAny(Role.ADMIN, Role.DIRECTOR));
		// The new plan form proposes the first year from this one that has no quota plan yet.
		java.util.Set<Integer> planned = new java.util.HashSet<>();
		plans.forEach(p -> planned.add(p.fiscalYear()));
		int year = calendar.currentYear();
		while (planned.contains(year)) {
			year++;
		}
		model.addAttribute("year", year);
		model.addAttribute("hasQuota", scopes.staffIdOf(user)
			.flatMap(staff -> reading.status(calendar.currentYear(), StaffId.of(staff))).isPresent());
		model.addAttribute("currentYear", calendar.currentYear());
		return "quotas/plans";
	}

	@PostMapping("/quotas")
	String create(CurrentUser user, @RequestParam int fiscalYear, @RequestParam(required = false) @Nullable String ramp) {
		quotas.create(user, fiscalYear, ramp == null || ramp.isBlank() ? null : ramp);
		return "redirect:/quotas/" + fiscalYear;
	}

	@GetMapping("/quotas/{year}")
	String plan(CurrentUser user, @PathVariable int year, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String measure,
			Model model) {
		QuotaViews.QuotaPlanView plan = queries.plan(user, year);
		QuotaViews.QuotaVersionView shown = version == null
				? (plan.published() != null ? plan.published() : plan.versions().get(0))
				: plan.versions().stream().filter(v -> v.id() == version).findFirst()
					.orElseThrow(() -> new NotFoundException("quotaVersion", version));
		Metric metric = QuotaRestController.measure(measure);
		List<QuotaViews.QuotaLevelSummary> levels = queries.levels(user, shown.id(),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, Map.of("id", "id"), "id")).content();
		model.addAttribute("plan", plan);
		model.addAttribute("shown", shown);
		model.addAttribute("metric", metric);
		model.addAttribute("levels", levels);
		model.addAttribute("methods", AllocationMethod.values());
		model.addAttribute("mayPublish", user.hasAny(Role.ADMIN, Role.DIRECTOR) && shown.state().equals("DRAFT"));
		model.addAttribute("mayImport", user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)
				&& shown.id() == plan.versions().get(0).id());
		Long chosen = unit != null ? unit : levels.isEmpty() ? null : levels.get(0).id();
		model.addAttribute("level", chosen == null ? null : queries.level(user, shown.id(), chosen, metric));
		model.addAttribute("differences", people.differences(user, shown.id()));
		List<QuotaViews.QuotaUnitChange> changes = shown.state().equals("SUPERSEDED") ? List.of()
				: unitChanges.unitChanges(user, shown.id());
		model.addAttribute("unitChanges", changes);
		model.addAttribute("mayProrate", changes.stream().anyMatch(QuotaViews.QuotaUnitChange::mayProrate));
		return "quotas/plan";
	}

	/** A version's quotas by person, month and measure in the reader's scope, in the quota import's columns. */
	@GetMapping(value = "/quotas/{year}/versions/{id}/person-months", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @PathVariable int year, @PathVariable long id,
			@RequestParam String format) {
		return QuotaExports.personMonths(ExportFormat.param(format), people, user, id,
				new QuotaPeople.Filter(null, null, null));
	}

	@PostMapping("/quotas/{year}/versions/{id}/levels/{unit}")
	String allocate(CurrentUser user, @PathVariable int year, @PathVariable long id, @PathVariable long unit,
			@RequestParam String measure, @RequestParam AllocationMethod method, @RequestParam long lock,
			@RequestParam(required = false) @Nullable String overAssignment,
			@RequestParam(required = false) @Nullable String reason, @RequestParam Map<String, String> form) {
		Map<String, BigDecimal> manual = new HashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("manual.") && !value.isBlank()) {
				BigDecimal amount = fmt.parse(value);
				if (amount != null) {
					manual.put(key.substring("manual.".length()), amount);
				}
			}
		});
		BigDecimal over = overAssignment == null || overAssignment.isBlank() ? BigDecimal.ZERO : fmt.parse(overAssignment);
		QuotaViews.QuotaVersionView v = quotas.allocate(user, id, lock, unit, QuotaRestController.measure(measure),
				new QuotaManagement.Allocation(method, over == null ? BigDecimal.ZERO : over, manual), reason);
		return "redirect:/quotas/" + year + "?version=" + v.id() + "&unit=" + unit + "&measure=" + measure;
	}

	@PostMapping("/quotas/{year}/versions/{id}/publish")
	String publish(CurrentUser user, @PathVariable int year, @PathVariable long id, @RequestParam long lock,
			@RequestParam(defaultValue = "false") boolean wholeTree) {
		quotas.publish(user, id, lock, wholeTree);
		return "redirect:/quotas/" + year + "?version=" + id;
	}

	@PostMapping("/quotas/{year}/versions/{id}/levels/{unit}/release")
	String release(CurrentUser user, @PathVariable int year, @PathVariable long id, @PathVariable long unit,
			@RequestParam long lock, @RequestParam(required = false) @Nullable String measure) {
		quotas.release(user, id, lock, unit);
		return "redirect:/quotas/" + year + "?version=" + id + "&unit=" + unit
				+ (measure == null ? "" : "&measure=" + measure);
	}

	@PostMapping("/quotas/{year}/versions/{id}/prorate")
	String prorate(CurrentUser user, @PathVariable int year, @PathVariable long id, @RequestParam long lock,
			@RequestParam(required = false) @Nullable String reason) {
		QuotaViews.QuotaVersionView v = quotas.prorate(user, id, lock, reason);
		return "redirect:/quotas/" + year + "?version=" + v.id();
	}

	@GetMapping("/quotas/{year}/mine")
	String mine(CurrentUser user, @PathVariable int year, Model model) {
		model.addAttribute("quota", people.mine(user, year));
		return "quotas/mine";
	}

	@PostMapping("/quotas/{year}/acknowledge")
	String acknowledge(CurrentUser user, @PathVariable int year, @RequestParam(required = false) @Nullable String comment) {
		quotas.acknowledge(user, year, comment);
		return "redirect:/quotas/" + year + "/mine";
	}
}
