package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.RunState;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.money.Amounts;

/**
 * A payout run for a fiscal period and a population (one plan, or every approved plan of the year). It guards its
 * life: a draft is recalculated at will; finance's approval locks it, and a locked run is never recalculated again
 * (its corrections go to a later run); only an approved run is exported. Its lines and statements are written
 * set-based by {@code PayoutRuns}, always together with {@link #recalculated}.
 */
@Entity
@Table(name = "incentives_payout_run")
public class PayoutRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String periodCode;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private @Nullable String planCode;

	@Enumerated(EnumType.STRING)
	private RunState state;

	private int people;

	private BigDecimal total;

	private String calculatedBy;

	private Instant calculatedAt;

	private @Nullable String approvedBy;

	private @Nullable Instant approvedAt;

	private @Nullable String exportedBy;

	private @Nullable Instant exportedAt;

	@Version
	private long version;

	protected PayoutRun() {
		this.periodCode = "";
		this.periodStart = LocalDate.MIN;
		this.periodEnd = LocalDate.MIN;
		this.state = RunState.DRAFT;
		this.total = BigDecimal.ZERO;
		this.calculatedBy = "";
		this.calculatedAt = Instant.EPOCH;
	}

	/** A new draft, not yet calculated. {@code end}: the first day after the period. */
	public static PayoutRun draft(String periodCode, LocalDate start, LocalDate end, @Nullable String planCode,
			String by, Instant at) {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts");
		}
		PayoutRun run = new PayoutRun();
		run.periodCode = periodCode;
		run.periodStart = start;
		run.periodEnd = end;
		run.planCode = planCode;
		run.calculatedBy = by;
		run.calculatedAt = at;
		return run;
	}

	/** Its lines were (re)written: who did it, when, how many people and what it pays. Only a draft. */
	public void recalculated(String by, Instant at, int peopleCount, BigDecimal totalPaid) {
		requireDraft();
		this.calculatedBy = by;
		this.calculatedAt = at;
		this.people = peopleCount;
		this.total = Amounts.money(totalPaid);
	}

	/** Finance approves: the run is locked. */
	public void approve(String by, Instant at) {
		requireDraft();
		this.state = RunState.APPROVED;
		this.approvedBy = by;
		this.approvedAt = at;
	}

	/** Sent to payroll (again, if it was already): only an approved run. */
	public void exported(String by, Instant at) {
		if (state != RunState.APPROVED) {
			throw new ConflictException("incentives.run.notApproved", id);
		}
		this.exportedBy = by;
		this.exportedAt = at;
	}

	public void requireDraft() {
		if (state != RunState.DRAFT) {
			throw new ConflictException("incentives.run.locked", id);
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("period", periodCode);
		audit.put("plan", planCode == null ? "*" : planCode);
		audit.put("state", state.name());
		audit.put("people", people);
		audit.put("total", total.toPlainString());
		return audit;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Run not saved yet");
		}
		return id;
	}

	public String periodCode() {
		return periodCode;
	}

	public LocalDate periodStart() {
		return periodStart;
	}

	/** The first day after the period. */
	public LocalDate periodEnd() {
		return periodEnd;
	}

	public @Nullable String planCode() {
		return planCode;
	}

	public RunState state() {
		return state;
	}

	public int people() {
		return people;
	}

	public BigDecimal total() {
		return total;
	}

	public String calculatedBy() {
		return calculatedBy;
	}

	public Instant calculatedAt() {
		return calculatedAt;
	}

	public @Nullable String approvedBy() {
		return approvedBy;
	}

	public @Nullable Instant approvedAt() {
		return approvedAt;
	}

	public @Nullable String exportedBy() {
		return exportedBy;
	}

	public @Nullable Instant exportedAt() {
		return exportedAt;
	}

	public long version() {
		return version;
	}
}
