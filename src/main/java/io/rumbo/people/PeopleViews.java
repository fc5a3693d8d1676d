package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the people module answers: qualifications, requirements, people's qualifications, gaps and training. */
public final class PeopleViews {

	private PeopleViews() {
	}

	@Schema(name = "PeopleQualificationLevel")
	public record LevelView(int level, String name) {
	}

	@Schema(name = "PeopleQualification")
	public record QualificationView(long id, long version, String code, String name, QualificationKind kind,
			@Nullable String description, int maxLevel, @Nullable Integer validityMonths, boolean archived,
			List<LevelView> levels) {

		/** The name of a level, or the number when the level has none. */
		public String levelName(int level) {
			return levels.stream().filter(l -> l.level() == level).map(LevelView::name).findFirst()
				.orElse(Integer.toString(level));
		}
	}

	@Schema(name = "PeopleRoleRequirement")
	public record RequirementView(long id, long version, JobRole jobRole, @Nullable Long unitId,
			@Nullable String unitName, long qualificationId, String qualificationCode, String qualificationName,
			int minLevel, Importance importance) {
	}

	/**
	 * A person's qualification; {@code expired} when the expiry date is past, {@code expiring} when it falls within
	 * the warning days from today.
	 */
	@Schema(name = "PeopleStaffQualification")
	public record StaffQualificationView(long id, long version, long staffId, String personName, long unitId,
			@Nullable String unitName, long qualificationId, String qualificationCode, String qualificationName,
			QualificationKind kind, int level, LocalDate obtainedOn, @Nullable LocalDate expiresOn,
			@Nullable String evidence, String source, boolean expired, boolean expiring) {
	}

	/** A required qualification a person of the role lacks, holds under the level, let expire or soon will. */
	@Schema(name = "PeopleGap")
	public record GapRow(long staffId, String personName, long unitId, @Nullable String unitName, JobRole jobRole,
			long qualificationId, String qualificationCode, String qualificationName, Importance importance,
			int minLevel, @Nullable Integer heldLevel, @Nullable LocalDate expiresOn, GapKind kind) {
	}

	/**
	 * The gaps counted by row (a person, a unit or a job role, as {@code by} says) and qualification: {@code cells}
	 * are [column index, row index, gaps] triples, the shape an ECharts heat map reads.
	 */
	@Schema(name = "PeopleGapHeatmap")
	public record GapHeatmap(String by, List<String> rowKeys, List<String> rows, List<String> columnCodes,
			List<String> columns, List<List<Integer>> cells, int max) {
	}

	@Schema(name = "PeopleGapEnrolment")
	public record GapEnrolment(long sessionId, int enrolled, int alreadyEnrolled, int noSeat, List<Long> enrolledStaff) {
	}

	@Schema(name = "PeopleSession")
	public record SessionView(long id, long version, long programmeId, String title, LocalDate startsOn,
			LocalDate endsOn, String trainer, @Nullable String location, int capacity, int taken, boolean cancelled) {

		public int free() {
			return Math.max(0, capacity - taken);
		}
	}

	@Schema(name = "PeopleProgramme")
	public record ProgrammeView(long id, long version, String code, String name, ProgrammeKind kind,
			@Nullable String description, @Nullable Long qualificationId, @Nullable String qualificationName,
			@Nullable Integer grantLevel, @Nullable BigDecimal passScore, boolean archived,
			List<SessionView> sessions) {
	}

	@Schema(name = "PeopleProgrammeRow")
	public record ProgrammeRow(long id, String code, String name, ProgrammeKind kind,
			@Nullable String qualificationName, @Nullable Integer grantLevel, int sessions,
			@Nullable LocalDate nextSessionOn, int enrolled, int completed, boolean archived) {
	}

	@Schema(name = "PeopleEnrolment")
	public record EnrolmentView(long id, long version, long sessionId, String sessionTitle, LocalDate startsOn,
			LocalDate endsOn, long programmeId, String programmeName, long staffId, String personName, long unitId,
			@Nullable String unitName, EnrolmentStatus status, EnrolmentSource source, String enrolledBy,
			LocalDate enrolledOn, @Nullable String note, boolean attended, @Nullable BigDecimal score,
			@Nullable LocalDate completedOn) {
	}

	/**
	 * The effect of a programme, as a simple comparison and no more: the average of a measure over the
	 * {@code months} before and after each participant completed it, against people of the same job roles who did
	 * not take it, over the same calendar windows (the windows of the median completion). Not a controlled study.
	 */
	@Schema(name = "PeopleTrainingEffect")
	public record TrainingEffect(long programmeId, String measure, int months, @Nullable LocalDate completedOn,
			Group participants, Group others, boolean available) {
	}

	@Schema(name = "PeopleTrainingEffectGroup")
	public record Group(int people, @Nullable BigDecimal before, @Nullable BigDecimal after,
			@Nullable BigDecimal change) {
	}

	/** A person of the roster as the reader's scope shows them ({@code id}: their staff id). */
	@Schema(name = "PeoplePerson")
	public record PersonRow(long id, String fullName, long unitId, @Nullable String unitName, JobRole jobRole,
			LocalDate hireDate) {
	}
}
