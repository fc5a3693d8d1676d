package io.rumbo.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
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
		return kinds.stream().map(k -> k.unitId() == null ? k : new AwardKindView(k.id(), k.code(), k.name(), k.nameEn(),
				k.nameEs(), k.basis(), k.measure(), k.periodKind(), k.unitId(), units.get(k.unitId()), k.minimum(),
				k.active(), k.version())).toList();
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
			metric = d.measure() == null ? null : Metric.ofCode(d.measure()).orElse(null);
			if (metric == null) {
				errors.add(new FieldError("measure", "incentives.recognition.kind.measure.invalid"));
			}
		}
		if (d.unitId() != null && !org.isActiveUnit(d.unitId())) {
			errors.add(new FieldError("unitId", "incentives.recognition.kind.unit.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		long id = store.insertKind(new AwardStore.NewKind(code, d.nameEn().strip(), d.nameEs().strip(), d.basis(),
				metric == null ? null : metric.code(), d.periodKind(), d.unitId(), d.minimum()));
		audit.record("RECOGNITION_AWARD_KIND", id, "CREATE", null, Map.of("code", code, "basis", d.basis().name()),
				d.nameEn());
		return kind(id);
	}

	AwardKindView kind(long id) {
		return store.kind(id, Awards.lang()).orElseThrow(() -> new NotFoundException("awardKind", id));
	}

	AwardKindView kind(String code) {
		return store.kindId(code.strip().toLowerCase(Locale.ROOT)).map(this::kind)
			.orElseThrow(() -> ValidationFailedException.of("kind", "incentives.recognition.kind.unknown", code));
	}
}
