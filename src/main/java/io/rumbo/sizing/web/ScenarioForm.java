package io.rumbo.sizing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.web.Formats;
import io.rumbo.sizing.ScenarioView;
import io.rumbo.sizing.SizingInputs;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.SizingScenarios;

/**
 * The calculator form: a method's figures as typed (in the reader's number format) and its rows. Which figures a
 * method reads is {@link #FIELDS}; rows are potential classes (workload) or tenure groups (capacity).
 */
public class ScenarioForm {

	static final Map<SizingMethod, List<String>> FIELDS = Map.of(SizingMethod.WORKLOAD,
			List.of("callsPerSalesperson", "sellingHours", "callLengthHours"), SizingMethod.BREAKDOWN,
			List.of("forecastSales", "salesPerSalesperson", "turnoverPercent"), SizingMethod.INCREMENTAL,
			List.of("revenueFactor", "exponent", "costPerSalesperson", "maxSalespeople"), SizingMethod.BREAK_EVEN,
			List.of("costPerHire", "marginPercent", "expectedSales"), SizingMethod.CAPACITY,
			List.of("attritionPercent"));

	static boolean hasGroups(SizingMethod method) {
		return method == SizingMethod.WORKLOAD || method == SizingMethod.CAPACITY;
	}

	/** A row as typed. */
	public static class GroupForm {

		private @Nullable String label;
		private @Nullable String count;
		private @Nullable String amount;
		private @Nullable String percent;

		public @Nullable String getLabel() {
			return label;
		}

		public void setLabel(@Nullable String label) {
			this.label = label;
		}

		public @Nullable String getCount() {
			return count;
		}

		public void setCount(@Nullable String count) {
			this.count = count;
		}

		public @Nullable String getAmount() {
			return amount;
		}

		public void setAmount(@Nullable String amount) {
			this.amount = amount;
		}

		public @Nullable String getPercent() {
			return percent;
		}

		public void setPercent(@Nullable String percent) {
			this.percent = percent;
		}
	}

	private @Nullable Long version;
	private @Nullable String name;
	private SizingMethod method = SizingMethod.WORKLOAD;
	private @Nullable Long unitId;
	private @Nullable Integer fiscalYear;
	private @Nullable String note;
	private List<io.rumbo.organization.JobRole> roles = new ArrayList<>(SizingScenarios.DEFAULT_ROLES);
	private io.rumbo.organization.@Nullable JobRole positionRole = io.rumbo.organization.JobRole.SALESPERSON;
	private Map<String, String> values = new LinkedHashMap<>();
	private List<GroupForm> groups = new ArrayList<>();

	static ScenarioForm of(SizingMethod method, long unitId, int fiscalYear, SizingInputs inputs, Formats fmt) {
		ScenarioForm form = new ScenarioForm();
		form.method = method;
		form.unitId = unitId;
		form.fiscalYear = fiscalYear;
		inputs.values().forEach((k, v) -> form.values.put(k, plain(v, fmt)));
		for (SizingInputs.Group g : inputs.groups()) {
			GroupForm row = new GroupForm();
			row.label = g.label();
			row.count = plain(g.count(), fmt);
			row.amount = plain(g.amount(), fmt);
			row.percent = g.percent() == null ? null : plain(g.percent(), fmt);
			form.groups.add(row);
		}
		// Two empty rows to add a class or a group.
		if (hasGroups(method)) {
			form.groups.add(new GroupForm());
			form.groups.add(new GroupForm());
		}
		return form;
	}

	static ScenarioForm of(ScenarioView s, Formats fmt) {
		ScenarioForm form = of(s.method(), s.unitId(), s.fiscalYear(), s.inputs(), fmt);
		form.version = s.version();
		form.name = s.name();
		form.note = s.note();
		form.roles = new ArrayList<>(s.roles());
		form.positionRole = s.positionRole();
		return form;
	}

	/** A figure as the reader types it: no grouping, the language's decimal separator (1234,5 in Spanish). */
	private static String plain(BigDecimal value, Formats fmt) {
		char separator = java.text.DecimalFormatSymbols
			.getInstance(org.springframework.context.i18n.LocaleContextHolder.getLocale())
			.getDecimalSeparator();
		return value.stripTrailingZeros().toPlainString().replace('.', separator);
	}

	SizingInputs inputs(Formats fmt) {
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		for (String field : FIELDS.get(method)) {
			BigDecimal value = fmt.parseField(field, values.get(field));
			if (value != null) {
				figures.put(field, value);
			}
		}
		List<SizingInputs.Group> rows = new ArrayList<>();
		if (hasGroups(method)) {
			for (GroupForm g : groups) {
				if (g.label == null || g.label.isBlank()) {
					continue;
				}
				rows.add(new SizingInputs.Group(g.label.trim(), fmt.parseRequired("groups", g.count),
						fmt.parseRequired("groups", g.amount), fmt.parseField("groups", g.percent)));
			}
		}
		return new SizingInputs(figures, rows);
	}

	SizingScenarios.Draft draft(Formats fmt) {
		return new SizingScenarios.Draft(name, method, unitId, fiscalYear, inputs(fmt), note, roles, positionRole);
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public SizingMethod getMethod() {
		return method;
	}

	public void setMethod(SizingMethod method) {
		this.method = method;
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	public void setUnitId(@Nullable Long unitId) {
		this.unitId = unitId;
	}

	public @Nullable Integer getFiscalYear() {
		return fiscalYear;
	}

	public void setFiscalYear(@Nullable Integer fiscalYear) {
		this.fiscalYear = fiscalYear;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public List<io.rumbo.organization.JobRole> getRoles() {
		return roles;
	}

	public void setRoles(List<io.rumbo.organization.JobRole> roles) {
		this.roles = roles == null ? new ArrayList<>() : roles;
	}

	public io.rumbo.organization.@Nullable JobRole getPositionRole() {
		return positionRole;
	}

	public void setPositionRole(io.rumbo.organization.@Nullable JobRole positionRole) {
		this.positionRole = positionRole;
	}

	public Map<String, String> getValues() {
		return values;
	}

	public void setValues(Map<String, String> values) {
		this.values = values;
	}

	public List<GroupForm> getGroups() {
		return groups;
	}

	public void setGroups(List<GroupForm> groups) {
		this.groups = groups;
	}
}
