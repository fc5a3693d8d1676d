package io.rumbo.people.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.CandidateDocuments;
import io.rumbo.people.DocumentKind;
import io.rumbo.people.FileView;
import io.rumbo.people.HoldingEvidence;
import io.rumbo.shared.domain.ValidationFailedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Uploaded files of the people module (decision 0040): candidates' documents and the evidence of qualification
 * holdings. Multipart field {@code file}; at most {@code rumbo.people.max-file-size} (5 MB), PDF, PNG, JPEG, DOCX or
 * ODT told by the content; downloads as attachments with {@code X-Content-Type-Options: nosniff}.
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People files", description = "Uploaded documents of candidates and evidence of qualifications")
class PeopleFileRestController {

	private final CandidateDocuments documents;
	private final HoldingEvidence evidence;

	PeopleFileRestController(CandidateDocuments documents, HoldingEvidence evidence) {
		this.documents = documents;
		this.evidence = evidence;
	}

	@PostMapping(value = "/candidates/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a candidate's document (multipart field 'file', kind CV, COVER_LETTER...)",
			description = "PEOPLE and the managers of the requisition's unit (404 for anyone else). 400 naming file "
					+ "when it is empty, over the size limit or not a PDF, PNG, JPEG, DOCX or ODT by its content; 409 "
					+ "with 20 files already.")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = FileView.class)))
	ResponseEntity<FileView> uploadCandidateFile(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable DocumentKind kind,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
		FileView stored = documents.upload(actor, id, kind, FileResponses.upload(required(file)));
		return ResponseEntity.created(URI.create("/api/v1/people/candidates/" + id + "/files/" + stored.id()))
			.body(stored);
	}

	@GetMapping("/candidates/{id}/files/{fileId}")
	@Operation(summary = "Download a candidate's document (an attachment; 404 outside PEOPLE and the requisition's "
			+ "managers)")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
			schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> downloadCandidateFile(CurrentUser actor, @PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(documents.download(actor, id, fileId));
	}

	@DeleteMapping("/candidates/{id}/files/{fileId}")
	@Operation(summary = "Archive a candidate's document (PEOPLE or whoever uploaded it)")
	@ApiResponse(responseCode = "204")
	ResponseEntity<Void> archiveCandidateFile(CurrentUser actor, @PathVariable long id, @PathVariable long fileId) {
		documents.archive(actor, id, fileId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(value = "/staff-qualifications/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload the evidence of a qualification holding (PEOPLE; multipart field 'file')",
			description = "404 for a holding the caller may not read, 403 for readers other than PEOPLE; 400 naming "
					+ "file when empty, too large or of another type.")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = FileView.class)))
	ResponseEntity<FileView> uploadEvidence(CurrentUser actor, @PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
		FileView stored = evidence.upload(actor, id, FileResponses.upload(required(file)));
		return ResponseEntity.created(URI.create("/api/v1/people/staff-qualifications/" + id + "/files/" + stored.id()))
			.body(stored);
	}

	@GetMapping("/staff-qualifications/{id}/files/{fileId}")
	@Operation(summary = "Download the evidence of a holding (PEOPLE, the person, their managers; 404 for others)")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
			schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> downloadEvidence(CurrentUser actor, @PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(evidence.download(actor, id, fileId));
	}

	@DeleteMapping("/staff-qualifications/{id}/files/{fileId}")
	@Operation(summary = "Archive an evidence file (PEOPLE)")
	@ApiResponse(responseCode = "204")
	ResponseEntity<Void> archiveEvidence(CurrentUser actor, @PathVariable long id, @PathVariable long fileId) {
		evidence.archive(actor, id, fileId);
		return ResponseEntity.noContent().build();
	}

	static MultipartFile required(@Nullable MultipartFile file) {
		if (file == null) {
			throw ValidationFailedException.of("file", "shared.validation.required");
		}
		return file;
	}
}
