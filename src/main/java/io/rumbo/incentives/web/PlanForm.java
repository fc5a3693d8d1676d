package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.BonusLine;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.web.Formats;

/**
 * The plan form: the plan's details and its components, each with its tiers and bonuses. Rows are added and removed
 * through htmx ({@link #change}); numbers are typed in the reader's language and read by {@link Formats#parseField},
 * so a malformed one is an error at its field. What a plan must be is {@code PlanRules}', checked on every save.
 */
public class PlanForm {

	/** What an htmx request changes in the rows. */
	enum Change {
		ADD_COMPONENT, REMOVE_COMPONENT, ADD_TIER, REMOVE_TIER, ADD_BONUS, REMOVE_BONUS
	}

	public static class TierRow {

		private @Nullable String from;
		private @Nullable String to;
		private @Nullable String pays;

		public @Nullable String getFrom() { return from; }
		public void setFrom(@Nullable String from) { this.from = from; }
		public @Nullable String getTo() { return to; }
		public void setTo(@Nullable String to) { this.to = to; }
		public @Nullable String getPays() { return pays; }
		public void setPays(@Nullable String pays) { this.pays = pays; }
	}

	public static class BonusRow {

		private @Nullable String target;
		private @Nullable String amount;

		public @Nullable String getTarget() { return target; }
		public void setTarget(@Nullable String target) { this.target = target; }
		public @Nullable String getAmount() { return amount; }
		public void setAmount(@Nullable String amount) { this.amount = amount; }
	}

	public static class ComponentRow {

		private @Nullable String name;
		private Metric metric = Metric.REVENUE;
		private MeasuredOn measuredOn = MeasuredOn.PERSON;
		private @Nullable Long productLineId;
		private Cadence cadence = Cadence.QUARTER;
		private TableBasis basis = TableBasis.ATTAINMENT;
		private TableKind kind = TableKind.MARGINAL;
		private TierBoundary boundary = TierBoundary.LOWER_INCLUSIVE;
		private @Nullable String thresholdPercent;
		private @Nullable String ytdGatePercent;
		private @Nullable String acceleratorFrom;
		private @Nullable String acceleratorMultiplier;
		private @Nullable String deceleratorBelow;
		private @Nullable String deceleratorMultiplier;
		private @Nullable String cap;
		private @Nullable LocalDate windowFrom;
		private @Nullable LocalDate windowTo;
		private List<TierRow> tiers = new ArrayList<>();
		private List<BonusRow> bonuses = new ArrayList<>();

		void fill() {
			tiers.removeIf(Objects::isNull);
			bonuses.removeIf(Objects::isNull);
			if (tiers.isEmpty()) {
				tiers.add(new TierRow());
			}
		}

		ComponentDetails details(int index, Formats fmt) {
			String at = "components[" + index + "].";
			List<TierLine> lines = new ArrayList<>();
			for (int t = 0; t < tiers.size(); t++) {
				TierRow row = tiers.get(t);
				String tierAt = at + "tiers[" + t + "].";
				lines.add(new TierLine(fmt.parseField(tierAt + "from", row.from), fmt.parseField(tierAt + "to", row.to),
						fmt.parseField(tierAt + "pays", row.pays)));
			}
			List<BonusLine> bonusLines = new ArrayList<>();
			for (int b = 0; b < bonuses.size(); b++) {
				BonusRow row = bonuses.get(b);
				String bonusAt = at + "bonuses[" + b + "].";
				bonusLines.add(new BonusLine(fmt.parseField(bonusAt + "target", row.target),
						fmt.parseField(bonusAt + "amount", row.amount)));
			}
			return new ComponentDetails(name == null ? "" : name.strip(), metric, measuredOn, productLineId, cadence,
					basis, kind, boundary, lines, fmt.parseField(at + "thresholdPercent", thresholdPercent),
					fmt.parseField(at + "ytdGatePercent", ytdGatePercent),
					fmt.parseField(at + "acceleratorFrom", acceleratorFrom),
					fmt.parseField(at + "acceleratorMultiplier", acceleratorMultiplier),
					fmt.parseField(at + "deceleratorBelow", deceleratorBelow),
					fmt.parseField(at + "deceleratorMultiplier", deceleratorMultiplier), bonusLines,
					fmt.parseField(at + "cap", cap), windowFrom, windowTo);
		}

		static ComponentRow of(ComponentDetails c, Formats fmt) {
			ComponentRow row = new ComponentRow();
			row.name = c.name();
			row.metric = c.metric();
			row.measuredOn = c.measuredOn();
			row.productLineId = c.productLineId();
			row.cadence = c.cadence();
			row.basis = c.basis();
			row.kind = c.kind();
			row.boundary = c.boundary();
			row.thresholdPercent = number(c.thresholdPercent(), fmt);
			row.ytdGatePercent = number(c.ytdGatePercent(), fmt);
			row.acceleratorFrom = number(c.acceleratorFrom(), fmt);
			row.acceleratorMultiplier = number(c.acceleratorMultiplier(), fmt);
			row.deceleratorBelow = number(c.deceleratorBelow(), fmt);
			row.deceleratorMultiplier = number(c.deceleratorMultiplier(), fmt);
			row.cap = number(c.cap(), fmt);
			row.windowFrom = c.windowFrom();
			row.windowTo = c.windowTo();
			c.tiers().forEach(t -> {
				TierRow tier = new TierRow();
				tier.from = number(t.from(), fmt);
				tier.to = number(t.to(), fmt);
				tier.pays = number(t.pays(), fmt);
				row.tiers.add(tier);
			});
			c.bonuses().forEach(b -> {
				BonusRow bonus = new BonusRow();
				bonus.target = number(b.target(), fmt);
				bonus.amount = number(b.amount(), fmt);
				row.bonuses.add(bonus);
			});
			row.fill();
			return row;
		}

		public @Nullable String getName() { return name; }
		public void setName(@Nullable String name) { this.name = name; }
		public Metric getMetric() { return metric; }
		public void setMetric(@Nullable Metric metric) { this.metric = metric == null ? Metric.REVENUE : metric; }
		public MeasuredOn getMeasuredOn() { return measuredOn; }
		public void setMeasuredOn(@Nullable MeasuredOn on) { this.measuredOn = on == null ? MeasuredOn.PERSON : on; }
		public @Nullable Long getProductLineId() { return productLineId; }
		public void setProductLineId(@Nullable Long productLineId) { this.productLineId = productLineId; }
		public Cadence getCadence() { return cadence; }
		public void setCadence(@Nullable Cadence cadence) { this.cadence = cadence == null ? Cadence.QUARTER : cadence; }
		public TableBasis getBasis() { return basis; }
		public void setBasis(@Nullable TableBasis basis) { this.basis = basis == null ? TableBasis.VALUE : basis; }
		public TableKind getKind() { return kind; }
		public void setKind(@Nullable TableKind kind) { this.kind = kind == null ? TableKind.FLAT : kind; }
		public TierBoundary getBoundary() { return boundary; }
		public void setBoundary(@Nullable TierBoundary b) { this.boundary = b == null ? TierBoundary.LOWER_INCLUSIVE : b; }
		public @Nullable String getThresholdPercent() { return thresholdPercent; }
		public void setThresholdPercent(@Nullable String v) { this.thresholdPercent = v; }
		public @Nullable String getYtdGatePercent() { return ytdGatePercent; }
		public void setYtdGatePercent(@Nullable String v) { this.ytdGatePercent = v; }
		public @Nullable String getAcceleratorFrom() { return acceleratorFrom; }
		public void setAcceleratorFrom(@Nullable String v) { this.acceleratorFrom = v; }
		public @Nullable String getAcceleratorMultiplier() { return acceleratorMultiplier; }
		public void setAcceleratorMultiplier(@Nullable String v) { this.acceleratorMultiplier = v; }
		public @Nullable String getDeceleratorBelow() { return deceleratorBelow; }
		public void setDeceleratorBelow(@Nullable String v) { this.deceleratorBelow = v; }
		public @Nullable String getDeceleratorMultiplier() { return deceleratorMultiplier; }
		public void setDeceleratorMultiplier(@Nullable String v) { this.deceleratorMultiplier = v; }
		public @Nullable String getCap() { return cap; }
		public void setCap(@Nullable String cap) { this.cap = cap; }
		public @Nullable LocalDate getWindowFrom() { return windowFrom; }
		public void setWindowFrom(@Nullable LocalDate windowFrom) { this.windowFrom = windowFrom; }
		public @Nullable LocalDate getWindowTo() { return windowTo; }
		public void setWindowTo(@Nullable LocalDate windowTo) { this.windowTo = windowTo; }
		public List<TierRow> getTiers() { return tiers; }
		public void setTiers(List<TierRow> tiers) { this.tiers = tiers; }
		public List<BonusRow> getBonuses() { return bonuses; }
		public void setBonuses(List<BonusRow> bonuses) { this.bonuses = bonuses; }
	}

	private @Nullable String name;
	private int fiscalYear;
	private @Nullable JobRole populationRole;
	private @Nullable Long populationUnitId;
	private List<Long> namedPeople = new ArrayList<>();
	private ProrationRule prorationRule = ProrationRule.DAYS;
	private @Nullable String planCap;
	private DrawKind drawKind = DrawKind.NONE;
	private @Nullable String drawAmount;
	private ClawbackPolicy clawbackPolicy = ClawbackPolicy.FULL;
	private @Nullable String clawbackPercent;
	private List<ComponentRow> components = new ArrayList<>();

	static PlanForm blank(int fiscalYear) {
		PlanForm form = new PlanForm();
		form.fiscalYear = fiscalYear;
		form.fill();
		return form;
	}

	static PlanForm of(PlanDetails d, Formats fmt) {
		PlanForm form = new PlanForm();
		form.name = d.name();
		form.fiscalYear = d.fiscalYear();
		form.populationRole = d.populationRole();
		form.populationUnitId = d.populationUnitId();
		form.namedPeople = new ArrayList<>(d.namedPeople());
		form.prorationRule = d.prorationRule();
		form.planCap = number(d.planCap(), fmt);
		form.drawKind = d.drawKind();
		form.drawAmount = number(d.drawAmount(), fmt);
		form.clawbackPolicy = d.clawbackPolicy();
		form.clawbackPercent = number(d.clawbackPercent(), fmt);
		d.components().forEach(c -> form.components.add(ComponentRow.of(c, fmt)));
		form.fill();
		return form;
	}

	/** Every component shows at least one tier; a plan at least one component. */
	void fill() {
		components.removeIf(Objects::isNull);
		if (components.isEmpty()) {
			components.add(new ComponentRow());
		}
		components.forEach(ComponentRow::fill);
	}

	/** Adds or removes a row ({@code component}, {@code row}: 0-based positions). */
	void change(Change change, @Nullable Integer component, @Nullable Integer row) {
		fill();
		ComponentRow c = component == null || component < 0 || component >= components.size() ? null
				: components.get(component);
		switch (change) {
			case ADD_COMPONENT -> components.add(new ComponentRow());
			case REMOVE_COMPONENT -> {
				if (c != null) {
					components.remove(c);
				}
			}
			case ADD_TIER -> {
				if (c != null) {
					TierRow tier = new TierRow();
					tier.from = c.tiers.isEmpty() ? null : c.tiers.get(c.tiers.size() - 1).to;
					c.tiers.add(tier);
				}
			}
			case REMOVE_TIER -> {
				if (c != null && row != null && row >= 0 && row < c.tiers.size()) {
					c.tiers.remove((int) row);
				}
			}
			case ADD_BONUS -> {
				if (c != null) {
					c.bonuses.add(new BonusRow());
				}
			}
			case REMOVE_BONUS -> {
				if (c != null && row != null && row >= 0 && row < c.bonuses.size()) {
					c.bonuses.remove((int) row);
				}
			}
		}
		fill();
	}

	PlanDetails details(Formats fmt) {
		List<ComponentDetails> written = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			written.add(components.get(i).details(i, fmt));
		}
		return new PlanDetails(name == null ? "" : name.strip(), fiscalYear, populationRole, populationUnitId,
				namedPeople.stream().filter(Objects::nonNull).toList(), prorationRule, fmt.parseField("planCap", planCap), drawKind,
				fmt.parseField("drawAmount", drawAmount), clawbackPolicy,
				fmt.parseField("clawbackPercent", clawbackPercent), written);
	}

	private static @Nullable String number(@Nullable BigDecimal value, Formats fmt) {
		return value == null ? null : fmt.decimal(value.stripTrailingZeros(), Math.max(0, value.stripTrailingZeros()
			.scale()));
	}

	public @Nullable String getName() { return name; }
	public void setName(@Nullable String name) { this.name = name; }
	public int getFiscalYear() { return fiscalYear; }
	public void setFiscalYear(int fiscalYear) { this.fiscalYear = fiscalYear; }
	public @Nullable JobRole getPopulationRole() { return populationRole; }
	public void setPopulationRole(@Nullable JobRole populationRole) { this.populationRole = populationRole; }
	public @Nullable Long getPopulationUnitId() { return populationUnitId; }
	public void setPopulationUnitId(@Nullable Long populationUnitId) { this.populationUnitId = populationUnitId; }
	public List<Long> getNamedPeople() { return namedPeople; }
	public void setNamedPeople(@Nullable List<Long> namedPeople) { this.namedPeople = namedPeople == null ? new ArrayList<>() : namedPeople; }
	public ProrationRule getProrationRule() { return prorationRule; }
	public void setProrationRule(@Nullable ProrationRule r) { this.prorationRule = r == null ? ProrationRule.DAYS : r; }
	public @Nullable String getPlanCap() { return planCap; }
	public void setPlanCap(@Nullable String planCap) { this.planCap = planCap; }
	public DrawKind getDrawKind() { return drawKind; }
	public void setDrawKind(@Nullable DrawKind drawKind) { this.drawKind = drawKind == null ? DrawKind.NONE : drawKind; }
	public @Nullable String getDrawAmount() { return drawAmount; }
	public void setDrawAmount(@Nullable String drawAmount) { this.drawAmount = drawAmount; }
	public ClawbackPolicy getClawbackPolicy() { return clawbackPolicy; }
	public void setClawbackPolicy(@Nullable ClawbackPolicy p) { this.clawbackPolicy = p == null ? ClawbackPolicy.FULL : p; }
	public @Nullable String getClawbackPercent() { return clawbackPercent; }
	public void setClawbackPercent(@Nullable String clawbackPercent) { this.clawbackPercent = clawbackPercent; }
	public List<ComponentRow> getComponents() { return components; }
	public void setComponents(List<ComponentRow> components) { this.components = components; }
}
