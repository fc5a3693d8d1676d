package io.rumbo.people.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.ApprovalRules;
import io.rumbo.people.RequisitionApprover;
import io.rumbo.shared.web.ListQuery;

/** The page where directors say (and PEOPLE and managers read) who approves each unit's requisitions (decision 0040). */
@Controller
class ApprovalRulePageController {

	private final ApprovalRules rules;
	private final OrgDirectory org;

	private final UserNames userNames;

	ApprovalRulePageController(ApprovalRules rules, OrgDirectory org, UserNames userNames) {
		this.userNames = userNames;
		this.rules = rules;
		this.org = org;
	}

	@GetMapping("/people/approval-rules")
	String page(CurrentUser user, Model model) {
		var list = rules.list(user, ListQuery.of(0, ListQuery.MAX_SIZE, null, ApprovalRules.SORTS, "unit").unpaged())
			.content();
		model.addAttribute("rules", list);
		model.addAttribute("userNames", userNames.of(list.stream().map(ApprovalRules.RuleView::setBy).toList()));
		model.addAttribute("units", org.unitTree());
		model.addAttribute("approvers", RequisitionApprover.values());
		model.addAttribute("mayManage", ApprovalRules.mayManage(user));
		return "people/approval-rules";
	}

	@PostMapping("/people/approval-rules")
	String set(CurrentUser user, @RequestParam long unitId, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable RequisitionApprover approver,
			@RequestParam(required = false) @Nullable BigDecimal directorAbove, RedirectAttributes redirect) {
		ApprovalRules.RuleView saved = rules.set(user, unitId, version,
				new ApprovalRules.RuleDetails(approver, directorAbove));
		redirect.addFlashAttribute("flash", "people.approvalRule.saved");
		redirect.addFlashAttribute("flashArgs", new Object[] { saved.unitName() });
		return "redirect:/people/approval-rules";
	}

	@PostMapping("/people/approval-rules/{unitId}/remove")
	String remove(CurrentUser user, @PathVariable long unitId, RedirectAttributes redirect) {
		rules.remove(user, unitId);
		redirect.addFlashAttribute("flash", "people.approvalRule.removed");
		return "redirect:/people/approval-rules";
	}
}
