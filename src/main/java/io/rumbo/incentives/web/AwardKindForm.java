package io.rumbo.incentives.web;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardKinds;
import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.shared.web.Formats;

/**
 * What the award kind form posts: the names in both languages, the rule (how the winner is chosen, the measure, the
 * period length, the subtree that competes) and the minimum, typed the way the reader's language writes numbers.
 */
public class AwardKindForm {

	private @Nullable String code;

	private @Nullable String nameEn;

	private @Nullable String nameEs;

	private @Nullable AwardBasis basis = AwardBasis.MEASURE;

	private @Nullable String measure;

	private @Nullable AwardPeriodKind periodKind = AwardPeriodKind.QUARTER;

	private @Nullable Long unitId;

	private @Nullable String minimum;

	private @Nullable Long version;

	static AwardKindForm of(AwardKindView kind, Formats fmt) {
		AwardKindForm form = new AwardKindForm();
		form.code = kind.code();
		form.nameEn = kind.nameEn();
		form.nameEs = kind.nameEs();
		form.basis = kind.basis();
		form.measure = kind.measure();
		form.periodKind = kind.periodKind();
		form.unitId = kind.unitId();
		form.minimum = kind.minimum() == null ? null : fmt.number(kind.minimum().stripTrailingZeros());
		form.version = kind.version();
		return form;
	}

	/** The details for the facade; a minimum that is not a number in the reader's format is an error at its field. */
	AwardKinds.KindDetails details(Formats fmt) {
		return new AwardKinds.KindDetails(code, nameEn, nameEs, basis, basis == AwardBasis.MANUAL ? null : measure,
				periodKind, unitId, basis == AwardBasis.MANUAL ? null : fmt.parseField("minimum", minimum));
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getNameEn() {
		return nameEn;
	}

	public void setNameEn(@Nullable String nameEn) {
		this.nameEn = nameEn;
	}

	public @Nullable String getNameEs() {
		return nameEs;
	}

	public void setNameEs(@Nullable String nameEs) {
		this.nameEs = nameEs;
	}

	public @Nullable AwardBasis getBasis() {
		return basis;
	}

	public void setBasis(@Nullable AwardBasis basis) {
		this.basis = basis;
	}

	public @Nullable String getMeasure() {
		return measure;
	}

	public void setMeasure(@Nullable String measure) {
		this.measure = measure;
	}

	public @Nullable AwardPeriodKind getPeriodKind() {
		return periodKind;
	}

	public void setPeriodKind(@Nullable AwardPeriodKind periodKind) {
		this.periodKind = periodKind;
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	public void setUnitId(@Nullable Long unitId) {
		this.unitId = unitId;
	}

	public @Nullable String getMinimum() {
		return minimum;
	}

	public void setMinimum(@Nullable String minimum) {
		this.minimum = minimum;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}
}
