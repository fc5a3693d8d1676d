package io.rumbo.people.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.QualificationKind;
import io.rumbo.people.Qualifications;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.shared.web.Formats;

/**
 * What the catalogue, programme and session page forms send, bound by Spring so that a refused form comes back with
 * what was typed and each reason at its field ({@link io.rumbo.shared.web.FormErrors#bind}).
 */
public final class PeopleForms {

	private PeopleForms() {
	}

	/** A qualification of the catalogue; {@code levels}: the names of its levels, separated by commas. */
	public static class QualificationForm {

		private @Nullable String code;
		private @Nullable String name;
		private @Nullable QualificationKind kind;
		private @Nullable Integer maxLevel = 1;
		private @Nullable Integer validityMonths;
		private @Nullable String levels;

		static QualificationForm of(QualificationView q) {
			QualificationForm form = new QualificationForm();
			form.code = q.code();
			form.name = q.name();
			form.kind = q.kind();
			form.maxLevel = q.maxLevel();
			form.validityMonths = q.validityMonths();
			form.levels = String.join(", ", q.levels().stream().map(l -> l.name()).toList());
			return form;
		}

		Qualifications.QualificationDetails details(@Nullable String description) {
			List<String> names = levels == null || levels.isBlank() ? null
					: Arrays.stream(levels.split(",")).map(String::trim).toList();
			return new Qualifications.QualificationDetails(code, name, kind, description, maxLevel, validityMonths,
					names);
		}

		public @Nullable String getCode() { return code; }
		public void setCode(@Nullable String code) { this.code = code; }
		public @Nullable String getName() { return name; }
		public void setName(@Nullable String name) { this.name = name; }
		public @Nullable QualificationKind getKind() { return kind; }
		public void setKind(@Nullable QualificationKind kind) { this.kind = kind; }
		public @Nullable Integer getMaxLevel() { return maxLevel; }
		public void setMaxLevel(@Nullable Integer maxLevel) { this.maxLevel = maxLevel; }
		public @Nullable Integer getValidityMonths() { return validityMonths; }
		public void setValidityMonths(@Nullable Integer validityMonths) { this.validityMonths = validityMonths; }
		public @Nullable String getLevels() { return levels; }
		public void setLevels(@Nullable String levels) { this.levels = levels; }
	}

	/** A training programme; the grant level counts only with a qualification granted. */
	public static class ProgrammeForm {

		private @Nullable String code;
		private @Nullable String name;
		private @Nullable ProgrammeKind kind;
		private @Nullable Long qualificationId;
		private @Nullable Integer grantLevel = 1;
		private @Nullable String passScore;
		private @Nullable String description;

		static ProgrammeForm of(ProgrammeView p, Formats fmt) {
			ProgrammeForm form = new ProgrammeForm();
			form.code = p.code();
			form.name = p.name();
			form.kind = p.kind();
			form.qualificationId = p.qualificationId();
			form.grantLevel = p.grantLevel() == null ? 1 : p.grantLevel();
			form.passScore = p.passScore() == null ? null : fmt.number(p.passScore());
			form.description = p.description();
			return form;
		}

		TrainingProgrammes.ProgrammeDetails details(Formats fmt) {
			BigDecimal pass = fmt.parseField("passScore", passScore);
			return new TrainingProgrammes.ProgrammeDetails(code, name, kind, description, qualificationId,
					qualificationId == null ? null : grantLevel, pass);
		}

		public @Nullable String getCode() { return code; }
		public void setCode(@Nullable String code) { this.code = code; }
		public @Nullable String getName() { return name; }
		public void setName(@Nullable String name) { this.name = name; }
		public @Nullable ProgrammeKind getKind() { return kind; }
		public void setKind(@Nullable ProgrammeKind kind) { this.kind = kind; }
		public @Nullable Long getQualificationId() { return qualificationId; }
		public void setQualificationId(@Nullable Long qualificationId) { this.qualificationId = qualificationId; }
		public @Nullable Integer getGrantLevel() { return grantLevel; }
		public void setGrantLevel(@Nullable Integer grantLevel) { this.grantLevel = grantLevel; }
		public @Nullable String getPassScore() { return passScore; }
		public void setPassScore(@Nullable String passScore) { this.passScore = passScore; }
		public @Nullable String getDescription() { return description; }
		public void setDescription(@Nullable String description) { this.description = description; }
	}

	/** A session of a programme. */
	public static class SessionForm {

		private @Nullable String title;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate startsOn;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate endsOn;
		private @Nullable String trainer;
		private @Nullable String location;
		private @Nullable Integer capacity = 10;

		static SessionForm of(SessionView s) {
			SessionForm form = new SessionForm();
			form.title = s.title();
			form.startsOn = s.startsOn();
			form.endsOn = s.endsOn();
			form.trainer = s.trainer();
			form.location = s.location();
			form.capacity = s.capacity();
			return form;
		}

		TrainingProgrammes.SessionDetails details() {
			return new TrainingProgrammes.SessionDetails(title, startsOn, endsOn, trainer, location, capacity);
		}

		public @Nullable String getTitle() { return title; }
		public void setTitle(@Nullable String title) { this.title = title; }
		public @Nullable LocalDate getStartsOn() { return startsOn; }
		public void setStartsOn(@Nullable LocalDate startsOn) { this.startsOn = startsOn; }
		public @Nullable LocalDate getEndsOn() { return endsOn; }
		public void setEndsOn(@Nullable LocalDate endsOn) { this.endsOn = endsOn; }
		public @Nullable String getTrainer() { return trainer; }
		public void setTrainer(@Nullable String trainer) { this.trainer = trainer; }
		public @Nullable String getLocation() { return location; }
		public void setLocation(@Nullable String location) { this.location = location; }
		public @Nullable Integer getCapacity() { return capacity; }
		public void setCapacity(@Nullable Integer capacity) { this.capacity = capacity; }
	}
}
