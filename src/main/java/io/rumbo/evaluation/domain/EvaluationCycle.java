package io.rumbo.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CycleState;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * An evaluation cycle and the only ways it moves: open during its period; into review once the period is over (the
 * figures are frozen then); calibrated when every scorecard has been reviewed; closed with a deadline for the
 * people's acknowledgement. Any other move is refused with 409 and changes nothing.
 */
public class EvaluationCycle {

	private final @Nullable Long id;
	private final long templateId;
	private final String name;
	private final Cadence cadence;
	private final String periodCode;
	private final LocalDate startsOn;
	private final LocalDate endsOn;
	private final @Nullable JobRole populationRole;
	private final @Nullable Long populationUnitId;
	private CycleState state;
	private @Nullable LocalDate acknowledgeBy;
	private @Nullable Instant frozenAt;
	private @Nullable String closedBy;
	private @Nullable Instant closedAt;
	private final String createdBy;
	private final Instant createdAt;
	private final long version;

	EvaluationCycle(@Nullable Long id, long templateId, String name, Cadence cadence, String periodCode,
			LocalDate startsOn, LocalDate endsOn, @Nullable JobRole populationRole, @Nullable Long populationUnitId,
			CycleState state, @Nullable LocalDate acknowledgeBy, @Nullable Instant frozenAt, @Nullable String closedBy,
			@Nullable Instant closedAt, String createdBy, Instant createdAt, long version) {
		this.id = id;
		this.templateId = templateId;
		this.name = name;
		this.cadence = cadence;
		this.periodCode = periodCode;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.populationRole = populationRole;
		this.populationUnitId = populationUnitId;
		this.state = state;
		this.acknowledgeBy = acknowledgeBy;
		this.frozenAt = frozenAt;
		this.closedBy = closedBy;
		this.closedAt = closedAt;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
	}

	/** A new open cycle over the days {@code startsOn} to {@code endsOn}, both included. */
	public static EvaluationCycle open(long templateId, String name, Cadence cadence, String periodCode,
			LocalDate startsOn, LocalDate endsOn, @Nullable JobRole role, @Nullable Long unit, String by, Instant at) {
		return new EvaluationCycle(null, templateId, name, cadence, periodCode, startsOn, endsOn, role, unit,
				CycleState.OPEN, null, null, null, null, by, at, 0);
	}

	/** The period is over: the cycle goes into review and its measured figures are frozen as of {@code at}. */
	public void review(LocalDate today, Instant at) {
		require(CycleState.OPEN);
		if (!today.isAfter(endsOn)) {
			throw new ConflictException("evaluation.cycle.periodNotOver", endsOn);
		}
		this.state = CycleState.IN_REVIEW;
		this.frozenAt = at;
	}

	/** Every scorecard has been reviewed ({@code toReview} is how many have not): the scores are agreed. */
	public void calibrate(int toReview) {
		require(CycleState.IN_REVIEW);
		if (toReview > 0) {
			throw new ConflictException("evaluation.cycle.notReviewed", toReview);
		}
		this.state = CycleState.CALIBRATED;
	}

	/** The results go to the people, who acknowledge them by {@code deadline} (after today). */
	public void close(LocalDate deadline, LocalDate today, String by, Instant at) {
		require(CycleState.CALIBRATED);
		if (!deadline.isAfter(today)) {
			throw ValidationFailedException.of("acknowledgeBy", "evaluation.cycle.deadline.future", today);
		}
		this.state = CycleState.CLOSED;
		this.acknowledgeBy = deadline;
		this.closedBy = by;
		this.closedAt = at;
	}

	private void require(CycleState expected) {
		if (state != expected) {
			throw new ConflictException("evaluation.cycle.state." + expected.name());
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("name", name);
		audit.put("templateId", templateId);
		audit.put("period", periodCode);
		audit.put("state", state.name());
		audit.put("acknowledgeBy", acknowledgeBy == null ? null : acknowledgeBy.toString());
		return audit;
	}

	public @Nullable Long id() {
		return id;
	}

	public long templateId() {
		return templateId;
	}

	public String name() {
		return name;
	}

	public Cadence cadence() {
		return cadence;
	}

	public String periodCode() {
		return periodCode;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public LocalDate endsOn() {
		return endsOn;
	}

	public @Nullable JobRole populationRole() {
		return populationRole;
	}

	public @Nullable Long populationUnitId() {
		return populationUnitId;
	}

	public CycleState state() {
		return state;
	}

	public @Nullable LocalDate acknowledgeBy() {
		return acknowledgeBy;
	}

	public @Nullable Instant frozenAt() {
		return frozenAt;
	}

	public @Nullable String closedBy() {
		return closedBy;
	}

	public @Nullable Instant closedAt() {
		return closedAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public long version() {
		return version;
	}
}
