package io.rumbo.lessons.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.improvement.ImprovementPlanId;
import io.rumbo.improvement.ImprovementQueries;
import io.rumbo.improvement.ImprovementViews;
import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonQueries;
import io.rumbo.lessons.LessonStatus;
import io.rumbo.lessons.LessonView;
import io.rumbo.lessons.Lessons;
import io.rumbo.lessons.Retrospectives;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The lesson pages: the library (search, filters, sort, paging, export), a page per lesson or success case with the
 * promote, archive and "useful" buttons, the lesson and retrospective forms, the retrospective threshold, and the
 * suggestion fragments the opportunity and improvement plan pages load with htmx (decision 0032).
 */
@Controller
class LessonsPageController {

	/** At most this many suggestions in a fragment. */
	static final int SUGGESTIONS = 5;

	private final LessonQueries queries;
	private final Lessons lessons;
	private final Retrospectives retrospectives;
	private final CatalogManagement catalog;
	private final ProductCatalog products;
	private final StrategyManagement strategies;
	private final OpportunityQueries opportunities;
	private final OpportunityProducts opportunityProducts;
	private final CustomerManagement customers;
	private final ImprovementQueries plans;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final Formats fmt;

	LessonsPageController(LessonQueries queries, Lessons lessons, Retrospectives retrospectives,
			CatalogManagement catalog, ProductCatalog products, StrategyManagement strategies,
			OpportunityQueries opportunities, OpportunityProducts opportunityProducts, CustomerManagement customers,
			ImprovementQueries plans, DataScopes scopes, OrgDirectory org, Formats fmt) {
		this.queries = queries;
		this.lessons = lessons;
		this.retrospectives = retrospectives;
		this.catalog = catalog;
		this.products = products;
		this.strategies = strategies;
		this.opportunities = opportunities;
		this.opportunityProducts = opportunityProducts;
		this.customers = customers;
		this.plans = plans;
		this.scopes = scopes;
		this.org = org;
		this.fmt = fmt;
	}

	/** The library's filters, as its query string names them. */
	record ListFilter(@Nullable String q, @Nullable String tag, @Nullable Segment segment,
			@Nullable Long productLineId, @Nullable LessonOutcome outcome, @Nullable LessonStatus status,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean cases) {

		LessonQueries.Filter criteria() {
			return new LessonQueries.Filter(q, tag, segment, productLineId, outcome, status, from, to,
					Boolean.TRUE.equals(cases), null, null);
		}
	}

	@GetMapping(value = "/lessons", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return LessonExports.lessons(ExportFormat.param(format), queries, user, filter.criteria(),
				list.unpaged(LessonQueries.SORTS, "writtenOn,desc"));
	}

	@GetMapping("/lessons")
	String list(CurrentUser user, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(LessonQueries.SORTS, "writtenOn,desc", 25);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("outcomes", LessonOutcome.values());
		model.addAttribute("statuses", LessonStatus.values());
		model.addAttribute("lines", ListPages.options(catalog.lines(false), l -> l.id(), l -> l.name(lang())));
		model.addAttribute("tagOptions", ListPages.options(queries.tags(user), t -> t, t -> t));
		model.addAttribute("mayWrite", LessonQueries.mayWrite(user));
		model.addAttribute("maySettings", Retrospectives.mayChangeSettings(user));
		List<Retrospectives.Retrospective> pending = retrospectives.mine(user).stream()
			.filter(r -> r.lessonId() == null)
			.toList();
		model.addAttribute("pending", pending);
		// The owner's own deals closed in the last days (a handful): their titles and customers for the links.
		Map<Long, io.rumbo.sales.OpportunityView> deals = new HashMap<>();
		for (Retrospectives.Retrospective r : pending) {
			try {
				deals.put(r.opportunityId(), opportunities.get(user, r.opportunityId()));
			}
			catch (NotFoundException ex) {
				// Out of the reader's scope since: the link still shows the amount.
			}
		}
		model.addAttribute("deals", deals);
		return ListPages.render(request, model, "lessons/lesson-list", filter, query,
				queries.list(user, filter.criteria(), query));
	}

	@GetMapping("/lessons/new")
	String newLesson(CurrentUser user, @RequestParam(required = false) @Nullable Long opportunity,
			@RequestParam(required = false) @Nullable Long customer,
			@RequestParam(required = false) @Nullable Long strategy,
			@RequestParam(required = false) @Nullable Long scorecard, Model model) {
		LessonForm form = new LessonForm();
		form.setOpportunityId(opportunity);
		form.setCustomerId(customer);
		form.setStrategyId(strategy);
		form.setScorecardId(scorecard);
		form.setLanguage(lang());
		return form(form, null, null, model);
	}

	@PostMapping("/lessons/new")
	String write(CurrentUser user, @ModelAttribute("form") LessonForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(form, null, null, model);
		}
		try {
			LessonView lesson = lessons.write(user, form.details());
			redirect.addFlashAttribute("flash", "lessons.lesson.written");
			return "redirect:/lessons/" + lesson.id();
		}
		catch (ValidationFailedException ex) {
			// Back to the form with what was typed and the reasons next to the fields.
			FormErrors.bind(ex, binding);
			return form(form, null, null, model);
		}
	}

	@GetMapping("/lessons/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		LessonView lesson = queries.get(user, id);
		return form(LessonForm.of(lesson), lesson, null, model);
	}

	@PostMapping("/lessons/{id}/edit")
	String rewrite(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("form") LessonForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		LessonView lesson = queries.get(user, id);
		if (binding.hasErrors()) {
			return form(form, lesson, null, model, version);
		}
		try {
			lessons.edit(user, id, version, form.details());
			redirect.addFlashAttribute("flash", "lessons.lesson.saved");
			return "redirect:/lessons/" + id;
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return form(form, lesson, null, model, version);
		}
		catch (StaleVersionException ex) {
			// Someone saved it meanwhile: keep what was typed, say so, and let a second save overwrite knowingly.
			binding.reject("shared.problem.staleVersion.form");
			return form(form, lesson, null, model, queries.get(user, id).version());
		}
	}

	/** The retrospective form, prefilled from the won or lost opportunity the task is about. */
	@GetMapping("/lessons/retrospectives/new")
	String newRetrospective(CurrentUser user, @RequestParam long opportunity, Model model) {
		OpportunityView o = opportunities.get(user, opportunity);
		Optional<Retrospectives.Retrospective> pending = retrospectives.pending(user, opportunity);
		LessonForm form = new LessonForm();
		boolean won = pending.map(p -> p.result() == Retrospectives.Result.WON).orElse(o.lossReason() == null);
		form.setTitle(o.title());
		form.setOutcome(won ? LessonOutcome.WORKED : LessonOutcome.FAILED);
		form.setWhatHappened(o.lossReason());
		form.setOpportunityId(o.id());
		form.setCustomerId(o.customerId());
		form.setLanguage(lang());
		segmentOf(user, o.customerId()).ifPresent(form::setSegment);
		linesOf(user, o.id()).stream().findFirst().ifPresent(form::setProductLineId);
		model.addAttribute("opportunity", o);
		model.addAttribute("retrospective", pending.orElse(null));
		return form(form, null, o, model);
	}

	@PostMapping("/lessons/retrospectives/new")
	String writeRetrospective(CurrentUser user, @RequestParam long opportunity, @ModelAttribute("form") LessonForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return retrospectiveForm(user, opportunity, form, model);
		}
		try {
			LessonView lesson = retrospectives.write(user, opportunity, form.details());
			redirect.addFlashAttribute("flash", "lessons.retrospective.written");
			return "redirect:/lessons/" + lesson.id();
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
			return retrospectiveForm(user, opportunity, form, model);
		}
	}

	private String retrospectiveForm(CurrentUser user, long opportunity, LessonForm form, Model model) {
		model.addAttribute("retrospective", retrospectives.pending(user, opportunity).orElse(null));
		return form(form, null, opportunities.get(user, opportunity), model);
	}

	private String form(LessonForm form, @Nullable LessonView lesson, @Nullable OpportunityView opportunity,
			Model model) {
		return form(form, lesson, opportunity, model, lesson == null ? 0 : lesson.version());
	}

	private String form(LessonForm form, @Nullable LessonView lesson, @Nullable OpportunityView opportunity,
			Model model, long version) {
		model.addAttribute("version", version);
		model.addAttribute("form", form);
		model.addAttribute("lesson", lesson);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("segments", Segment.values());
		model.addAttribute("outcomes", LessonOutcome.values());
		model.addAttribute("lines", catalog.lines(false));
		model.addAttribute("strategies", strategies.list(null));
		return "lessons/lesson-form";
	}

	@GetMapping("/lessons/{id}")
	String lesson(CurrentUser user, @PathVariable long id, Model model) {
		LessonView lesson = queries.get(user, id);
		model.addAttribute("lesson", lesson);
		model.addAttribute("mayEdit", lesson.status() == LessonStatus.DRAFT && lesson.author().equals(user.username()));
		boolean mayPromote = lessons.mayPromote(user, lesson);
		model.addAttribute("mayPromote", mayPromote && lesson.status() == LessonStatus.DRAFT);
		model.addAttribute("mayArchive", mayPromote && lesson.status() == LessonStatus.SHARED);
		model.addAttribute("units", mayPromote ? shareUnits(user) : List.of());
		if (lesson.strategyId() != null) {
			model.addAttribute("strategy", strategyName(lesson.strategyId()));
		}
		if (lesson.opportunityId() != null) {
			try {
				model.addAttribute("opportunity", opportunities.get(user, lesson.opportunityId()));
			}
			catch (NotFoundException ex) {
				// Out of the reader's scope (a shared case from another team): the link keeps its number only.
			}
		}
		return "lessons/lesson";
	}

	@PostMapping("/lessons/{id}/promote")
	String promote(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long unitId, RedirectAttributes redirect) {
		lessons.promote(user, id, version, unitId);
		redirect.addFlashAttribute("flash", "lessons.lesson.promoted");
		return "redirect:/lessons/" + id;
	}

	@PostMapping("/lessons/{id}/archive")
	String archive(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		lessons.archive(user, id, version);
		redirect.addFlashAttribute("flash", "lessons.lesson.archived");
		return "redirect:/lessons/" + id;
	}

	@PostMapping("/lessons/{id}/useful")
	String useful(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model) {
		LessonView lesson = lessons.toggleUseful(user, id);
		if (request.getHeader("HX-Request") != null) {
			model.addAttribute("lesson", lesson);
			return "lessons/lesson :: useful";
		}
		return "redirect:/lessons/" + id;
	}

	@GetMapping("/lessons/settings")
	String settings(CurrentUser user, Model model) {
		if (!Retrospectives.mayChangeSettings(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("lessons");
		}
		model.addAttribute("settings", retrospectives.settings());
		return "lessons/settings";
	}

	@PostMapping("/lessons/settings")
	String changeSettings(CurrentUser user, @RequestParam long version, @RequestParam(required = false) @Nullable String threshold,
			RedirectAttributes redirect) {
		retrospectives.changeThreshold(user, version, fmt.parseField("threshold", threshold));
		redirect.addFlashAttribute("flash", "lessons.settings.saved");
		return "redirect:/lessons/settings";
	}

	/**
	 * Success cases for an opportunity's page (sales loads this fragment): the shared cases the reader sees of the
	 * segment of the opportunity's customer and of the product lines of its products.
	 */
	@GetMapping(value = "/lessons/suggestions", params = "opportunity")
	String forOpportunity(CurrentUser user, @RequestParam long opportunity, Model model) {
		OpportunityView o = opportunities.get(user, opportunity);
		Segment segment = segmentOf(user, o.customerId()).orElse(null);
		model.addAttribute("cases", queries.casesFor(user, segment, linesOf(user, o.id()), SUGGESTIONS));
		return "lessons/suggestions :: suggestions";
	}

	/**
	 * Success cases for an improvement plan's page (improvement loads this fragment): the shared cases tagged with
	 * the measure of one of the plan's goals or with a word of a goal's name (decision 0032).
	 */
	@GetMapping(value = "/lessons/suggestions", params = "plan")
	String forPlan(CurrentUser user, @RequestParam long plan, Model model) {
		ImprovementViews.PlanView p = plans.get(user, ImprovementPlanId.of(plan));
		model.addAttribute("cases", queries.casesTagged(user, planTags(p.goals()), SUGGESTIONS));
		return "lessons/suggestions :: suggestions";
	}

	/**
	 * The tags a plan's goals stand for: each measure code, and each word of four letters or more of a goal's name in
	 * lower case (spelled as tags are stored).
	 */
	static Set<String> planTags(List<ImprovementViews.GoalView> goals) {
		Set<String> tags = new HashSet<>();
		for (ImprovementViews.GoalView goal : goals) {
			if (goal.metric() != null) {
				tags.add(goal.metric().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			for (String word : goal.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (word.length() >= 4) {
					tags.add(word);
				}
			}
		}
		return tags;
	}

	private Optional<Segment> segmentOf(CurrentUser user, long customerId) {
		try {
			return Optional.of(customers.get(user, customerId).segment());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private Set<Long> linesOf(CurrentUser user, long opportunityId) {
		List<Long> ids = opportunityProducts.products(user, opportunityId).stream()
			.map(OpportunityProducts.ProductLineView::productId).toList();
		Set<Long> lines = new java.util.LinkedHashSet<>();
		if (!ids.isEmpty()) {
			products.products(ids).forEach(p -> lines.add(p.lineId()));
		}
		return lines;
	}

	private @Nullable String strategyName(long id) {
		try {
			return strategies.get(id).name();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/** The units the user may share with: the units they manage, or every active unit for directors and admins. */
	private List<OrgDirectory.UnitNode> shareUnits(CurrentUser user) {
		boolean all = user.hasAny(Role.ADMIN, Role.DIRECTOR);
		DataScope scope = scopes.of(user);
		return org.unitTree().stream()
			.filter(u -> all || scope.managesUnit(u.id()))
			.toList();
	}

	private static String lang() {
		return LocaleContextHolder.getLocale().getLanguage();
	}
}
