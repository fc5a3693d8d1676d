package io.rumbo.review.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanState;
import io.rumbo.planning.PlanViews;
import io.rumbo.review.PlanReviews;
import io.rumbo.review.ReviewState;
import io.rumbo.review.ReviewViews.Explanation;
import io.rumbo.review.ReviewViews.ReviewView;
import io.rumbo.review.ReviewViews.VarianceTable;
import io.rumbo.review.Verdict;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review pages: the list (with the form that starts a review, for who may write one) and a review with its
 * sections: the gap per unit with the explanations, the waterfall from plan to actual, the variance by line and by
 * unit against the plan or last year, the strategies with their verdicts, coverage and objectives. A draft's
 * explanations and verdicts are written in one form; sharing is a button.
 */
@Controller
class ReviewPageController {

	private final PlanReviews reviews;
	private final PlanReading plans;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final MessageSource messages;
	private final Formats fmt;
	private final JsonMapper json;

	ReviewPageController(PlanReviews reviews, PlanReading plans, OrgDirectory org, DataScopes scopes,
			MessageSource messages, Formats fmt, JsonMapper json) {
		this.reviews = reviews;
		this.plans = plans;
		this.org = org;
		this.scopes = scopes;
		this.messages = messages;
		this.fmt = fmt;
		this.json = json;
	}

	/** The list's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable ReviewState state, @Nullable Integer fiscalYear) {

		PlanReviews.Filter criteria() {
			return new PlanReviews.Filter(q, state, fiscalYear, null);
		}
	}

	@GetMapping(value = "/reviews", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return ReviewExports.reviews(ExportFormat.param(format), reviews, user, filter.criteria(),
				list.unpaged(PlanReviews.SORTS, PlanReviews.DEFAULT_SORT));
	}

	@GetMapping("/reviews")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(PlanReviews.SORTS, PlanReviews.DEFAULT_SORT, 25);
		model.addAttribute("states", ReviewState.values());
		boolean mayWrite = PlanReviews.mayWrite(user);
		model.addAttribute("mayWrite", mayWrite);
		if (mayWrite && request.getHeader("HX-Request") == null) {
			model.addAttribute("planOptions", plans.plans(user).stream()
				.filter(p -> p.current() != null && (p.current().state() == PlanState.ACTIVE
						|| p.current().state() == PlanState.APPROVED))
				.toList());
			model.addAttribute("periods", PlanReviews.PERIODS);
			model.addAttribute("unitOptions", writableUnits(user));
		}
		return ListPages.render(request, model, "review/review-list", filter, query,
				reviews.list(user, filter.criteria(), query));
	}

	/** The units the user may review: every unit for directors and administrators, else those they manage. */
	private Map<Long, String> writableUnits(CurrentUser user) {
		DataScope scope = scopes.of(user);
		boolean all = user.hasAny(Role.ADMIN, Role.DIRECTOR);
		Map<Long, String> units = new LinkedHashMap<>();
		for (OrgDirectory.UnitNode n : org.unitTree()) {
			if (all || scope.managedUnitIds().contains(n.id())) {
				units.put(n.id(), n.name());
			}
		}
		return units;
	}

	@PostMapping("/reviews")
	String create(CurrentUser user, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable String title, RedirectAttributes redirect) {
		ReviewView created = reviews.create(user, new PlanReviews.NewReview(planId, period, unitId, title));
		redirect.addFlashAttribute("flash", "review.created");
		return "redirect:/reviews/" + created.id();
	}

	@GetMapping("/reviews/{id}")
	String review(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false, defaultValue = "PLAN") String basis, Model model) {
		ReviewView review = reviews.get(user, id);
		VarianceTable table = ReviewExports.table(review.figures(), basis);
		model.addAttribute("review", review);
		model.addAttribute("f", review.figures());
		model.addAttribute("basis", basis);
		model.addAttribute("variance", table);
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("waterfallJson", ChartData.json(json, waterfall(table)));
		model.addAttribute("coverageJson", ChartData.json(json, coverageChart(review)));
		return "review/review";
	}

	/** Each target market's months for its chart, with each month named in the reader's language. */
	private List<Map<String, Object>> coverageChart(ReviewView review) {
		return review.figures().coverage().stream().map(c -> Map.<String, Object>of("name", c.name(), "months",
				c.months().stream().map(m -> Map.<String, Object>of("label", fmt.month(m.start()), "start",
						m.start().toString(), "targets", m.targets(), "visited", m.visited(), "bought", m.bought()))
					.toList()))
			.toList();
	}

	/** The steps of the waterfall: the base, the volume, mix and price effects, the actual. */
	private List<Map<String, Object>> waterfall(VarianceTable table) {
		List<Map<String, Object>> steps = new ArrayList<>();
		String baseKey = table.basis().equals("PLAN") ? "review.plan" : "review.lastYear";
		steps.add(step(text(baseKey), table.total().base(), true));
		steps.add(step(text("review.volume"), table.total().volume(), false));
		steps.add(step(text("review.mix"), table.total().mix(), false));
		steps.add(step(text("review.price"), table.total().price(), false));
		steps.add(step(text("review.actual"), table.total().actual(), true));
		return steps;
	}

	private static Map<String, Object> step(String label, BigDecimal value, boolean total) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("label", label);
		step.put("value", value);
		step.put("total", total);
		return step;
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	/**
	 * Saves a draft's text. The form sends {@code explanation-<unit id>}, {@code verdict-<strategy id>} and
	 * {@code conclusion-<strategy id>}.
	 */
	@PostMapping("/reviews/{id}")
	String write(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String summary, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		List<Explanation> explanations = new ArrayList<>();
		List<PlanReviews.VerdictDetails> verdicts = new ArrayList<>();
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		params.forEach((name, value) -> {
			if (name.startsWith("explanation-")) {
				Long unit = id(name.substring(12));
				if (unit == null) {
					errors.add(new ValidationFailedException.FieldError(name, "review.unit.notInReview"));
				}
				else {
					explanations.add(new Explanation(unit, value == null ? "" : value));
				}
			}
			else if (name.startsWith("verdict-")) {
				Long strategy = id(name.substring(8));
				if (strategy == null) {
					errors.add(new ValidationFailedException.FieldError(name, "review.strategy.notInPlan"));
					return;
				}
				String conclusion = params.get("conclusion-" + strategy);
				Verdict verdict = null;
				if (value != null && !value.isBlank()) {
					verdict = verdict(value);
					if (verdict == null) {
						errors.add(new ValidationFailedException.FieldError(name, "review.verdict.invalid"));
						return;
					}
				}
				else if (conclusion != null && !conclusion.isBlank()) {
					errors.add(new ValidationFailedException.FieldError(name, "review.verdict.missing"));
					return;
				}
				verdicts.add(new PlanReviews.VerdictDetails(strategy, verdict, conclusion));
			}
		});
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		reviews.write(user, id, version, new PlanReviews.ReviewText(title, summary, explanations, verdicts));
		redirect.addFlashAttribute("flash", "review.saved");
		return "redirect:/reviews/" + id;
	}

	private static @Nullable Long id(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static @Nullable Verdict verdict(String text) {
		for (Verdict v : Verdict.values()) {
			if (v.name().equals(text)) {
				return v;
			}
		}
		return null;
	}

	@PostMapping("/reviews/{id}/share")
	String share(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		reviews.share(user, id, version);
		redirect.addFlashAttribute("flash", "review.shared");
		return "redirect:/reviews/" + id;
	}

	@GetMapping("/reviews/{id}.pdf")
	ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable long id) {
		return ReviewRestController.pdfOf(reviews.get(user, id), messages, fmt, LocaleContextHolder.getLocale());
	}

	@GetMapping("/reviews/{id}/variance")
	ResponseEntity<StreamingResponseBody> variance(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false, defaultValue = "csv") String format,
			@RequestParam(required = false, defaultValue = "PLAN") String basis,
			@RequestParam(required = false, defaultValue = "line") String by) {
		return ReviewExports.variance(ExportFormat.param(format), id,
				ReviewExports.table(reviews.figures(user, id), basis), by);
	}
}
