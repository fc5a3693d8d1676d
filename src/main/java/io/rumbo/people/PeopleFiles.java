package io.rumbo.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.people.domain.FileContent;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The module's file store (decision 0040): uploads kept in {@code people_file}, each belonging to a candidate or to a
 * qualification holding. A file is at most {@code rumbo.people.max-file-size} (5 MB; the application's multipart limit
 * of every path, {@code rumbo.imports.max-upload-size}, stays the outer bound), of a type told by its content (PDF,
 * PNG, JPEG, DOCX, ODT), kept under a neutralised name; a refusal names the file. Who may upload, read and archive is
 * decided by the owners' services ({@link CandidateDocuments}, {@link HoldingEvidence}) before they call this one.
 */
@Service
public class PeopleFiles {

	/** Whose a file is. */
	enum Owner {
		CANDIDATE, HOLDING, WITHDRAWAL
	}

	/** At most this many files (not archived) per candidate or holding. */
	public static final int MAX_FILES = 20;

	/** What was uploaded: the name the browser sent, its size, and where to read it. */
	public record Upload(@Nullable String name, long size, InputStreamSource source) {
	}

	/** A file's bytes with the name and type to offer them under. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;
	private final DataSize maxSize;

	PeopleFiles(JdbcClient jdbc, AuditTrail audit, Clock clock,
			@Value("${rumbo.people.max-file-size:5MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.maxSize = maxSize;
	}

	public DataSize maxSize() {
		return maxSize;
	}

	/** The limit in megabytes: a number, which the messages write in the reader's language. */
	public BigDecimal maxMegabytes() {
		return megabytes(maxSize.toBytes());
	}

	@Transactional
	FileView store(CurrentUser actor, Owner owner, long ownerId, String kind, Upload upload, String auditLabel) {
		String shown = shownName(upload.name());
		if (upload.size() <= 0) {
			throw ValidationFailedException.of("file", "people.file.empty", shown);
		}
		if (upload.size() > maxSize.toBytes()) {
			throw ValidationFailedException.of("file", "people.file.tooLarge", shown, megabytes(upload.size()),
					maxMegabytes());
		}
		byte[] content = read(upload.source(), maxSize.toBytes());
		if (content == null) {
			throw ValidationFailedException.of("file", "people.file.tooLarge", shown, megabytes(upload.size()),
					maxMegabytes());
		}
		if (content.length == 0) {
			throw ValidationFailedException.of("file", "people.file.empty", shown);
		}
		FileContent.Type type = FileContent.detect(content);
		if (type == null) {
			throw ValidationFailedException.of("file", "people.file.type", shown);
		}
		int count = jdbc.sql("SELECT COUNT(*) FROM people_file WHERE owner_kind = :owner AND owner_id = :id "
				+ "AND archived_on IS NULL").param("owner", owner.name()).param("id", ownerId).query(Integer.class)
			.single();
		if (count >= MAX_FILES) {
			throw new ConflictException("people.file.tooMany", MAX_FILES);
		}
		String name = FileContent.safeName(upload.name(), type);
		KeyHolder keys = new GeneratedKeyHolder();
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("INSERT INTO people_file (owner_kind, owner_id, kind, file_name, content_type, size_bytes, content, "
				+ "added_by, added_on) VALUES (:owner, :id, :kind, :name, :type, :size, :content, :by, :on)")
			.param("owner", owner.name()).param("id", ownerId).param("kind", kind).param("name", name)
			.param("type", type.mediaType()).param("size", (long) content.length).param("content", content)
			.param("by", actor.username()).param("on", today)
			.update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		audit.record(owner == Owner.CANDIDATE ? "CANDIDATE" : StaffQualifications.AUDIT, ownerId, "FILE_ADD", null,
				Map.of("file", id, "name", name, "type", type.name(), "size", content.length), auditLabel);
		return new FileView(id, kind, name, type.mediaType(), content.length, actor.username(), today);
	}

	/** The files (not archived) of the given owners, oldest first, by owner id. */
	@Transactional(readOnly = true)
	Map<Long, List<FileView>> of(Owner owner, Collection<Long> ownerIds) {
		Map<Long, List<FileView>> files = new LinkedHashMap<>();
		if (ownerIds.isEmpty()) {
			return files;
		}
		jdbc.sql("SELECT id, owner_id, kind, file_name, content_type, size_bytes, added_by, added_on FROM people_file "
				+ "WHERE owner_kind = :owner AND owner_id IN (:ids) AND archived_on IS NULL ORDER BY id")
			.param("owner", owner.name()).param("ids", ownerIds)
			.query((rs, n) -> {
				files.computeIfAbsent(rs.getLong("owner_id"), k -> new java.util.ArrayList<>())
					.add(new FileView(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
							rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("added_by"),
							rs.getObject("added_on", LocalDate.class)));
				return null;
			})
			.list();
		return files;
	}

	/** The file's bytes, if it belongs to that owner and is not archived (404 otherwise). */
	@Transactional(readOnly = true)
	Download download(Owner owner, long ownerId, long fileId) {
		return jdbc.sql("SELECT file_name, content_type, content FROM people_file WHERE id = :file "
				+ "AND owner_kind = :owner AND owner_id = :id AND archived_on IS NULL")
			.param("file", fileId).param("owner", owner.name()).param("id", ownerId)
			.query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("file", fileId));
	}

	/** Who added the file (404 when it is not the owner's or already archived). */
	@Transactional(readOnly = true)
	String addedBy(Owner owner, long ownerId, long fileId) {
		return jdbc.sql("SELECT added_by FROM people_file WHERE id = :file AND owner_kind = :owner AND owner_id = :id "
				+ "AND archived_on IS NULL").param("file", fileId).param("owner", owner.name()).param("id", ownerId)
			.query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("file", fileId));
	}

	/** Archives a file: it is no longer listed nor offered; the row (and who archived it when) stays. */
	@Transactional
	void archive(CurrentUser actor, Owner owner, long ownerId, long fileId, String auditLabel) {
		String name = jdbc.sql("SELECT file_name FROM people_file WHERE id = :file AND owner_kind = :owner "
				+ "AND owner_id = :id AND archived_on IS NULL").param("file", fileId).param("owner", owner.name())
			.param("id", ownerId).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("file", fileId));
		jdbc.sql("UPDATE people_file SET archived_by = :by, archived_on = :on WHERE id = :file")
			.param("by", actor.username()).param("on", LocalDate.now(clock)).param("file", fileId).update();
		audit.record(owner == Owner.CANDIDATE ? "CANDIDATE" : StaffQualifications.AUDIT, ownerId, "FILE_ARCHIVE",
				Map.of("file", fileId, "name", name), null, auditLabel);
	}

	/** Moves an owner's files (archived ones too) to another owner, e.g. from a withdrawn holding to its withdrawal. */
	@Transactional
	int move(Owner from, long fromId, Owner to, long toId) {
		return jdbc.sql("UPDATE people_file SET owner_kind = :to, owner_id = :toId WHERE owner_kind = :from "
				+ "AND owner_id = :fromId").param("to", to.name()).param("toId", toId).param("from", from.name())
			.param("fromId", fromId).update();
	}

	/** Reads at most {@code limit} bytes; null when there are more (the size sent was not the size read). */
	private static byte @Nullable [] read(InputStreamSource source, long limit) {
		try (InputStream in = source.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			return bytes.length > limit ? null : bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The name the browser sent, as a refusal shows it: its last segment, without control characters, shortened. */
	static String shownName(@Nullable String sent) {
		String name = sent == null ? "" : sent;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "").strip();
		if (name.length() > 120) {
			name = name.substring(0, 117) + "...";
		}
		return name.isEmpty() ? "?" : name;
	}

	/** A size in megabytes with at most one decimal, a number for the messages to format in the reader's language. */
	public static BigDecimal megabytes(long bytes) {
		BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.HALF_UP);
		return mb.stripTrailingZeros().setScale(Math.max(0, mb.stripTrailingZeros().scale()));
	}
}
