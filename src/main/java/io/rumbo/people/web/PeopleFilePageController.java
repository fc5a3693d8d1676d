package io.rumbo.people.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.CandidateDocuments;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.FileView;
import io.rumbo.people.HoldingEvidence;
import io.rumbo.people.HoldingWithdrawals;

/**
 * The pages' side of the uploaded files (decision 0040): a candidate's documents on the candidate's page, and the
 * evidence section of a person's page (rendered in it, {@link EvidenceSection}). Refusals come
 * back to the page with the reason naming the file (PageFormErrors).
 */
@Controller
class PeopleFilePageController {

	private final CandidateDocuments documents;
	private final HoldingEvidence evidence;
	private final EvidenceSection section;
	private final HoldingWithdrawals withdrawals;

	PeopleFilePageController(CandidateDocuments documents, HoldingEvidence evidence, EvidenceSection section,
			HoldingWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
		this.documents = documents;
		this.evidence = evidence;
		this.section = section;
	}

	@PostMapping("/people/candidates/{id}/files")
	String uploadCandidateFile(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable DocumentKind kind,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		FileView stored = documents.upload(user, id, kind, FileResponses.upload(PeopleFileRestController.required(file)));
		redirect.addFlashAttribute("flash", "people.file.uploaded");
		redirect.addFlashAttribute("flashArgs", new Object[] { stored.fileName() });
		return "redirect:/people/candidates/" + id;
	}

	@GetMapping("/people/candidates/{id}/files/{fileId}")
	ResponseEntity<byte[]> downloadCandidateFile(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(documents.download(user, id, fileId));
	}

	@PostMapping("/people/candidates/{id}/files/{fileId}/archive")
	String archiveCandidateFile(CurrentUser user, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		documents.archive(user, id, fileId);
		redirect.addFlashAttribute("flash", "people.file.archived");
		return "redirect:/people/candidates/" + id;
	}

	/**
	 * The evidence section of a person's page on its own (the page renders it in place; this answers a refresh):
	 * their holdings with their files, and PEOPLE's upload form.
	 */
	@GetMapping("/people/staff/{staffId}/evidence")
	String evidenceSection(CurrentUser user, @PathVariable long staffId, Model model) {
		section.addTo(user, staffId, model);
		return "people/evidence :: section";
	}

	/** PEOPLE's upload from the person's page: the holding chosen in the form, the file. */
	@PostMapping("/people/staff/{staffId}/evidence")
	String uploadEvidence(CurrentUser user, @PathVariable long staffId, @RequestParam("holding") long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		if (evidence.staffOf(user, id) != staffId) {
			throw new io.rumbo.shared.domain.NotFoundException("holding", id);
		}
		FileView stored = evidence.upload(user, id, FileResponses.upload(PeopleFileRestController.required(file)));
		redirect.addFlashAttribute("flash", "people.file.uploaded");
		redirect.addFlashAttribute("flashArgs", new Object[] { stored.fileName() });
		return "redirect:/people/staff/" + staffId;
	}

	@GetMapping("/people/staff-qualifications/{id}/files/{fileId}")
	ResponseEntity<byte[]> downloadEvidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(evidence.download(user, id, fileId));
	}

	@GetMapping("/people/withdrawals/{id}/files/{fileId}")
	ResponseEntity<byte[]> downloadWithdrawnEvidence(CurrentUser user, @PathVariable long id,
			@PathVariable long fileId) {
		return FileResponses.attachment(withdrawals.download(user, id, fileId));
	}

	@PostMapping("/people/staff-qualifications/{id}/files/{fileId}/archive")
	String archiveEvidence(CurrentUser user, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		long staffId = evidence.staffOf(user, id);
		evidence.archive(user, id, fileId);
		redirect.addFlashAttribute("flash", "people.file.archived");
		return "redirect:/people/staff/" + staffId;
	}
}
