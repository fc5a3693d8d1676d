package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.BonusLine;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;

/**
 * A component of a plan version. It belongs to the plan's aggregate: it is written only through
 * {@link IncentivePlan}, and a new version copies it rather than sharing it, so an approved version never changes.
 */
@Entity
@Table(name = "incentives_component")
class PlanComponent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Metric metric;

	@Enumerated(EnumType.STRING)
	private MeasuredOn measuredOn;

	private @Nullable Long productLineId;

	@Enumerated(EnumType.STRING)
	private Cadence cadence;

	@Enumerated(EnumType.STRING)
	private TableBasis basis;

	@Enumerated(EnumType.STRING)
	private TableKind tableKind;

	@Enumerated(EnumType.STRING)
	private TierBoundary boundary;

	private @Nullable BigDecimal thresholdPercent;

	private @Nullable BigDecimal ytdGatePercent;

	private @Nullable BigDecimal acceleratorFrom;

	private @Nullable BigDecimal acceleratorMultiplier;

	private @Nullable BigDecimal deceleratorBelow;

	private @Nullable BigDecimal deceleratorMultiplier;

	private @Nullable BigDecimal cap;

	private @Nullable LocalDate windowFrom;

	private @Nullable LocalDate windowTo;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "incentives_tier", joinColumns = @JoinColumn(name = "component_id"))
	@OrderColumn(name = "position")
	private List<TierRow> tiers = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "incentives_bonus", joinColumns = @JoinColumn(name = "component_id"))
	@OrderColumn(name = "position")
	private List<BonusRow> bonuses = new ArrayList<>();

	protected PlanComponent() {
		this.name = "";
		this.metric = Metric.REVENUE;
		this.measuredOn = MeasuredOn.PERSON;
		this.cadence = Cadence.MONTH;
		this.basis = TableBasis.VALUE;
		this.tableKind = TableKind.FLAT;
		this.boundary = TierBoundary.LOWER_INCLUSIVE;
	}

	PlanComponent(ComponentDetails d) {
		this.name = d.name().trim();
		this.metric = d.metric();
		this.measuredOn = d.measuredOn();
		this.productLineId = d.productLineId();
		this.cadence = d.cadence();
		this.basis = d.basis();
		this.tableKind = d.kind();
		this.boundary = d.boundary();
		this.thresholdPercent = d.thresholdPercent();
		this.ytdGatePercent = d.ytdGatePercent();
		this.acceleratorFrom = d.acceleratorFrom();
		this.acceleratorMultiplier = d.acceleratorMultiplier();
		this.deceleratorBelow = d.deceleratorBelow();
		this.deceleratorMultiplier = d.deceleratorMultiplier();
		this.cap = d.cap();
		this.windowFrom = d.windowFrom();
		this.windowTo = d.windowTo();
		d.tiers().forEach(t -> tiers.add(new TierRow(t.from(), t.to(), t.pays())));
		d.bonuses().forEach(b -> bonuses.add(new BonusRow(b.target(), b.amount())));
	}

	ComponentDetails details() {
		return new ComponentDetails(name, metric, measuredOn, productLineId, cadence, basis, tableKind, boundary,
				tiers.stream().map(t -> new TierLine(t.fromValue, t.toValue, t.pays)).toList(), thresholdPercent,
				ytdGatePercent, acceleratorFrom, acceleratorMultiplier, deceleratorBelow, deceleratorMultiplier,
				bonuses.stream().map(b -> new BonusLine(b.target, b.amount)).toList(), cap, windowFrom, windowTo);
	}

	/** A tier as stored. */
	@Embeddable
	static class TierRow {

		@Column(name = "from_value")
		private BigDecimal fromValue;

		@Column(name = "to_value")
		private @Nullable BigDecimal toValue;

		private BigDecimal pays;

		protected TierRow() {
			this.fromValue = BigDecimal.ZERO;
			this.pays = BigDecimal.ZERO;
		}

		TierRow(@Nullable BigDecimal from, @Nullable BigDecimal to, @Nullable BigDecimal pays) {
			this.fromValue = from == null ? BigDecimal.ZERO : from;
			this.toValue = to;
			this.pays = pays == null ? BigDecimal.ZERO : pays;
		}
	}

	/** A bonus as stored. */
	@Embeddable
	static class BonusRow {

		private BigDecimal target;

		private BigDecimal amount;

		protected BonusRow() {
			this.target = BigDecimal.ZERO;
			this.amount = BigDecimal.ZERO;
		}

		BonusRow(@Nullable BigDecimal target, @Nullable BigDecimal amount) {
			this.target = target == null ? BigDecimal.ZERO : target;
			this.amount = amount == null ? BigDecimal.ZERO : amount;
		}
	}
}
