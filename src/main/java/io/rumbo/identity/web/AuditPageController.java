package io.rumbo.identity.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

@Controller
class AuditPageController {

	private static final String NEWEST_FIRST = "occurredAt,desc";

	private final AuditTrail audit;

	AuditPageController(AuditTrail audit) {
		this.audit = audit;
	}

	/** The audit trail's filters, as its query string names them. */
	record ListFilter(@Nullable String actorName, @Nullable String entityType, @Nullable String entityId,
			@Nullable String action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

		AuditTrail.Filter criteria() {
			return new AuditTrail.Filter(actorName, entityType, entityId, action, from, to);
		}
	}

	@GetMapping(value = "/admin/audit", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestParam String format, ListFilter filter,
			ListRequest list) {
		return UserExports.audit(ExportFormat.param(format), audit, actor, filter.criteria(),
				List.of(list.sort() == null ? NEWEST_FIRST : list.sort()));
	}

	@GetMapping("/admin/audit")
	String search(CurrentUser actor, ListFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(AuditTrail.SORTS, NEWEST_FIRST, 50);
		model.addAttribute("entityTypes", ListPages.options(audit.knownEntityTypes(), type -> type, type -> type));
		model.addAttribute("actions", ListPages.options(audit.knownActions(), action -> action, action -> action));
		return ListPages.render(request, model, "identity/audit", filter, query,
				audit.search(actor, filter.criteria(), query));
	}
}
