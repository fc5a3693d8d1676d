package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.metrics.Metric;

/** What the quota pages and the API show. */
public final class QuotaViews {

	private QuotaViews() {
	}

	/** A version of a fiscal year's quota plan; {@code version} is its optimistic lock. */
	public record QuotaVersionView(long id, int fiscalYear, String yearLabel, int number, String state,
			@Nullable Integer basedOnNumber, long planVersionId, @Nullable String reason, String ramp, String createdBy,
			Instant createdAt, @Nullable String publishedBy, @Nullable Instant publishedAt, long version,
			List<Metric> metrics) {
	}

	/** A fiscal year's quota plan (its id is the fiscal year): its versions, latest first, and the one that counts. */
	public record QuotaPlanView(int id, int fiscalYear, String yearLabel, List<QuotaVersionView> versions,
			@Nullable QuotaVersionView published) {
	}

	/**
	 * A sub-unit or member of a level with their monthly figures; for a person also their share before the ramp, and
	 * whether an import fixed some of their months ({@code imported}: those months do not follow the split).
	 */
	public record QuotaLevelRow(String kind, long id, String name, List<BigDecimal> months, BigDecimal total,
			BigDecimal fullTotal, @Nullable BigDecimal manual, boolean released, boolean imported) {
	}

	/**
	 * A level of the allocation: a unit's figure of one measure (with the plan's as reference), how it is split, the
	 * split, and the mismatch (the unit's figure minus what its sub-units and members carry), by month and for the
	 * year. {@code pool} is the figure with the over-assignment.
	 */
	public record QuotaLevelView(long versionId, long version, String state, long unitId, String unitName,
			@Nullable Long parentUnitId, Metric metric, AllocationMethod method, BigDecimal overAssignment,
			@Nullable BigDecimal reference, List<String> monthCodes, List<BigDecimal> unitMonths, BigDecimal unitTotal,
			BigDecimal pool, List<QuotaLevelRow> rows, List<BigDecimal> allocatedMonths, BigDecimal allocated,
			List<BigDecimal> mismatchMonths, BigDecimal mismatch, boolean released, @Nullable String releasedBy,
			@Nullable Instant releasedAt, boolean editable, boolean releasable) {
	}

	/** A person's or unit's year figure of a measure in a version and in the one it is based on. */
	public record QuotaDiffRow(String kind, long id, String name, Metric metric, BigDecimal previous, BigDecimal current,
			BigDecimal change) {
	}

	/**
	 * One person's quota of one measure in one fiscal month, as the list and its export show it (the export keeps
	 * the import's columns: employee number, fiscal month, measure, amount).
	 */
	public record QuotaPersonMonthRow(long staffId, String employeeNumber, String name, long unitId, String fiscalMonth,
			String measure, BigDecimal fullAmount, BigDecimal amount) {
	}

	/** A level of a version as the list of levels shows it: the unit (its id), where it sits and whether it binds. */
	public record QuotaLevelSummary(long id, String unitName, @Nullable Long parentUnitId, int depth, boolean released) {
	}

	/** A person with a quota in the year's published version: their year figures and acknowledgement. */
	public record QuotaPersonSummary(long id, String employeeNumber, String name, @Nullable BigDecimal revenue,
			boolean acknowledged, @Nullable Instant acknowledgedAt, @Nullable String comment) {
	}

	/** A person's quota of one measure over the year, by month. */
	public record QuotaPersonMetric(Metric metric, List<BigDecimal> months, BigDecimal total) {
	}

	/** A person's quota of a fiscal year in a version, with their acknowledgement. */
	public record QuotaPersonQuotaView(long staffId, String name, int fiscalYear, long versionId, int versionNumber,
			String state, List<String> monthCodes, List<QuotaPersonMetric> metrics, boolean acknowledged,
			@Nullable Instant acknowledgedAt, @Nullable String comment, boolean mayAcknowledge) {
	}

	/**
	 * A person whose place in the organisation differs from where a version counts them: they moved unit, joined or
	 * left (or stopped carrying a quota) after the version was worked out. From {@code fromMonth} on the version has
	 * them in {@code fromUnit} (none: not counted) while the organisation has them in {@code toUnit} (none: gone).
	 * {@code mayProrate}: the reader may seat them anew (a new version with proration).
	 */
	public record QuotaUnitChange(long staffId, String employeeNumber, String name, String fromMonth,
			@Nullable Long fromUnitId, @Nullable String fromUnit, @Nullable Long toUnitId, @Nullable String toUnit,
			boolean mayProrate) {
	}
}
