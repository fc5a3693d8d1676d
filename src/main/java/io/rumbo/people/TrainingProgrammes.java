package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * Keeping the training offer (PEOPLE): programmes, each granting a qualification at a level on completion, and their
 * sessions with dates, trainer, place and capacity. A session's capacity never falls under the seats taken; a
 * cancelled session cancels the enrolments still only enrolled in it (the people see it in their enrolment's status)
 * and is refused once someone attended it. Enrolling people is {@link Training}'s.
 */
@Service
public class TrainingProgrammes {

	static final String AUDIT_PROGRAMME = "PEOPLE_PROGRAMME";
	static final String AUDIT_SESSION = "PEOPLE_SESSION";

	public record ProgrammeDetails(@Nullable String code, @Nullable String name, @Nullable ProgrammeKind kind,
			@Nullable String description, @Nullable Long qualificationId, @Nullable Integer grantLevel,
			@Nullable BigDecimal passScore) {
	}

	public record SessionDetails(@Nullable String title, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String trainer, @Nullable String location, @Nullable Integer capacity) {
	}

	private final JdbcClient jdbc;
	private final TrainingQueries queries;
	private final Qualifications catalogue;
	private final AuditTrail audit;

	TrainingProgrammes(JdbcClient jdbc, TrainingQueries queries, Qualifications catalogue, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	@Transactional
	public ProgrammeView createProgramme(CurrentUser actor, ProgrammeDetails details) {
		Qualifications.requireManager(actor);
		validate(details, null);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_programme (code, name, kind, description, qualification_id, grant_level, pass_score,
				    archived, version)
				VALUES (:code, :name, :kind, :description, :qualification, :level, :pass, FALSE, 0)""")
			.params(columns(details)).update(key, "id");
		ProgrammeView created = queries.programme(ProgrammeId.of(key.getKey().longValue()));
		audit.record(AUDIT_PROGRAMME, created.id(), "CREATE", null, created, created.name());
		return created;
	}

	@Transactional
	public ProgrammeView updateProgramme(CurrentUser actor, ProgrammeId id, long version, ProgrammeDetails details) {
		Qualifications.requireManager(actor);
		ProgrammeView before = queries.programme(id);
		validate(details, id.value());
		Map<String, Object> params = columns(details);
		params.put("id", id.value());
		params.put("version", version);
		int updated = jdbc.sql("""
				UPDATE people_programme SET code = :code, name = :name, kind = :kind, description = :description,
				    qualification_id = :qualification, grant_level = :level, pass_score = :pass, version = version + 1
				WHERE id = :id AND version = :version""").params(params).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		ProgrammeView after = queries.programme(id);
		audit.record(AUDIT_PROGRAMME, id.value(), "UPDATE", before, after, after.name());
		return after;
	}

	@Transactional
	public ProgrammeView archiveProgramme(CurrentUser actor, ProgrammeId id, long version, boolean archived) {
		Qualifications.requireManager(actor);
		ProgrammeView before = queries.programme(id);
		int updated = jdbc.sql("UPDATE people_programme SET archived = :a, version = version + 1 WHERE id = :id AND "
				+ "version = :version").param("a", archived).param("id", id.value()).param("version", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		ProgrammeView after = queries.programme(id);
		audit.record(AUDIT_PROGRAMME, id.value(), archived ? "ARCHIVE" : "RESTORE", before, after, after.name());
		return after;
	}

	@Transactional
	public SessionView addSession(CurrentUser actor, ProgrammeId programme, SessionDetails details) {
		Qualifications.requireManager(actor);
		ProgrammeView p = queries.programme(programme);
		if (p.archived()) {
			throw new ConflictException("people.programme.archived");
		}
		validate(details, 0);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_session (programme_id, title, starts_on, ends_on, trainer, location, capacity,
				    cancelled, version)
				VALUES (:programme, :title, :starts, :ends, :trainer, :location, :capacity, FALSE, 0)""")
			.params(columns(details)).param("programme", programme.value()).update(key, "id");
		SessionView created = queries.session(SessionId.of(key.getKey().longValue()));
		audit.record(AUDIT_SESSION, created.id(), "CREATE", null, created, p.name() + " · " + created.title());
		return created;
	}

	/** Rewrites a session; the capacity cannot fall under the seats already taken. */
	@Transactional
	public SessionView updateSession(CurrentUser actor, SessionId id, long version, SessionDetails details) {
		Qualifications.requireManager(actor);
		// The row lock Training.place takes: no seat is taken between the count and the new capacity.
		jdbc.sql("SELECT id FROM people_session WHERE id = :id FOR UPDATE").param("id", id.value()).query(Long.class)
			.list();
		SessionView before = queries.session(id);
		validate(details, before.taken());
		int updated = jdbc.sql("""
				UPDATE people_session SET title = :title, starts_on = :starts, ends_on = :ends, trainer = :trainer,
				    location = :location, capacity = :capacity, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(details)).param("id", id.value()).param("version", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		SessionView after = queries.session(id);
		audit.record(AUDIT_SESSION, id.value(), "UPDATE", before, after, after.title());
		return after;
	}

	/**
	 * Cancels a session: its enrolments still only enrolled are cancelled (each audited, the person sees the status);
	 * refused (409) once someone attended or completed it, and for a session already cancelled.
	 */
	@Transactional
	public SessionView cancelSession(CurrentUser actor, SessionId id, long version) {
		Qualifications.requireManager(actor);
		SessionView before = queries.session(id);
		if (before.cancelled()) {
			throw new ConflictException("people.session.alreadyCancelled", before.title());
		}
		long held = jdbc.sql("SELECT COUNT(*) FROM people_enrolment WHERE session_id = :s AND (attended = TRUE OR "
				+ "status IN ('ATTENDED', 'COMPLETED', 'FAILED'))").param("s", id.value()).query(Long.class).single();
		if (held > 0) {
			throw new ConflictException("people.session.held", before.title(), held);
		}
		int updated = jdbc.sql("UPDATE people_session SET cancelled = TRUE, version = version + 1 WHERE id = :id AND "
				+ "version = :version").param("id", id.value()).param("version", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, before);
		}
		List<Long> enrolments = jdbc.sql("SELECT id FROM people_enrolment WHERE session_id = :s AND status = 'ENROLLED' "
				+ "ORDER BY id").param("s", id.value()).query(Long.class).list();
		jdbc.sql("UPDATE people_enrolment SET status = 'CANCELLED', version = version + 1 WHERE session_id = :s AND "
				+ "status = 'ENROLLED'").param("s", id.value()).update();
		enrolments.forEach(e -> audit.record(Training.AUDIT_ENROLMENT, e, "SESSION_CANCELLED",
				Map.of("status", EnrolmentStatus.ENROLLED.name()), Map.of("status", EnrolmentStatus.CANCELLED.name()),
				before.title()));
		SessionView after = queries.session(id);
		audit.record(AUDIT_SESSION, id.value(), "CANCEL", before, after, after.title());
		return after;
	}

	// ---- validation

	private void validate(ProgrammeDetails d, @Nullable Long id) {
		List<FieldError> errors = new ArrayList<>();
		CatalogueFields.codeAndName(jdbc, "people_programme", d.code(), d.name(), id, errors);
		if (d.kind() == null) {
			errors.add(new FieldError("kind", "shared.validation.required"));
		}
		if (d.qualificationId() != null) {
			try {
				QualificationView q = catalogue.get(QualificationId.of(d.qualificationId()));
				if (d.grantLevel() == null || d.grantLevel() < 1 || d.grantLevel() > q.maxLevel()) {
					errors.add(new FieldError("grantLevel", "people.qualification.levelRange", 1, q.maxLevel()));
				}
			}
			catch (NotFoundException | IllegalArgumentException ex) {
				errors.add(new FieldError("qualificationId", "people.requirement.unknownQualification"));
			}
		}
		else if (d.grantLevel() != null) {
			errors.add(new FieldError("qualificationId", "shared.validation.required"));
		}
		if (d.passScore() != null && (d.passScore().signum() < 0 || d.passScore().compareTo(BigDecimal.valueOf(100)) > 0)) {
			errors.add(new FieldError("passScore", "people.enrolment.scoreRange", 0, 100));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static Map<String, Object> columns(ProgrammeDetails d) {
		Map<String, Object> params = new HashMap<>();
		params.put("code", d.code().trim().toUpperCase(java.util.Locale.ROOT));
		params.put("name", d.name().trim());
		params.put("kind", d.kind().name());
		params.put("description", d.description() == null || d.description().isBlank() ? null : d.description().trim());
		params.put("qualification", d.qualificationId());
		params.put("level", d.qualificationId() == null ? null : d.grantLevel());
		params.put("pass", d.passScore());
		return params;
	}

	private static void validate(SessionDetails d, int taken) {
		List<FieldError> errors = new ArrayList<>();
		if (d.title() == null || d.title().isBlank()) {
			errors.add(new FieldError("title", "shared.validation.required"));
		}
		else if (d.title().trim().length() > 200) {
			errors.add(new FieldError("title", "people.validation.tooLong", 200));
		}
		if (d.startsOn() == null) {
			errors.add(new FieldError("startsOn", "shared.validation.required"));
		}
		if (d.endsOn() == null) {
			errors.add(new FieldError("endsOn", "shared.validation.required"));
		}
		else if (d.startsOn() != null && d.endsOn().isBefore(d.startsOn())) {
			errors.add(new FieldError("endsOn", "people.session.endsBeforeStart"));
		}
		if (d.trainer() == null || d.trainer().isBlank()) {
			errors.add(new FieldError("trainer", "shared.validation.required"));
		}
		if (d.capacity() == null || d.capacity() < 1 || d.capacity() > 1000) {
			errors.add(new FieldError("capacity", "people.session.capacityRange", 1, 1000));
		}
		else if (d.capacity() < taken) {
			errors.add(new FieldError("capacity", "people.session.capacityUnderTaken", taken));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static Map<String, Object> columns(SessionDetails d) {
		Map<String, Object> params = new HashMap<>();
		params.put("title", d.title().trim());
		params.put("starts", d.startsOn());
		params.put("ends", d.endsOn());
		params.put("trainer", d.trainer().trim());
		params.put("location", d.location() == null || d.location().isBlank() ? null : d.location().trim());
		params.put("capacity", d.capacity());
		return params;
	}
}
