package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * A candidate's documents (decisions 0036 and 0040): links to a document store (kept, the earlier way) and uploaded
 * files (a CV, a cover letter...) kept by {@link PeopleFiles}. Whoever reads the candidate (PEOPLE, the managers of the
 * requisition's unit) adds them and downloads the files; for anyone else the candidate and its files do not exist
 * (404). PEOPLE, or whoever uploaded it, archives a file.
 */
@Service
public class CandidateDocuments {

	/** At most this many document links per candidate. */
	public static final int MAX_LINKS = 20;

	public record DocumentDetails(@Nullable DocumentKind kind, @Nullable String title, @Nullable String url) {
	}

	private final Candidates candidates;
	private final PeopleFiles files;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	CandidateDocuments(Candidates candidates, PeopleFiles files, AuditTrail audit, JdbcClient jdbc, Clock clock) {
		this.candidates = candidates;
		this.files = files;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Adds a link to a document (a CV in the company's store, a profile): http or https, at most 20 a candidate. */
	@Transactional
	public CandidateDetail addDocument(CurrentUser actor, long id, DocumentDetails details) {
		CandidateView current = candidates.get(actor, id);
		List<FieldError> errors = new ArrayList<>();
		if (details.kind() == null) {
			errors.add(new FieldError("kind", "shared.validation.required"));
		}
		String title = details.title() == null ? "" : details.title().trim();
		if (title.isEmpty() || title.length() > 200) {
			errors.add(new FieldError("title", "people.candidate.document.titleInvalid"));
		}
		String url = details.url() == null ? "" : details.url().trim();
		if (!url.matches("(?i)https?://[^\\s<>\"]{3,990}")) {
			errors.add(new FieldError("url", "people.candidate.document.urlInvalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		int count = jdbc.sql("SELECT COUNT(*) FROM people_candidate_document WHERE candidate_id = :id").param("id", id)
			.query(Integer.class).single();
		if (count >= MAX_LINKS) {
			throw new ConflictException("people.candidate.document.tooMany", MAX_LINKS);
		}
		jdbc.sql("INSERT INTO people_candidate_document (candidate_id, kind, title, url, added_by, added_on) VALUES "
				+ "(:id, :kind, :title, :url, :by, :on)").param("id", id).param("kind", details.kind().name())
			.param("title", title).param("url", url).param("by", actor.username()).param("on", LocalDate.now(clock))
			.update();
		audit.record("CANDIDATE", id, "DOCUMENT", null, Map.of("kind", details.kind(), "title", title),
				"#" + current.id());
		return candidates.detail(actor, id);
	}

	/** Uploads a document of the candidate (400 naming the file when too large, empty or of another type). */
	@Transactional
	public FileView upload(CurrentUser actor, long id, @Nullable DocumentKind kind, PeopleFiles.Upload upload) {
		CandidateView current = candidates.get(actor, id);
		if (kind == null) {
			throw ValidationFailedException.of("kind", "shared.validation.required");
		}
		return files.store(actor, PeopleFiles.Owner.CANDIDATE, id, kind.name(), upload, "#" + current.id());
	}

	/** A document's bytes for whoever reads the candidate (404 for anyone else, and for another candidate's file). */
	@Transactional(readOnly = true)
	public PeopleFiles.Download download(CurrentUser actor, long id, long fileId) {
		candidates.get(actor, id);
		return files.download(PeopleFiles.Owner.CANDIDATE, id, fileId);
	}

	/** PEOPLE, or whoever uploaded it, archives a document: no longer listed nor offered (403 for others). */
	@Transactional
	public void archive(CurrentUser actor, long id, long fileId) {
		CandidateView current = candidates.get(actor, id);
		String addedBy = files.addedBy(PeopleFiles.Owner.CANDIDATE, id, fileId);
		if (!actor.has(Role.PEOPLE) && !addedBy.equals(actor.username())) {
			throw new AccessRefusedException("files");
		}
		files.archive(actor, PeopleFiles.Owner.CANDIDATE, id, fileId, "#" + current.id());
	}
}
