package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.domain.ConflictException;

/**
 * A version of an incentive plan, with its components (the aggregate: components, tiers and bonuses are written only
 * through it). A draft is rewritten freely and is valid at every save ({@link PlanRules}); a director's approval makes
 * it the version that applies and archives the one it replaces. An approved version never changes: a change is a new
 * draft version copied from it ({@link #nextVersion}), approved in its turn.
 */
@Entity
@Table(name = "incentives_plan")
public class IncentivePlan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String code;

	private int number;

	private String name;

	private int fiscalYear;

	@Enumerated(EnumType.STRING)
	private PlanState state;

	@Enumerated(EnumType.STRING)
	private @Nullable JobRole populationRole;

	private @Nullable Long populationUnitId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "incentives_plan_person", joinColumns = @JoinColumn(name = "plan_id"))
	@Column(name = "staff_id")
	private Set<Long> namedPeople = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	private ProrationRule prorationRule;

	private @Nullable BigDecimal planCap;

	@Enumerated(EnumType.STRING)
	private DrawKind drawKind;

	private @Nullable BigDecimal drawAmount;

	@Enumerated(EnumType.STRING)
	private ClawbackPolicy clawbackPolicy;

	private @Nullable BigDecimal clawbackPercent;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "plan_id", nullable = false)
	@OrderColumn(name = "position")
	private List<PlanComponent> components = new ArrayList<>();

	private String createdBy;

	private Instant createdAt;

	private @Nullable String approvedBy;

	private @Nullable Instant approvedAt;

	@Version
	private long version;

	protected IncentivePlan() {
		this.code = "";
		this.name = "";
		this.state = PlanState.DRAFT;
		this.prorationRule = ProrationRule.DAYS;
		this.drawKind = DrawKind.NONE;
		this.clawbackPolicy = ClawbackPolicy.FULL;
		this.createdBy = "";
		this.createdAt = Instant.EPOCH;
	}

	private IncentivePlan(String code, int number, PlanDetails details, String by, Instant at) {
		this();
		this.code = code;
		this.number = number;
		this.createdBy = by;
		this.createdAt = at;
		write(details);
	}

	/** A new draft: version {@code number} of the plan {@code code}. */
	public static IncentivePlan draft(String code, int number, PlanDetails details, String by, Instant at) {
		PlanRules.validate(details);
		return new IncentivePlan(code, number, details, by, at);
	}

	/** The next version of an approved plan, as a draft with the changes. */
	public IncentivePlan nextVersion(PlanDetails details, String by, Instant at) {
		if (state != PlanState.APPROVED) {
			throw new ConflictException("incentives.plan.notApproved");
		}
		if (details.fiscalYear() != fiscalYear) {
			throw new ConflictException("incentives.plan.yearFixed", fiscalYear);
		}
		return draft(code, number + 1, details, by, at);
	}

	/** Rewrites a draft; an approved or archived version is refused (a new version is the way to change it). */
	public void revise(PlanDetails details) {
		requireDraft();
		PlanRules.validate(details);
		write(details);
	}

	/** A director approves the draft: it applies from now on. */
	public void approve(String by, Instant at) {
		requireDraft();
		PlanRules.validate(details());
		this.state = PlanState.APPROVED;
		this.approvedBy = by;
		this.approvedAt = at;
	}

	/** A later version was approved (or the plan is withdrawn): this one no longer applies. */
	public void archive() {
		if (state != PlanState.APPROVED) {
			throw new ConflictException("incentives.plan.notApproved");
		}
		this.state = PlanState.ARCHIVED;
	}

	private void requireDraft() {
		if (state != PlanState.DRAFT) {
			throw new ConflictException("incentives.plan.notDraft");
		}
	}

	private void write(PlanDetails d) {
		this.name = d.name().trim();
		this.fiscalYear = d.fiscalYear();
		this.populationRole = d.populationRole();
		this.populationUnitId = d.populationUnitId();
		this.namedPeople.clear();
		this.namedPeople.addAll(d.namedPeople());
		this.prorationRule = d.prorationRule();
		this.planCap = d.planCap();
		this.drawKind = d.drawKind();
		this.drawAmount = d.drawKind() == DrawKind.NONE ? null : d.drawAmount();
		this.clawbackPolicy = d.clawbackPolicy();
		this.clawbackPercent = d.clawbackPolicy() == ClawbackPolicy.FULL ? null : d.clawbackPercent();
		this.components.clear();
		d.components().forEach(c -> components.add(new PlanComponent(c)));
	}

	public PlanDetails details() {
		return new PlanDetails(name, fiscalYear, populationRole, populationUnitId, List.copyOf(namedPeople),
				prorationRule, planCap, drawKind, drawAmount, clawbackPolicy, clawbackPercent,
				components.stream().map(PlanComponent::details).toList());
	}

	/** What the audit trail keeps of a version. */
	public Map<String, Object> auditState() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("code", code);
		audit.put("number", number);
		audit.put("name", name);
		audit.put("fiscalYear", fiscalYear);
		audit.put("state", state.name());
		audit.put("components", components.stream()
			.map(c -> c.details().name() + " " + c.details().metric().code() + " " + c.details().kind())
			.toList());
		return audit;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Plan not saved yet");
		}
		return id;
	}

	public String code() {
		return code;
	}

	public int number() {
		return number;
	}

	public String name() {
		return name;
	}

	public int fiscalYear() {
		return fiscalYear;
	}

	public PlanState state() {
		return state;
	}

	public int componentCount() {
		return components.size();
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable String approvedBy() {
		return approvedBy;
	}

	public @Nullable Instant approvedAt() {
		return approvedAt;
	}

	public long version() {
		return version;
	}
}
