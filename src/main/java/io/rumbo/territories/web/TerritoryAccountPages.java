package io.rumbo.territories.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.customers.AccountsByPotential;
import io.rumbo.customers.PotentialClass;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.FrozenAccounts;
import io.rumbo.territories.CallNorms;
import io.rumbo.territories.TerritoryModels;

/**
 * The pages of the accounts' side of territories (decision 0041): the accounts excluded from realignment (a list
 * searched, filtered, sorted and paged in SQL, with exports; freeze and unfreeze with a reason) and the call norms by
 * potential class with the workload they make in the reader's units (directors and admins change them).
 */
@Controller
class TerritoryAccountPages {

	private final FrozenAccounts frozen;
	private final CallNorms norms;
	private final AccountsByPotential accounts;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final io.rumbo.identity.UserManagement users;

	TerritoryAccountPages(FrozenAccounts frozen, CallNorms norms, AccountsByPotential accounts,
			OrgDirectory org, DataScopes scopes, io.rumbo.identity.UserManagement users) {
		this.users = users;
		this.frozen = frozen;
		this.norms = norms;
		this.accounts = accounts;
		this.org = org;
		this.scopes = scopes;
	}

	record FrozenFilter(@Nullable String q, @Nullable PotentialClass potentialClass, @Nullable Long unitId) {

		FrozenAccounts.Filter criteria() {
			return new FrozenAccounts.Filter(q, potentialClass, unitId);
		}
	}

	// ---- frozen accounts

	@GetMapping(value = "/territories/frozen", params = "format")
	ResponseEntity<StreamingResponseBody> exportFrozen(CurrentUser user, @RequestParam String format,
			FrozenFilter filter, ListRequest list) {
		return TerritoryExports.frozen(ExportFormat.param(format), frozen, user, filter.criteria(),
				list.unpaged(FrozenAccounts.SORTS, "legalName"));
	}

	@GetMapping("/territories/frozen")
	String frozen(CurrentUser user, FrozenFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(FrozenAccounts.SORTS, "legalName", 25);
		PageResponse<io.rumbo.territories.FrozenAccount> results = frozen.list(user, filter.criteria(), query);
		model.addAttribute("classes", PotentialClass.values());
		model.addAttribute("unitOptions", ListPages.options(units(user), OrgDirectory.UnitNode::id,
				OrgDirectory.UnitNode::name));
		model.addAttribute("mayFreeze", TerritoryModels.mayCreate(user));
		// Who excluded each account, by display name (the list and the API keep the user name), in one query.
		Map<String, String> markers = new java.util.HashMap<>();
		users.byUsernames(results.content().stream().map(io.rumbo.territories.FrozenAccount::markedBy).toList())
			.forEach((key, view) -> markers.put(key, view.displayName()));
		model.addAttribute("markers", markers);
		return ListPages.render(request, model, "territories/frozen", filter, query, results);
	}

	@PostMapping("/territories/frozen")
	String freeze(CurrentUser user, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		frozen.freeze(user, customerId, reason);
		redirect.addFlashAttribute("flash", "territories.frozen.added");
		return "redirect:/territories/frozen";
	}

	@PostMapping("/territories/frozen/{customerId}/remove")
	String unfreeze(CurrentUser user, @PathVariable long customerId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		frozen.unfreeze(user, customerId, reason);
		redirect.addFlashAttribute("flash", "territories.frozen.removed");
		return "redirect:/territories/frozen";
	}

	// ---- call norms

	/** A class's norm with what it makes in the reader's units: accounts, hours a year per account and in total. */
	record NormRow(CallNorms.CallNorm norm, long accounts, BigDecimal hoursPerAccount, BigDecimal hours) {
	}

	@GetMapping("/territories/call-norms")
	String callNorms(CurrentUser user, Model model) {
		if (!TerritoryModels.mayReadModels(user)) {
			throw new AccessRefusedException("territories");
		}
		Map<PotentialClass, Long> counts = accounts.count(units(user).stream().map(u -> UnitId.of(u.id())).toList());
		List<NormRow> rows = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		long totalAccounts = 0;
		for (CallNorms.CallNorm norm : norms.list()) {
			long n = counts.getOrDefault(PotentialClass.valueOf(norm.potentialClass()), 0L);
			BigDecimal perAccount = BigDecimal.valueOf((long) norm.callsPerYear() * norm.callMinutes())
				.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
			BigDecimal hours = BigDecimal.valueOf((long) norm.callsPerYear() * norm.callMinutes() * n)
				.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP);
			rows.add(new NormRow(norm, n, perAccount, hours));
			total = total.add(hours);
			totalAccounts += n;
		}
		model.addAttribute("rows", rows);
		model.addAttribute("totalHours", total);
		model.addAttribute("totalAccounts", totalAccounts);
		model.addAttribute("mayChange", TerritoryModels.mayActivate(user));
		model.addAttribute("companyWide", user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER));
		return "territories/call-norms";
	}

	@PostMapping("/territories/call-norms/{potentialClass}")
	String changeCallNorm(CurrentUser user, @PathVariable String potentialClass, @RequestParam long version,
			@RequestParam(required = false) @Nullable Integer callsPerYear,
			@RequestParam(required = false) @Nullable Integer callMinutes, RedirectAttributes redirect) {
		norms.change(user, potentialClass, version, callsPerYear, callMinutes);
		redirect.addFlashAttribute("flash", "territories.norm.saved");
		return "redirect:/territories/call-norms";
	}

	/** The units the reader's lists and figures cover: all for directors, admins and viewers, a manager's own. */
	private List<OrgDirectory.UnitNode> units(CurrentUser user) {
		boolean wide = user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER);
		var scope = scopes.of(user);
		return org.unitTree().stream().filter(u -> wide || scope.managesUnit(u.id())).toList();
	}
}
