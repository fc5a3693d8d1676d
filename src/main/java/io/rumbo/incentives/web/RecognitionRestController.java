package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardDecisions;
import io.rumbo.incentives.AwardId;
import io.rumbo.incentives.AwardKindId;
import io.rumbo.incentives.AwardKinds;
import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.AwardProposals;
import io.rumbo.incentives.Awards;
import io.rumbo.incentives.Badges;
import io.rumbo.incentives.MeasureLeaderboards;
import io.rumbo.incentives.ProposalStatus;
import io.rumbo.incentives.RecognitionFeed;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.BadgeView;
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.incentives.RecognitionViews.FeedItem;
import io.rumbo.incentives.RecognitionViews.MeasureBoard;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/recognition")
@Tag(name = "Recognition", description = "Awards, milestone badges, the team's feed and leaderboards per measure")
class RecognitionRestController {

	record KindRequest(@Nullable String code, @Nullable String nameEn, @Nullable String nameEs,
			@Nullable AwardBasis basis, @Nullable String measure, @Nullable AwardPeriodKind periodKind,
			@Nullable Long unitId, @Nullable BigDecimal minimum) {
	}

	@Schema(name = "RecognitionKindChange")
	record KindChangeRequest(@NotNull Long version, @Nullable String nameEn, @Nullable String nameEs,
			@Nullable AwardBasis basis, @Nullable String measure, @Nullable AwardPeriodKind periodKind,
			@Nullable Long unitId, @Nullable BigDecimal minimum) {
	}

	@Schema(name = "RecognitionKindVersion")
	record VersionRequest(@NotNull Long version) {
	}

	record DecideRequest(@Nullable String period) {
	}

	record GrantRequest(@Nullable Long staffId, @Nullable String kind, @Nullable String period,
			@Nullable String citation) {
	}

	record RevokeRequest(@NotNull Long version, @Nullable String reason) {
	}

	record AcceptRequest(@NotNull Long version, @Nullable String kind, @Nullable String period,
			@Nullable String citation) {
	}

	record DismissRequest(@NotNull Long version, @Nullable String note) {
	}

	private final Awards awards;
	private final AwardKinds kinds;
	private final AwardDecisions decisions;
	private final AwardProposals proposals;
	private final Badges badges;
	private final RecognitionFeed feed;
	private final MeasureLeaderboards boards;

	RecognitionRestController(Awards awards, AwardKinds kinds, AwardDecisions decisions, AwardProposals proposals,
			Badges badges, RecognitionFeed feed, MeasureLeaderboards boards) {
		this.awards = awards;
		this.kinds = kinds;
		this.decisions = decisions;
		this.proposals = proposals;
		this.badges = badges;
		this.feed = feed;
		this.boards = boards;
	}

	@GetMapping(value = "/feed", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportFeed(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return RecognitionExports.feed(ExportFormat.fromAccept(accept), feed, actor,
				new RecognitionFeed.Filter(type, kind, period, unitId, staffId),
				ListQuery.of(0, 1, sort, RecognitionFeed.SORTS, "on,desc").unpaged());
	}

	@GetMapping(value = "/feed", produces = "application/json")
	@Operation(summary = "The team's feed", description = "Awards (not revoked) and badges of the caller's scope "
			+ "(their own team's, their subtree's; everyone's for a director), newest first. Filters: type (award, "
			+ "badge), kind (an award kind's code), period (FY2026-Q2), unitId (a unit's subtree; 404 out of scope), "
			+ "staffId. Sort keys: on, person, period. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<FeedItem> feed(CurrentUser actor, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return feed.list(actor, new RecognitionFeed.Filter(type, kind, period, unitId, staffId),
				ListQuery.of(page, size, sort, RecognitionFeed.SORTS, "on,desc"));
	}

	@GetMapping("/award-kinds")
	@Operation(summary = "Award kinds", description = "Kinds decided by rule (MEASURE: the best value of a measure; "
			+ "ATTAINMENT: the best attainment of its quota) and kinds granted by hand (MANUAL).")
	List<AwardKindView> kinds() {
		return kinds.kinds();
	}

	@PostMapping("/award-kinds")
	@Operation(summary = "Define an award kind (director, administrator)")
	ResponseEntity<AwardKindView> defineKind(CurrentUser actor, @RequestBody KindRequest r) {
		AwardKindView created = kinds.defineKind(actor, new AwardKinds.KindDetails(r.code(), r.nameEn(), r.nameEs(),
				r.basis(), r.measure(), r.periodKind(), r.unitId(), r.minimum()));
		return ResponseEntity.created(URI.create("/api/v1/recognition/award-kinds/" + created.id())).body(created);
	}

	@GetMapping("/award-kinds/{id}")
	AwardKindView kind(@PathVariable long id) {
		return kinds.kind(AwardKindId.of(id));
	}

	@PutMapping("/award-kinds/{id}")
	@Operation(summary = "Change an award kind (director, administrator)", description = "Names, rule, subtree and "
			+ "minimum; the code never changes. Once awards or decisions refer to the kind, its basis, measure and period "
			+ "length stay (422 at the field). 409 when the version is stale.")
	AwardKindView updateKind(CurrentUser actor, @PathVariable long id, @Valid @RequestBody KindChangeRequest r) {
		return kinds.updateKind(actor, AwardKindId.of(id), r.version(), new AwardKinds.KindDetails(null, r.nameEn(),
				r.nameEs(), r.basis(), r.measure(), r.periodKind(), r.unitId(), r.minimum()));
	}

	@DeleteMapping("/award-kinds/{id}")
	@Operation(summary = "Take an award kind out of use (director, administrator)", description = "Deleted (204) when "
			+ "no award or decision refers to it; otherwise archived (200, the archived kind): no longer decided nor "
			+ "granted, its awards unchanged. 409 when the version is stale.")
	ResponseEntity<AwardKindView> retireKind(CurrentUser actor, @PathVariable long id, @RequestParam long version) {
		AwardKinds.Retired retired = kinds.retireKind(actor, AwardKindId.of(id), version);
		return retired == AwardKinds.Retired.DELETED ? ResponseEntity.noContent().build()
				: ResponseEntity.ok(kinds.kind(AwardKindId.of(id)));
	}

	@PostMapping("/award-kinds/{id}/restoration")
	@Operation(summary = "Bring an archived award kind back into use (director, administrator)")
	AwardKindView restoreKind(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest r) {
		return kinds.restoreKind(actor, AwardKindId.of(id), r.version());
	}

	@PostMapping("/award-kinds/{id}/decisions")
	@Operation(summary = "Decide a rule-based kind for a closed period (director, administrator)", description =
			"Ranks the whole population in one read and grants the best (ties share, the minimum must be reached); "
			+ "deciding again adds no award twice. 409 while the period is open.")
	Decision decide(CurrentUser actor, @PathVariable long id, @RequestBody DecideRequest request) {
		return decisions.decide(actor, AwardKindId.of(id), request.period() == null ? "" : request.period());
	}

	@GetMapping(value = "/awards", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> exportAwards(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Boolean revoked,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return RecognitionExports.awards(ExportFormat.fromAccept(accept), awards, actor,
				new Awards.Filter(staffId, kind, period, unitId, Boolean.TRUE.equals(revoked)),
				ListQuery.of(0, 1, sort, Awards.SORTS, "grantedAt,desc").unpaged());
	}

	@GetMapping(value = "/awards", produces = "application/json")
	@Operation(summary = "List awards", description = "Awards of the caller's scope. Filters: staffId, kind, period, "
			+ "unitId, revoked (true to include revoked awards). Sort keys: grantedAt, period, kind, value.")
	PageResponse<AwardView> awards(CurrentUser actor, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Boolean revoked,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return awards.list(actor, new Awards.Filter(staffId, kind, period, unitId, Boolean.TRUE.equals(revoked)),
				ListQuery.of(page, size, sort, Awards.SORTS, "grantedAt,desc"));
	}

	@GetMapping("/awards/{id}")
	AwardView award(CurrentUser actor, @PathVariable long id) {
		return awards.get(actor, AwardId.of(id));
	}

	@PostMapping("/awards")
	@Operation(summary = "Grant an award by hand", description = "A kind granted by hand (MANUAL) for a period of its "
			+ "kind, with a citation: a manager for the people of their subtree (not themselves), a director or an "
			+ "administrator for anyone; 403 otherwise, 404 for a person out of scope, 409 when the person already "
			+ "holds it for the period. Announces AwardGranted.")
	ResponseEntity<AwardView> grant(CurrentUser actor, @RequestBody GrantRequest r) {
		return created(awards.grant(actor, new Awards.GrantDetails(r.staffId(), r.kind(), r.period(), r.citation())));
	}

	@PostMapping("/awards/{id}/revocation")
	@Operation(summary = "Revoke an award, with a reason", description = "The record stays, marked revoked (409 when "
			+ "stale or already revoked). Announces AwardRevoked.")
	AwardView revoke(CurrentUser actor, @PathVariable long id, @Valid @RequestBody RevokeRequest r) {
		return awards.revoke(actor, AwardId.of(id), r.version(), r.reason());
	}

	@GetMapping("/proposals")
	@Operation(summary = "Evaluation nominations waiting to become awards", description = "For managers (their "
			+ "subtree's), directors and administrators; empty for anyone else. Filter: status.")
	PageResponse<ProposalView> proposals(CurrentUser actor,
			@RequestParam(required = false) @Nullable ProposalStatus status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return proposals.list(actor, status, ListQuery.of(page, size, sort, AwardProposals.SORTS, "nominatedAt,desc"));
	}

	@PostMapping("/proposals/{id}/award")
	@Operation(summary = "Turn a proposal into an award (a kind granted by hand, a period, a citation)")
	ResponseEntity<AwardView> accept(CurrentUser actor, @PathVariable long id, @Valid @RequestBody AcceptRequest r) {
		return created(proposals.accept(actor, id, r.version(), new Awards.GrantDetails(null, r.kind(), r.period(),
				r.citation())));
	}

	/** A granted award's answer, by hand or from a nomination: 201 with where to read it. */
	private static ResponseEntity<AwardView> created(AwardView granted) {
		return ResponseEntity.created(URI.create("/api/v1/recognition/awards/" + granted.id())).body(granted);
	}

	@PostMapping("/proposals/{id}/dismissal")
	@Operation(summary = "Dismiss a proposal, with a note")
	ProposalView dismiss(CurrentUser actor, @PathVariable long id, @Valid @RequestBody DismissRequest r) {
		return proposals.dismiss(actor, id, r.version(), r.note());
	}

	@GetMapping("/badges")
	@Operation(summary = "Milestone badges", description = "Badges of the caller's scope (their team's, their "
			+ "subtree's). Filters: staffId, measure, period, threshold (50, 90, 100, 120). Sort keys: earnedOn, "
			+ "threshold, period, attainment.")
	PageResponse<BadgeView> badges(CurrentUser actor, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Integer threshold,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return badges.list(actor, new Badges.Filter(staffId, measure, period, threshold),
				ListQuery.of(page, size, sort, Badges.SORTS, "earnedOn,desc"));
	}

	@PostMapping("/badges/rebuild")
	@Operation(summary = "Check every badge of this fiscal year and the last again (director, administrator)")
	Badges.CheckReport rebuild(CurrentUser actor) {
		if (!AwardKinds.mayDefine(actor)) {
			throw new AccessRefusedException("incentives.recognition.badges.rebuild");
		}
		return badges.rebuild();
	}

	@GetMapping("/leaderboards/{measure}")
	@Operation(summary = "Leaderboard of a measure of the metrics catalogue", description = "The people who sell (of "
			+ "unitId's subtree) ranked by the measure's value in the period (default: this quarter), ties sharing a "
			+ "rank; names as the quotas' leaderboard setting says. For attainment of quota, see "
			+ "/api/v1/attainment/leaderboard.")
	MeasureBoard board(CurrentUser actor, @PathVariable String measure,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long unitId) {
		Metric metric = Metric.ofCode(measure).orElseThrow(() -> new NotFoundException("measure", measure));
		return boards.board(actor, period, metric, unitId);
	}
}
