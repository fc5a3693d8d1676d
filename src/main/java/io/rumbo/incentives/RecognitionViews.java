package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the recognition facades answer: the API's and the pages' read models. */
public final class RecognitionViews {

	private RecognitionViews() {
	}

	/**
	 * A kind of award. {@code measure}: the metrics catalogue's code the rule ranks by (absent for a kind granted by
	 * hand); {@code unitId}: the org subtree whose people compete (absent: the whole company); {@code minimum}: the
	 * value (or attainment in percent) a winner must reach at least.
	 */
	public record AwardKindView(long id, String code, String name, String nameEn, String nameEs, AwardBasis basis,
			@Nullable String measure, AwardPeriodKind periodKind, @Nullable Long unitId, @Nullable String unitName,
			@Nullable BigDecimal minimum, boolean active, long version) {

		/** Whether the minimum is money (a kind on revenue, margin...), shown with the company's currency. */
		public boolean money() {
			return basis == AwardBasis.MEASURE && measure != null && io.rumbo.metrics.Metric.ofCode(measure)
				.map(m -> m.unit() == io.rumbo.metrics.MetricUnit.MONEY).orElse(false);
		}
	}

	/**
	 * An award granted to a person for a period, with the citation; {@code value}: the figure that won it (the
	 * measure's value or the attainment in percent) for a rule's award. A revoked award keeps its record.
	 */
	@Schema(name = "RecognitionAward")
	public record AwardView(long id, long kindId, String kindCode, String kindName, AwardBasis basis, long staffId,
			String personName, long unitId, @Nullable String unitName, String period, LocalDate periodStart,
			LocalDate periodEnd, AwardSource source, @Nullable String measure, @Nullable BigDecimal value,
			String citation, @Nullable Long proposalId, String grantedBy, Instant grantedAt,
			@Nullable String revokedBy, @Nullable Instant revokedAt, @Nullable String revokeReason, long version) {

		public boolean revoked() {
			return revokedAt != null;
		}

		/** Decimals of the figure: the measure's own (0 for a count), 2 for an attainment. */
		public int decimals() {
			return basis != AwardBasis.ATTAINMENT && measure != null
					? io.rumbo.metrics.Metric.ofCode(measure).map(io.rumbo.metrics.Metric::scale).orElse(2) : 2;
		}

		/** Whether the figure is money (a measure such as revenue or margin), shown with the company's currency. */
		public boolean money() {
			return basis != AwardBasis.ATTAINMENT && measure != null && io.rumbo.metrics.Metric.ofCode(measure)
				.map(m -> m.unit() == io.rumbo.metrics.MetricUnit.MONEY).orElse(false);
		}

		AwardView named(String person, @Nullable String unit, String kind, String shownCitation) {
			return new AwardView(id, kindId, kindCode, kind, basis, staffId, person, unitId, unit, period, periodStart,
					periodEnd, source, measure, value, shownCitation, proposalId, grantedBy, grantedAt, revokedBy, revokedAt,
					revokeReason, version);
		}
	}

	/** A milestone badge: the person's attainment of the quota of {@code measure} passed {@code threshold} %. */
	public record BadgeView(long id, long staffId, String personName, long unitId, @Nullable String unitName,
			String measure, String period, AwardPeriodKind periodKind, LocalDate periodStart, LocalDate periodEnd,
			int threshold, BigDecimal attainment, LocalDate earnedOn) {

		BadgeView named(String person, @Nullable String unit) {
			return new BadgeView(id, staffId, person, unitId, unit, measure, period, periodKind, periodStart, periodEnd,
					threshold, attainment, earnedOn);
		}
	}

	/** An evaluation nomination offered to the person's managers as an award to grant, or dismissed. */
	public record ProposalView(long id, long nominationId, long scorecardId, long cycleId, long staffId,
			String personName, long unitId, @Nullable String unitName, @Nullable BigDecimal score, String reason,
			String nominatedBy, Instant nominatedAt, ProposalStatus status, @Nullable Long awardId,
			@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, long version) {

		ProposalView named(String person, @Nullable String unit) {
			return new ProposalView(id, nominationId, scorecardId, cycleId, staffId, person, unitId, unit, score, reason,
					nominatedBy, nominatedAt, status, awardId, decidedBy, decidedAt, decisionNote, version);
		}
	}

	/**
	 * A line of the team's feed, newest first: an award ({@code type} "award": {@code title} the kind's name,
	 * {@code citation}) or a badge ("badge": {@code measure}, {@code threshold} in percent, {@code value} the
	 * attainment). {@code on}: the day it was granted or earned.
	 */
	public record FeedItem(String type, long id, LocalDate on, long staffId, String personName, long unitId,
			@Nullable String unitName, String period, String title, @Nullable String kindCode, @Nullable String measure,
			@Nullable BigDecimal value, @Nullable Integer threshold, @Nullable String citation) {

		/** Decimals of the figure: the measure's own for an award (0 for a count), 2 for a badge's attainment. */
		public int decimals() {
			return "award".equals(type) && measure != null
					? io.rumbo.metrics.Metric.ofCode(measure).map(io.rumbo.metrics.Metric::scale).orElse(2) : 2;
		}

		/** Whether the figure is money (an award on revenue, margin...), shown with the company's currency. */
		public boolean money() {
			return "award".equals(type) && measure != null && io.rumbo.metrics.Metric.ofCode(measure)
				.map(m -> m.unit() == io.rumbo.metrics.MetricUnit.MONEY).orElse(false);
		}

		FeedItem named(String person, @Nullable String unit, @Nullable String shownCitation) {
			return new FeedItem(type, id, on, staffId, person, unitId, unit, period, title, kindCode, measure, value,
					threshold, shownCitation);
		}
	}

	/** A rule-based kind decided for a period: how many were ranked, and the awards of the winners. */
	@Schema(name = "RecognitionDecision")
	public record Decision(long kindId, String kindCode, String period, int ranked, List<AwardView> winners,
			int added) {
	}

	/** A decision recorded for a kind and period: when, by whom, how many ranked and won. */
	public record DecisionRecord(long kindId, String period, Instant decidedAt, String decidedBy, int ranked,
			int winners) {
	}

	/** A place on a measure's leaderboard: the rank among {@code outOf}; {@code self} marks the reader's own. */
	public record MeasurePlace(int rank, int outOf, long staffId, String name, @Nullable String unitName,
			BigDecimal value, boolean self) {
	}

	/**
	 * A leaderboard of one measure of the metrics catalogue and period: the people of the selling job roles (of
	 * {@code unitId}'s subtree) ranked by the measure's value, ties sharing a rank; who is named follows the quotas'
	 * leaderboard setting.
	 */
	public record MeasureBoard(String period, String measure, @Nullable Long unitId, int ranked, boolean named,
			List<MeasurePlace> places) {
	}

	/** A person's recognition for their profile: their awards (not revoked) and their highest badges. */
	public record PersonRecognition(long staffId, List<AwardView> awards, List<BadgeView> badges) {
	}
}
