package io.rumbo.people;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.people.domain.CandidateQueries;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The company's candidate pipeline (decision 0036): PEOPLE (or an administrator) adds open stages, renames, reorders
 * and archives them; HIRED and REJECTED are fixed, always last, and never changed. Only a stage no candidate is in is
 * archived (409 naming how many are), and never the last open one; an archived stage takes no new candidates.
 */
@Service
public class CandidateStages {

	public record StageDetails(@Nullable String code, @Nullable String nameEn, @Nullable String nameEs,
			@Nullable Integer position, boolean archived) {
	}

	private final JdbcClient jdbc;
	private final CandidateQueries queries;
	private final AuditTrail audit;

	CandidateStages(JdbcClient jdbc, CandidateQueries queries, AuditTrail audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
	}

	public static boolean mayConfigure(CurrentUser actor) {
		return actor.hasAny(Role.PEOPLE, Role.ADMIN);
	}

	@Transactional(readOnly = true)
	public List<StageView> list(boolean includeArchived) {
		return queries.stages(includeArchived);
	}

	@Transactional
	public StageView add(CurrentUser actor, StageDetails details) {
		require(actor);
		String code = details.code() == null ? "" : details.code().trim().toUpperCase(java.util.Locale.ROOT);
		if (!code.matches("[A-Z][A-Z0-9_]{1,31}")) {
			throw ValidationFailedException.of("code", "people.stage.code.invalid");
		}
		if (queries.stages(true).stream().anyMatch(s -> s.code().equals(code))) {
			throw ValidationFailedException.of("code", "people.stage.code.taken", code);
		}
		validate(details);
		jdbc.sql("INSERT INTO people_stage (code, name_en, name_es, position, terminal, archived, version) VALUES "
				+ "(:code, :en, :es, :position, FALSE, FALSE, 0)").param("code", code)
			.param("en", details.nameEn().trim()).param("es", details.nameEs().trim())
			.param("position", details.position()).update();
		audit.record("PIPELINE_STAGE", code, "CREATE", null, details, code);
		return find(code);
	}

	@Transactional
	public StageView update(CurrentUser actor, String code, long version, StageDetails details) {
		require(actor);
		StageView current = find(code);
		if (current.terminal()) {
			throw new ConflictException("people.stage.fixed", code);
		}
		validate(details);
		if (details.archived() && !current.archived()) {
			int inStage = jdbc.sql("SELECT COUNT(*) FROM people_candidate WHERE stage = :code").param("code", code)
				.query(Integer.class).single();
			if (inStage > 0) {
				// Named as the reader calls it (the request's language), not by its code.
				throw new ConflictException("people.stage.inUse",
						current.name(org.springframework.context.i18n.LocaleContextHolder.getLocale()), inStage);
			}
			if (queries.stages(false).stream().noneMatch(s -> !s.terminal() && !s.code().equals(code))) {
				throw new ConflictException("people.stage.lastOpen");
			}
		}
		int changed = jdbc.sql("UPDATE people_stage SET name_en = :en, name_es = :es, position = :position, "
				+ "archived = :archived, version = version + 1 WHERE code = :code AND version = :version")
			.param("en", details.nameEn().trim()).param("es", details.nameEs().trim())
			.param("position", details.position()).param("archived", details.archived()).param("code", code)
			.param("version", version).update();
		if (changed == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("PIPELINE_STAGE", code, "UPDATE", current, details, code);
		return find(code);
	}

	private StageView find(String code) {
		return queries.stages(true).stream().filter(s -> s.code().equals(code)).findFirst()
			.orElseThrow(() -> new NotFoundException("stage", code));
	}

	private static void validate(StageDetails details) {
		List<ValidationFailedException.FieldError> errors = new java.util.ArrayList<>();
		if (details.nameEn() == null || details.nameEn().isBlank() || details.nameEn().length() > 100) {
			errors.add(new ValidationFailedException.FieldError("nameEn", "shared.validation.required"));
		}
		if (details.nameEs() == null || details.nameEs().isBlank() || details.nameEs().length() > 100) {
			errors.add(new ValidationFailedException.FieldError("nameEs", "shared.validation.required"));
		}
		if (details.position() == null || details.position() < 1 || details.position() > 999) {
			errors.add(new ValidationFailedException.FieldError("position", "people.stage.position.range", 1, 999));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static void require(CurrentUser actor) {
		if (!mayConfigure(actor)) {
			throw new AccessRefusedException("stages");
		}
	}
}
