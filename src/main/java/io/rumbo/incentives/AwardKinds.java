package io.rumbo.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.domain.AwardStore;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * The kinds of award and their rules: decided by rule from a measure of the metrics engine ({@link AwardBasis#MEASURE})
 * or from the attainment of its quota ({@link AwardBasis#ATTAINMENT}), or granted by hand ({@link AwardBasis#MANUAL});
 * for a month, a quarter or a year; for the whole company or an org subtree; with an optional minimum. Directors and
 * administrators define them; every change is audited. Deciding a kind is {@link AwardDecisions}; granting,
 * {@link Awards}.
 */
@Service
public class AwardKinds {

	/** A new kind of award. {@code measure}: a metrics catalogue code, required unless granted by hand. */
	public record KindDetails(@Nullable String code, @Nullable String nameEn, @Nullable String nameEs,
			@Nullable AwardBasis basis, @Nullable String measure, @Nullable AwardPeriodKind periodKind,
			@Nullable Long unitId, @Nullable BigDecimal minimum) {
	}

	private final AwardStore store;
	private final OrgDirectory org;
	private final AuditTrail audit;

	AwardKinds(AwardStore store, OrgDirectory org, AuditTrail audit) {
		this.store = store;
		this.org = org;
		this.audit = audit;
	}

	/** Directors and administrators define kinds and decide them for a period. */
	public static boolean mayDefine(CurrentUser actor) {
		return actor.hasAny(Role.DIRECTOR, Role.ADMIN);
	}

	@Transactional(readOnly = true)
	public List<AwardKindView> kinds() {
		List<AwardKindView> kinds = store.kinds(Awards.lang());
		Map<Long, String> units = org.unitNames(kinds.stream().map(AwardKindView::unitId)
			.filter(Objects::nonNull).distinct().toList());
		return kinds.stream().map(k -> k.unitId() == null ? k : withUnit(k, units.get(k.unitId()))).toList();
	}

	@Transactional
	public AwardKindView defineKind(CurrentUser actor, KindDetails d) {
		if (!mayDefine(actor)) {
			throw new AccessRefusedException("incentives.recognition.kind");
		}
		List<FieldError> errors = new ArrayList<>();
		String code = d.code() == null ? "" : d.code().strip().toLowerCase(Locale.ROOT);
		if (!code.matches("[a-z0-9_-]{2,40}")) {
			errors.add(new FieldError("code", "incentives.recognition.kind.code.invalid"));
		}
		else if (store.kindId(code).isPresent()) {
			errors.add(new FieldError("code", "incentives.recognition.kind.code.taken", code));
		}
		AwardStore.NewKind kind = validated(code, d, null, errors);
		long id = store.insertKind(kind);
		audit.record("RECOGNITION_AWARD_KIND", id, "CREATE", null, described(kind), kind.nameEn());
		return kind(id);
	}

	/**
	 * Changes a kind's names, rule, population and minimum (not its code). Once awards were granted or a decision
	 * recorded under it, what the kind ranks by (basis, measure, period length) stays, so that its awards keep meaning
	 * what they said; the names, the subtree and the minimum may still change (for the decisions to come).
	 */
	@Transactional
	public AwardKindView updateKind(CurrentUser actor, AwardKindId id, long version, KindDetails d) {
		AwardKindView before = changeable(actor, id, version);
		List<FieldError> errors = new ArrayList<>();
		AwardStore.NewKind kind = validated(before.code(), d, store.referenced(id.value()) ? before : null, errors);
		if (!store.updateKind(id.value(), version, kind)) {
			throw new StaleVersionException(version, before.version());
		}
		audit.record("RECOGNITION_AWARD_KIND", id.value(), "UPDATE", described(before), described(kind),
				kind.nameEn());
		return kind(id.value());
	}

	/** What became of a kind taken out of use: deleted (nothing referred to it) or archived (awards keep it). */
	public enum Retired {
		DELETED, ARCHIVED
	}

	/**
	 * Takes a kind out of use: a kind no award or decision refers to is deleted; one that has them is archived instead
	 * (no longer decided nor granted, its awards unchanged), and can be restored.
	 */
	@Transactional
	public Retired retireKind(CurrentUser actor, AwardKindId id, long version) {
		AwardKindView kind = changeable(actor, id, version);
		boolean referenced = store.referenced(id.value());
		if (referenced ? !store.setActive(id.value(), version, false) : !store.deleteKind(id.value(), version)) {
			throw new StaleVersionException(version, kind.version());
		}
		audit.record("RECOGNITION_AWARD_KIND", id.value(), referenced ? "ARCHIVE" : "DELETE",
				Map.of("code", kind.code(), "active", kind.active()), referenced ? Map.of("active", false) : null,
				kind.nameEn());
		return referenced ? Retired.ARCHIVED : Retired.DELETED;
	}

	/** Brings an archived kind back into use. */
	@Transactional
	public AwardKindView restoreKind(CurrentUser actor, AwardKindId id, long version) {
		AwardKindView kind = changeable(actor, id, version);
		if (!store.setActive(id.value(), version, true)) {
			throw new StaleVersionException(version, kind.version());
		}
		audit.record("RECOGNITION_AWARD_KIND", id.value(), "RESTORE", Map.of("active", kind.active()),
				Map.of("active", true), kind.nameEn());
		return kind(id.value());
	}

	/** A kind the actor may change, at the version they saw: 403 for anyone but a director or an administrator. */
	private AwardKindView changeable(CurrentUser actor, AwardKindId id, long version) {
		if (!mayDefine(actor)) {
			throw new AccessRefusedException("incentives.recognition.kind");
		}
		AwardKindView kind = kind(id.value());
		if (kind.version() != version) {
			throw new StaleVersionException(version, kind.version());
		}
		return kind;
	}

	/**
	 * The kind as given, or the field errors ({@code errors} may already hold some). {@code locked}: the kind as it is,
	 * when its basis, measure and period length may no longer change.
	 */
	private AwardStore.NewKind validated(String code, KindDetails d, @Nullable AwardKindView locked,
			List<FieldError> errors) {
		Awards.requireText(errors, "nameEn", d.nameEn(), 120);
		Awards.requireText(errors, "nameEs", d.nameEs(), 120);
		if (d.basis() == null) {
			errors.add(new FieldError("basis", "shared.validation.required"));
		}
		if (d.periodKind() == null) {
			errors.add(new FieldError("periodKind", "shared.validation.required"));
		}
		Metric metric = null;
		if (d.basis() != null && d.basis().byRule()) {
			metric = d.measure() == null || d.measure().isBlank() ? null : Metric.ofCode(d.measure()).orElse(null);
			if (metric == null) {
				errors.add(new FieldError("measure", "incentives.recognition.kind.measure.invalid"));
			}
		}
		if (locked != null) {
			if (d.basis() != null && d.basis() != locked.basis()) {
				errors.add(new FieldError("basis", "incentives.recognition.kind.locked"));
			}
			if (metric != null && !metric.code().equals(locked.measure())) {
				errors.add(new FieldError("measure", "incentives.recognition.kind.locked"));
			}
			if (d.periodKind() != null && d.periodKind() != locked.periodKind()) {
				errors.add(new FieldError("periodKind", "incentives.recognition.kind.locked"));
			}
		}
		if (d.unitId() != null && !org.isActiveUnit(d.unitId())) {
			errors.add(new FieldError("unitId", "incentives.recognition.kind.unit.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return new AwardStore.NewKind(code, d.nameEn().strip(), d.nameEs().strip(), d.basis(),
				metric == null ? null : metric.code(), d.periodKind(), d.unitId(),
				d.basis().byRule() ? d.minimum() : null);
	}

	private static Map<String, Object> described(AwardStore.NewKind k) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", k.code());
		values.put("nameEn", k.nameEn());
		values.put("nameEs", k.nameEs());
		values.put("basis", k.basis().name());
		values.put("measure", k.metric());
		values.put("periodKind", k.periodKind().name());
		values.put("unitId", k.unitId());
		values.put("minimum", k.minimum());
		return values;
	}

	private static Map<String, Object> described(AwardKindView k) {
		return described(new AwardStore.NewKind(k.code(), k.nameEn(), k.nameEs(), k.basis(), k.measure(),
				k.periodKind(), k.unitId(), k.minimum()));
	}

	/** Whether awards or recorded decisions refer to the kind: then it is archived, not deleted, and its rule stays. */
	@Transactional(readOnly = true)
	public boolean referenced(AwardKindId id) {
		return store.referenced(id.value());
	}

	/** A kind, archived or not; everyone may read the kinds. */
	@Transactional(readOnly = true)
	public AwardKindView kind(AwardKindId id) {
		AwardKindView kind = kind(id.value());
		return kind.unitId() == null ? kind : withUnit(kind, org.unitNames(List.of(kind.unitId())).get(kind.unitId()));
	}

	private static AwardKindView withUnit(AwardKindView k, @Nullable String unitName) {
		return new AwardKindView(k.id(), k.code(), k.name(), k.nameEn(), k.nameEs(), k.basis(), k.measure(),
				k.periodKind(), k.unitId(), unitName, k.minimum(), k.active(), k.version());
	}

	AwardKindView kind(long id) {
		return store.kind(id, Awards.lang()).orElseThrow(() -> new NotFoundException("awardKind", id));
	}

	AwardKindView kind(String code) {
		return store.kindId(code.strip().toLowerCase(Locale.ROOT)).map(this::kind)
			.orElseThrow(() -> ValidationFailedException.of("kind", "incentives.recognition.kind.unknown", code));
	}
}
