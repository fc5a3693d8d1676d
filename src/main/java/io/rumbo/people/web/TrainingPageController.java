package io.rumbo.people.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import io.rumbo.organization.StaffManagement;
import io.rumbo.people.EnrolmentId;
import io.rumbo.people.EnrolmentStatus;
import io.rumbo.people.PeopleAccess;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.Qualifications;
import io.rumbo.people.SessionId;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.people.TrainingEffects;
import io.rumbo.people.TrainingQueries;
import io.rumbo.people.web.PeopleForms.ProgrammeForm;
import io.rumbo.people.web.PeopleForms.SessionForm;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.FormErrors;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The training pages: the programmes and a programme with its sessions, enrolments and effect (PEOPLE edits the
 * programme, edits and cancels sessions and completes enrolments there), the enrolment list (a rep's own trainings).
 */
@Controller
class TrainingPageController {

	private final Qualifications qualifications;
	private final Training training;
	private final TrainingProgrammes programmes;
	private final TrainingQueries trainingQueries;
	private final TrainingEffects effects;
	private final StaffManagement staff;
	private final DataScopes scopes;
	private final Formats fmt;
	private final java.time.Clock clock;

	TrainingPageController(Qualifications qualifications, Training training, TrainingProgrammes programmes,
			TrainingQueries trainingQueries, TrainingEffects effects, StaffManagement staff, DataScopes scopes,
			Formats fmt, java.time.Clock clock) {
		this.qualifications = qualifications;
		this.training = training;
		this.programmes = programmes;
		this.trainingQueries = trainingQueries;
		this.effects = effects;
		this.staff = staff;
		this.scopes = scopes;
		this.fmt = fmt;
		this.clock = clock;
	}

	record ProgrammeFilter(@Nullable String q, @Nullable ProgrammeKind kind, @Nullable Boolean archived) {
	}

	@GetMapping("/people/training")
	String programmes(CurrentUser user, ProgrammeFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(TrainingQueries.PROGRAMME_SORTS, "name", 25);
		model.addAttribute("programmeKinds", ProgrammeKind.values());
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		model.addAttribute("catalogue", qualifications.catalogue(null, null, false));
		if (!model.containsAttribute("programmeForm")) {
			model.addAttribute("programmeForm", new ProgrammeForm());
		}
		return ListPages.render(request, model, "people/programme-list", filter, query, trainingQueries.programmes(
				new TrainingQueries.ProgrammeFilter(filter.q(), filter.kind(), filter.archived()), query));
	}

	@GetMapping("/people/training/{id}")
	String programme(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Integer months,
			Model model) {
		ProgrammeView programme = trainingQueries.programme(ProgrammeId.of(id));
		model.addAttribute("programme", programme);
		model.addAttribute("enrolments", trainingQueries.enrolments(user, new TrainingQueries.EnrolmentFilter(null, id,
				null, null, null, null), ListQuery.of(0, ListQuery.MAX_SIZE, List.of("startsOn,desc"),
						TrainingQueries.ENROLMENT_SORTS, "startsOn,desc")).content());
		model.addAttribute("effect", effects.of(ProgrammeId.of(id), months == null ? TrainingEffects.DEFAULT_MONTHS
				: months));
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		model.addAttribute("mayEnrolOthers", PeopleAccess.mayEnrolOthers(user));
		model.addAttribute("people", PeopleAccess.mayEnrolOthers(user) ? staff.options(user, null) : List.of());
		model.addAttribute("self", scopes.staffIdOf(user).orElse(null));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("programmeKinds", ProgrammeKind.values());
		model.addAttribute("catalogue", qualifications.catalogue(null, null, false));
		if (!model.containsAttribute("programmeForm")) {
			model.addAttribute("programmeForm", ProgrammeForm.of(programme, fmt));
		}
		if (!model.containsAttribute("sessionForm")) {
			model.addAttribute("sessionForm", new SessionForm());
		}
		return "people/programme";
	}

	/** A new programme; refused, the list again (422) with the form open, what was typed and the reasons at the fields. */
	@PostMapping("/people/training")
	String createProgramme(CurrentUser user, @ModelAttribute("programmeForm") ProgrammeForm form, BindingResult binding,
			ListRequest list, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			if (!binding.hasErrors()) {
				ProgrammeView created = programmes.createProgramme(user, form.details(fmt));
				redirect.addFlashAttribute("flash", "people.programme.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.name() });
				return "redirect:/people/training/" + created.id();
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return programmes(user, new ProgrammeFilter(null, null, null), list, request, model);
	}

	@PostMapping("/people/training/{id}/sessions")
	String addSession(CurrentUser user, @PathVariable long id, @ModelAttribute("sessionForm") SessionForm form,
			BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			if (!binding.hasErrors()) {
				programmes.addSession(user, ProgrammeId.of(id), form.details());
				redirect.addFlashAttribute("flash", "people.session.created");
				return "redirect:/people/training/" + id;
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return programme(user, id, null, model);
	}

	@PostMapping("/people/training/{id}/edit")
	String updateProgramme(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("programmeForm") ProgrammeForm form, BindingResult binding, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			if (!binding.hasErrors()) {
				programmes.updateProgramme(user, ProgrammeId.of(id), version, form.details(fmt));
				redirect.addFlashAttribute("flash", "people.programme.saved");
				return "redirect:/people/training/" + id;
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return programme(user, id, null, model);
	}

	@PostMapping("/people/training/{id}/archive")
	String archiveProgramme(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam boolean archived, RedirectAttributes redirect) {
		programmes.archiveProgramme(user, ProgrammeId.of(id), version, archived);
		redirect.addFlashAttribute("flash", archived ? "people.programme.archivedDone" : "people.programme.restored");
		return "redirect:/people/training/" + id;
	}

	/** A session's own edit page (PEOPLE): its fields with room at any width, and cancelling it. */
	@GetMapping("/people/training/sessions/{id}/edit")
	String editSession(CurrentUser user, @PathVariable long id, Model model) {
		SessionView session = trainingQueries.session(SessionId.of(id));
		return sessionForm(user, session, SessionForm.of(session), session.version(), model);
	}

	@PostMapping("/people/training/sessions/{id}/edit")
	String updateSession(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@ModelAttribute("sessionForm") SessionForm form, BindingResult binding, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		SessionView session = trainingQueries.session(SessionId.of(id));
		try {
			if (!binding.hasErrors()) {
				programmes.updateSession(user, SessionId.of(id), version, form.details());
				redirect.addFlashAttribute("flash", "people.session.saved");
				return "redirect:/people/training/" + session.programmeId();
			}
		}
		catch (ValidationFailedException ex) {
			FormErrors.bind(ex, binding);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return sessionForm(user, session, form, version, model);
	}

	private String sessionForm(CurrentUser user, SessionView session, SessionForm form, long version, Model model) {
		if (!PeopleAccess.mayManage(user)) {
			throw new AccessRefusedException("sessions");
		}
		model.addAttribute("trainingSession", session);
		model.addAttribute("programme", trainingQueries.programme(ProgrammeId.of(session.programmeId())));
		model.addAttribute("sessionForm", form);
		model.addAttribute("version", version);
		return "people/session-form";
	}

	/** Cancels a session: its enrolments still only enrolled are cancelled (each person sees it on their training). */
	@PostMapping("/people/training/sessions/{id}/cancel")
	String cancelSession(CurrentUser user, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		SessionView cancelled = programmes.cancelSession(user, SessionId.of(id), version);
		redirect.addFlashAttribute("flash", "people.session.cancelledDone");
		redirect.addFlashAttribute("flashArgs", new Object[] { cancelled.title() });
		return "redirect:/people/training/" + cancelled.programmeId();
	}

	@PostMapping("/people/training/sessions/{id}/enrol")
	String enrol(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		long person = staffId != null ? staffId
				: scopes.staffIdOf(user).orElseThrow(() -> io.rumbo.shared.domain.ValidationFailedException.of("staffId",
						"shared.validation.required"));
		EnrolmentView e = training.enrol(user, SessionId.of(id), person, note);
		redirect.addFlashAttribute("flash", "people.enrolment.done");
		redirect.addFlashAttribute("flashArgs", new Object[] { e.personName(), e.sessionTitle() });
		return "redirect:/people/training/" + e.programmeId();
	}

	// ---- enrolments

	record EnrolmentFilter(@Nullable String q, @Nullable Long programmeId, @Nullable Long staffId,
			@Nullable Long unitId, @Nullable EnrolmentStatus status) {

		TrainingQueries.EnrolmentFilter criteria() {
			return new TrainingQueries.EnrolmentFilter(q, programmeId, null, staffId, unitId, status);
		}
	}

	@GetMapping(value = "/people/enrolments", params = "format")
	ResponseEntity<StreamingResponseBody> exportEnrolments(CurrentUser user, @RequestParam String format,
			EnrolmentFilter filter, ListRequest list) {
		return PeopleExports.enrolments(ExportFormat.param(format), trainingQueries, user, filter.criteria(),
				list.unpaged(TrainingQueries.ENROLMENT_SORTS, "startsOn,desc"));
	}

	@GetMapping("/people/enrolments")
	String enrolments(CurrentUser user, EnrolmentFilter filter, ListRequest list, HttpServletRequest request,
			Model model) {
		ListQuery query = list.query(TrainingQueries.ENROLMENT_SORTS, "startsOn,desc", 25);
		model.addAttribute("statuses", EnrolmentStatus.values());
		model.addAttribute("programmes", ListPages.options(trainingQueries.programmes(
				new TrainingQueries.ProgrammeFilter(null, null, null), ListQuery.of(0, ListQuery.MAX_SIZE, null,
						TrainingQueries.PROGRAMME_SORTS, "name")).content(), r -> r.id(), r -> r.name()));
		model.addAttribute("people", staff.options(user, null));
		model.addAttribute("mayManage", PeopleAccess.mayManage(user));
		return ListPages.render(request, model, "people/enrolment-list", filter, query,
				trainingQueries.enrolments(user, filter.criteria(), query));
	}

	@PostMapping("/people/enrolments/{id}/complete")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String score, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		BigDecimal parsed = fmt.parseField("score", score);
		EnrolmentView e = training.complete(user, EnrolmentId.of(id), version, parsed, null);
		redirect.addFlashAttribute("flash", e.status() == EnrolmentStatus.COMPLETED ? "people.enrolment.completed"
				: "people.enrolment.failed");
		redirect.addFlashAttribute("flashArgs", new Object[] { e.personName(), e.programmeName() });
		return "redirect:/people/training/" + e.programmeId();
	}

	@PostMapping("/people/enrolments/{id}/attend")
	String attend(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		EnrolmentView e = training.attend(user, EnrolmentId.of(id), version);
		redirect.addFlashAttribute("flash", "people.enrolment.attended");
		redirect.addFlashAttribute("flashArgs", new Object[] { e.personName(), e.programmeName() });
		return "redirect:/people/training/" + e.programmeId();
	}

	@PostMapping("/people/enrolments/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		EnrolmentView e = training.cancel(user, EnrolmentId.of(id), version);
		redirect.addFlashAttribute("flash", "people.enrolment.cancelled");
		redirect.addFlashAttribute("flashArgs", new Object[] { e.personName(), e.programmeName() });
		return "redirect:/people/training/" + e.programmeId();
	}
}
