package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.DisputeState;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;

/**
 * A person's question about one line of their statement, and finance's outcome. It guards its life: raised OPEN with
 * a comment; answered (a comment), adjusted (an amount other than zero and a reason) or rejected (a reason), each
 * only from OPEN, and final. The disputed line is kept by value ({@link Line}), so the dispute reads the same after
 * a draft is recalculated. An adjustment never touches the disputed run: the next payout run of the person and plan
 * pays it and records itself here ({@code paid_run_id}, written set-based by that run, hence read-only here).
 */
@Entity
@Table(name = "incentives_dispute")
public class Dispute {

	public static final int TEXT_MAX = 2000;

	/**
	 * The disputed line as it was: its run (period and the first day after it), plan, person and unit, component,
	 * measure, the period it pays and its amount.
	 */
	public record Line(long runId, String periodCode, LocalDate periodEnd, long lineId, long planId, String planCode,
			long staffId, long unitId, int component, String componentName, String metric,
			@Nullable Long productLineId, String measuredOn, String forPeriod, LocalDate from, LocalDate to,
			BigDecimal amount) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long runId;

	private String periodCode;

	private LocalDate periodEnd;

	private long lineId;

	private long planId;

	private String planCode;

	private long staffId;

	private long unitId;

	private int component;

	private String componentName;

	private String metric;

	private @Nullable Long productLineId;

	private String measuredOn;

	private String forPeriod;

	private LocalDate spanFrom;

	private LocalDate spanTo;

	private BigDecimal lineAmount;

	@Enumerated(EnumType.STRING)
	private DisputeState state;

	private String comment;

	private String raisedBy;

	private Instant raisedAt;

	private @Nullable String response;

	private @Nullable BigDecimal adjustment;

	private @Nullable String resolvedBy;

	private @Nullable Instant resolvedAt;

	@Column(insertable = false, updatable = false)
	private @Nullable Long paidRunId;

	@Column(insertable = false, updatable = false)
	private @Nullable Long paidLineId;

	@Version
	private long version;

	protected Dispute() {
		this.periodCode = "";
		this.periodEnd = LocalDate.MIN;
		this.planCode = "";
		this.componentName = "";
		this.metric = "";
		this.measuredOn = "";
		this.forPeriod = "";
		this.spanFrom = LocalDate.MIN;
		this.spanTo = LocalDate.MIN;
		this.lineAmount = BigDecimal.ZERO;
		this.state = DisputeState.OPEN;
		this.comment = "";
		this.raisedBy = "";
		this.raisedAt = Instant.EPOCH;
	}

	/** The owner of the statement questions {@code line} with {@code comment}. */
	public static Dispute raise(Line line, @Nullable String comment, String by, Instant at) {
		Dispute dispute = new Dispute();
		dispute.runId = line.runId();
		dispute.periodCode = line.periodCode();
		dispute.periodEnd = line.periodEnd();
		dispute.lineId = line.lineId();
		dispute.planId = line.planId();
		dispute.planCode = line.planCode();
		dispute.staffId = line.staffId();
		dispute.unitId = line.unitId();
		dispute.component = line.component();
		dispute.componentName = line.componentName();
		dispute.metric = line.metric();
		dispute.productLineId = line.productLineId();
		dispute.measuredOn = line.measuredOn();
		dispute.forPeriod = line.forPeriod();
		dispute.spanFrom = line.from();
		dispute.spanTo = line.to();
		dispute.lineAmount = Amounts.money(line.amount());
		dispute.comment = text("comment", comment);
		dispute.raisedBy = by;
		dispute.raisedAt = at;
		return dispute;
	}

	/** Finance explains the line; nothing is paid. */
	public void answer(@Nullable String answer, String by, Instant at) {
		close(DisputeState.ANSWERED, text("comment", answer), null, by, at);
	}

	/** Finance refuses the claim, saying why. */
	public void reject(@Nullable String reason, String by, Instant at) {
		close(DisputeState.REJECTED, text("reason", reason), null, by, at);
	}

	/**
	 * Finance grants {@code amount} (negative: the line paid too much), saying why; the next payout run of the
	 * person and plan pays it. Zero is no adjustment (answer instead).
	 */
	public void adjust(@Nullable BigDecimal amount, @Nullable String reason, String by, Instant at) {
		if (amount == null) {
			throw ValidationFailedException.of("amount", "incentives.dispute.amount.required");
		}
		BigDecimal money = Amounts.money(amount);
		if (money.signum() == 0) {
			throw ValidationFailedException.of("amount", "incentives.dispute.amount.zero");
		}
		close(DisputeState.ADJUSTED, text("reason", reason), money, by, at);
	}

	private void close(DisputeState outcome, String text, @Nullable BigDecimal amount, String by, Instant at) {
		if (state != DisputeState.OPEN) {
			throw new ConflictException("incentives.dispute.closed", id, state.name());
		}
		this.state = outcome;
		this.response = text;
		this.adjustment = amount;
		this.resolvedBy = by;
		this.resolvedAt = at;
	}

	private static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw ValidationFailedException.of(field, "incentives.dispute." + field + ".required");
		}
		String text = value.strip();
		if (text.length() > TEXT_MAX) {
			throw ValidationFailedException.of(field, "incentives.dispute.text.tooLong", TEXT_MAX);
		}
		return text;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("run", runId);
		audit.put("line", lineId);
		audit.put("plan", planCode);
		audit.put("staff", staffId);
		audit.put("state", state.name());
		audit.put("comment", comment);
		if (response != null) {
			audit.put("response", response);
		}
		if (adjustment != null) {
			audit.put("adjustment", adjustment.toPlainString());
		}
		return audit;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Dispute not saved yet");
		}
		return id;
	}

	public long runId() {
		return runId;
	}

	public String periodCode() {
		return periodCode;
	}

	public long lineId() {
		return lineId;
	}

	public String planCode() {
		return planCode;
	}

	public long staffId() {
		return staffId;
	}

	public long unitId() {
		return unitId;
	}

	public int component() {
		return component;
	}

	public String componentName() {
		return componentName;
	}

	public String forPeriod() {
		return forPeriod;
	}

	public BigDecimal lineAmount() {
		return lineAmount;
	}

	public DisputeState state() {
		return state;
	}

	public String comment() {
		return comment;
	}

	public String raisedBy() {
		return raisedBy;
	}

	public Instant raisedAt() {
		return raisedAt;
	}

	public @Nullable String response() {
		return response;
	}

	public @Nullable BigDecimal adjustment() {
		return adjustment;
	}

	public @Nullable String resolvedBy() {
		return resolvedBy;
	}

	public @Nullable Instant resolvedAt() {
		return resolvedAt;
	}

	public @Nullable Long paidRunId() {
		return paidRunId;
	}

	public @Nullable Long paidLineId() {
		return paidLineId;
	}

	public long version() {
		return version;
	}
}
