package io.rumbo.people.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffManagement;
import io.rumbo.people.GapKind;
import io.rumbo.people.GapReport;
import io.rumbo.people.HoldingWithdrawals;
import io.rumbo.people.PeopleAccess;
import io.rumbo.people.PeopleSettings;
import io.rumbo.people.PeopleViews.GapEnrolment;
import io.rumbo.people.QualificationKind;
import io.rumbo.people.QualificationId;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.Qualifications;
import io.rumbo.people.SessionId;
import io.rumbo.people.StaffQualifications;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingQueries;
import io.rumbo.people.web.PeopleForms.QualificationForm;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ChartData;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people pages: the catalogue and requirements, people's qualifications (expiring ones flagged), the gap report
 * with its heat map and the form that enrols the people lacking a qualification, and a person's page (with the
 * qualifications withdrawn). Training has its own pages ({@link TrainingPageController}).
 */
@Controller
class PeoplePageController {

	private final Qualifications qualifications;
	private final StaffQualifications holdings;
	private final GapReport gaps;
	private final Training training;
	private final HoldingWithdrawals withdrawals;
	private final TrainingQueries trainingQueries;
	private final PeopleSettings settings;
	private final StaffManagement staff;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final JsonMapper json;
	private final EvidenceSection evidence;
	private final UserNames userNames;

	PeoplePageController(Qualifications qualifications, StaffQualifications holdings, GapReport gaps, Training training,
			HoldingWithdrawals withdrawals, TrainingQueries trainingQueries, PeopleSettings settings, StaffManagement staff,
			OrgDirectory org, DataScopes scopes, JsonMapper json, EvidenceSection evidence,
			UserNames userNames) {
		this.userNames = userNames;
		this.evidence = evidence;
		this.qualifications = qualifications;
		this.holdings = holdings;
		this.gaps = gaps;
		this.training = training;
		this.withdrawals = withdrawals;
		this.trainingQueries = trainingQueries;
		this.settings = settings;
		this.staff = staff;
		this.org = org;
		this.scopes = scopes;
		this.json = json;
	}

	// ---- catalogue

	@GetMapping("/people/qualifications")
	String catalogue(CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable QualificationKind kind,
			@RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(defaultValue = "false") boolean archived, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("archived", archived);
		model.addAttribute("kind", kind);
		model.addAttribute("jobRole", jobRole);
		model.addAttribute("kinds", QualificationKind.values());
		model.addAttribute("roles", JobRole.values());
		model.addAttribute("qualifications", qualifications.catalogue(q, kind, archived));
		model.addAttribute("requirements", qualifications.requirements(jobRole, null, null));
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		model.addAttribute("importances", io.rumbo.people.Importance.values());
		model.addAttribute("units", ListPages.options(org.unitTree(), OrgDirectory.UnitNode::id,
				OrgDirectory.UnitNode::name));
		if (!model.containsAttribute("qualificationForm")) {
			model.addAttribute("qualificationForm", new QualificationForm());
		}
		return "people/qualifications";
	}

	/** A new qualification; refused, the catalogue again (422) with what was typed and each reason at its field. */
	@PostMapping("/people/qualifications")
	String createQualification(CurrentUser user, @ModelAttribute("qualificationForm") QualificationForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!binding.hasErrors()) {
				var created = qualifications.create(user, form.details(null));
				redirect.addFlashAttribute("flash", "people.qualification.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.name() });
				return "redirect:/people/qualifications";
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return catalogue(user, null, null, null, false, model);
	}

	/** A qualification's own edit page (PEOPLE): room for every field at any width, and its archiving. */
	@GetMapping("/people/qualifications/{id}/edit")
	String editQualification(CurrentUser user, @PathVariable long id, Model model) {
		QualificationView current = qualifications.get(QualificationId.of(id));
		return qualificationForm(user, current, QualificationForm.of(current), current.version(), model);
	}

	/** Rewrites a qualification of the catalogue (PEOPLE); refused, the edit page again (422) at the fields. */
	@PostMapping("/people/qualifications/{id}/edit")
	String updateQualification(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("qualificationForm") QualificationForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		QualificationView current = qualifications.get(QualificationId.of(id));
		try {
			if (!binding.hasErrors()) {
				var saved = qualifications.update(user, QualificationId.of(id), version,
						form.details(current.description()));
				redirect.addFlashAttribute("flash", "people.qualification.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { saved.name() });
				return "redirect:/people/qualifications";
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return qualificationForm(user, current, form, version, model);
	}

	private String qualificationForm(CurrentUser user, QualificationView qualification, QualificationForm form,
			long version, Model model) {
		if (!PeopleAccess.mayManage(user)) {
			throw new io.rumbo.shared.domain.AccessRefusedException("qualifications");
		}
		model.addAttribute("qualification", qualification);
		model.addAttribute("qualificationForm", form);
		model.addAttribute("version", version);
		model.addAttribute("kinds", QualificationKind.values());
		return "people/qualification-form";
	}

	/** Archives or restores a qualification (PEOPLE); refused while a requirement or a programme still uses it. */
	@PostMapping("/people/qualifications/{id}/archive")
	String archiveQualification(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam boolean archived, RedirectAttributes redirect) {
		var saved = qualifications.archive(user, QualificationId.of(id), version, archived);
		redirect.addFlashAttribute("flash", archived ? "people.qualification.archivedDone"
				: "people.qualification.restored");
		redirect.addFlashAttribute("flashArgs", new Object[] { saved.name() });
		return "redirect:/people/qualifications" + (archived ? "?archived=true" : "");
	}

	@PostMapping("/people/requirements")
	String require(CurrentUser user, @RequestParam(required = false) @Nullable JobRole jobRole,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable Integer minLevel,
			@RequestParam(required = false) io.rumbo.people.@Nullable Importance importance,
			RedirectAttributes redirect) {
		qualifications.require(user, new Qualifications.RequirementDetails(jobRole, unitId, qualificationId, minLevel,
				importance));
		redirect.addFlashAttribute("flash", "people.requirement.created");
		return "redirect:/people/qualifications";
	}

	@PostMapping("/people/requirements/{id}/drop")
	String dropRequirement(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		qualifications.dropRequirement(user, id, version);
		redirect.addFlashAttribute("flash", "people.requirement.dropped");
		return "redirect:/people/qualifications";
	}

	// ---- people's qualifications

	record HoldingFilter(@Nullable String q, @Nullable Long staffId, @Nullable Long unitId,
			@Nullable Long qualificationId, @Nullable QualificationKind kind, @Nullable Boolean expiring) {

		StaffQualifications.Filter criteria() {
			return new StaffQualifications.Filter(q, staffId, unitId, qualificationId, kind, expiring);
		}
	}

	@GetMapping(value = "/people/staff-qualifications", params = "format")
	ResponseEntity<StreamingResponseBody> exportHoldings(CurrentUser user, @RequestParam String format,
			HoldingFilter filter, ListRequest list) {
		return PeopleExports.holdings(ExportFormat.param(format), holdings, user, filter.criteria(),
				list.unpaged(StaffQualifications.SORTS, "person"));
	}

	@GetMapping("/people/staff-qualifications")
	String holdingList(CurrentUser user, HoldingFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(StaffQualifications.SORTS, "person", 25);
		model.addAttribute("kinds", QualificationKind.values());
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("catalogue", qualifications.catalogue(null, null, false));
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		model.addAttribute("warningDays", settings.expiryWarningDays());
		return ListPages.render(request, model, "people/holding-list", filter, query,
				holdings.list(user, filter.criteria(), query));
	}

	@PostMapping("/people/staff-qualifications")
	String record(CurrentUser user, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Long qualificationId,
			@RequestParam(required = false) @Nullable Integer level,
			@RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate obtainedOn,
			@RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
			@RequestParam(required = false) @Nullable String evidence, RedirectAttributes redirect) {
		holdings.record(user, new StaffQualifications.HoldingDetails(staffId, qualificationId, level, obtainedOn,
				expiresOn, evidence));
		redirect.addFlashAttribute("flash", "people.holding.recorded");
		return "redirect:/people/staff/" + staffId;
	}

	// ---- gaps

	record GapFilter(@Nullable String q, @Nullable Long unitId, @Nullable JobRole jobRole,
			@Nullable Long qualificationId, @Nullable GapKind kind, @Nullable Boolean desirable,
			GapReport.@Nullable By by) {

		GapReport.Filter criteria() {
			return new GapReport.Filter(q, unitId, jobRole, null, qualificationId, kind, desirable);
		}
	}

	@GetMapping(value = "/people/gaps", params = "format")
	ResponseEntity<StreamingResponseBody> exportGaps(CurrentUser user, @RequestParam String format, GapFilter filter,
			ListRequest list) {
		return PeopleExports.gaps(ExportFormat.param(format), gaps, user, filter.criteria(),
				list.unpaged(GapReport.SORTS, "person"));
	}

	@GetMapping("/people/gaps")
	String gapReport(CurrentUser user, GapFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(GapReport.SORTS, "person", 25);
		GapReport.By by = filter.by() == null ? GapReport.By.UNIT : filter.by();
		model.addAttribute("roles", JobRole.values());
		model.addAttribute("gapKinds", GapKind.values());
		model.addAttribute("bys", GapReport.By.values());
		model.addAttribute("catalogue", qualifications.catalogue(null, null, false));
		model.addAttribute("units", ListPages.options(org.unitTree().stream()
			.filter(u -> scopes.of(user).managesUnit(u.id())).toList(), OrgDirectory.UnitNode::id,
				OrgDirectory.UnitNode::name));
		model.addAttribute("mayEnrol", PeopleAccess.mayEnrolOthers(user));
		model.addAttribute("sessions", trainingQueries.openSessions(null, filter.qualificationId()));
		model.addAttribute("heatmapJson", ChartData.json(json, gaps.heatmap(user, filter.criteria(), by)));
		model.addAttribute("warningDays", settings.expiryWarningDays());
		return ListPages.render(request, model, "people/gaps", filter, query, gaps.list(user, filter.criteria(), query));
	}

	@PostMapping("/people/gaps/enrol")
	String enrolGaps(CurrentUser user, @RequestParam long qualificationId, @RequestParam long sessionId,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable JobRole jobRole, RedirectAttributes redirect) {
		GapEnrolment done = training.enrolGaps(user, qualificationId, SessionId.of(sessionId),
				new GapReport.Filter(null, unitId, jobRole, null, null, null, null));
		redirect.addFlashAttribute("flash", "people.gaps.enrolled");
		redirect.addFlashAttribute("flashArgs", new Object[] { done.enrolled(), done.alreadyEnrolled(), done.noSeat() });
		return "redirect:" + ListPages.filterUrl("/people/gaps", "qualificationId", qualificationId, "unitId", unitId,
				"jobRole", jobRole);
	}

	// ---- a person

	/**
	 * Withdraws a person's qualification with the reason (PEOPLE); it shows in the person's history. {@code holding}:
	 * the holding and the version read, as the picker sends them ({@code id:version}).
	 */
	@PostMapping("/people/staff/{staffId}/withdrawals")
	String withdraw(CurrentUser user, @PathVariable long staffId, @RequestParam(required = false) @Nullable String holding,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		String[] idVersion = holding == null ? new String[0] : holding.split(":");
		if (idVersion.length != 2 || !idVersion[0].matches("\\d+") || !idVersion[1].matches("\\d+")) {
			throw ValidationFailedException.of("holding", "shared.validation.required");
		}
		HoldingWithdrawals.Withdrawal done = withdrawals.withdraw(user, Long.parseLong(idVersion[0]),
				Long.parseLong(idVersion[1]), reason);
		redirect.addFlashAttribute("flash", "people.holding.withdrawn");
		redirect.addFlashAttribute("flashArgs", new Object[] { done.qualificationName() });
		return "redirect:/people/staff/" + done.staffId();
	}

	@GetMapping("/people/staff/{staffId}")
	String person(CurrentUser user, @PathVariable long staffId, Model model) {
		model.addAttribute("holdings", holdings.ofPerson(user, staffId));
		model.addAttribute("personName", org.staffNames(List.of(staffId)).get(staffId));
		model.addAttribute("staffId", staffId);
		model.addAttribute("gaps", gaps.list(user, new GapReport.Filter(null, null, null, staffId, null, null, true),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, GapReport.SORTS, "qualification")).content());
		model.addAttribute("enrolments", trainingQueries.enrolments(user, TrainingQueries.EnrolmentFilter.ofPerson(
				staffId), ListQuery.of(0, ListQuery.MAX_SIZE, null, TrainingQueries.ENROLMENT_SORTS, "startsOn,desc"))
			.content());
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		var withdrawn = withdrawals.ofPerson(user, staffId);
		model.addAttribute("withdrawals", withdrawn);
		model.addAttribute("userNames", userNames.of(withdrawn.stream().map(HoldingWithdrawals.Withdrawal::withdrawnBy)
			.toList()));
		model.addAttribute("catalogue", qualifications.catalogue(null, null, false));
		model.addAttribute("warningDays", settings.expiryWarningDays());
		model.addAttribute("kinds", Arrays.asList(QualificationKind.values()));
		evidence.addTo(user, staffId, model);
		return "people/person";
	}
}
