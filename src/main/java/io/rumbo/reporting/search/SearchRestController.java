package io.rumbo.reporting.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.search.SearchHit;
import io.rumbo.shared.web.LocaleSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Search", description = "One search over customers, contacts, opportunities, orders, cases, people, units,"
		+ " products and lessons, within the caller's data scope")
class SearchRestController {

	@Schema(name = "ReportingSearchHit", description = "One record found; href is its page in the web application")
	record HitResponse(long id, String title, @Nullable String detail, String href) {

		static HitResponse of(SearchHit hit) {
			return new HitResponse(hit.id(), hit.title(), hit.detail(), hit.href());
		}
	}

	@Schema(name = "ReportingSearchGroup", description = "The first hits of one kind (limit of them) and whether more"
			+ " exist; a group is present only when it has hits")
	record GroupResponse(@Schema(allowableValues = { "customers", "contacts", "opportunities", "orders", "cases",
			"people", "units", "products", "lessons" }) String kind, List<HitResponse> content, boolean more) {
	}

	@Schema(name = "ReportingSearchResult", description = "What a query found, grouped by kind. tooShort: the query"
			+ " has no word of three characters and nothing was searched")
	record ResultResponse(String query, boolean tooShort, List<GroupResponse> groups) {
	}

	private final GlobalSearch search;

	SearchRestController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping(value = "/api/v1/search", produces = "application/json")
	@Operation(summary = "Search everything", description = "Accent- and case-insensitive, word order free: every word"
			+ " of q must appear in a record's name, number, tax id or e-mail. kinds: comma-separated subset of"
			+ " customers, contacts, opportunities, orders, cases, people, units, products, lessons (all when absent);"
			+ " limit: hits per kind, 1 to 20 (default 5). Products are named in the request's language.")
	ResultResponse search(CurrentUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable String kinds,
			@RequestParam(defaultValue = "" + GlobalSearch.DEFAULT_LIMIT) int limit) {
		if (limit < 1 || limit > GlobalSearch.MAX_LIMIT) {
			throw ValidationFailedException.of("limit", "shared.validation.size", GlobalSearch.MAX_LIMIT);
		}
		GlobalSearch.Result result = search.search(user, q, kinds(kinds), limit,
				LocaleSupport.supported(LocaleContextHolder.getLocale()).getLanguage());
		List<GroupResponse> groups = new ArrayList<>();
		for (GlobalSearch.Group group : result.groups()) {
			groups.add(new GroupResponse(group.kind().code(),
					group.hits().hits().stream().map(HitResponse::of).toList(), group.hits().more()));
		}
		return new ResultResponse(result.query(), result.tooShort(), groups);
	}

	static Set<GlobalSearch.Kind> kinds(@Nullable String kinds) {
		Set<GlobalSearch.Kind> chosen = new LinkedHashSet<>();
		if (kinds != null) {
			for (String code : kinds.split(",")) {
				if (code.isBlank()) {
					continue;
				}
				GlobalSearch.Kind kind = GlobalSearch.Kind.of(code);
				if (kind == null) {
					throw ValidationFailedException.of("kinds", "reporting.search.unknownKind", code.trim());
				}
				chosen.add(kind);
			}
		}
		return chosen;
	}
}
