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

import io.rumbo.identity.AuditEntry;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Htmx;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

@Controller
class AuditPageController {

	private final AuditTrail audit;

	AuditPageController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping(value = "/admin/audit", params = "format")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestParam String format,
			@RequestParam(required = false) @Nullable String actorName,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String sort) {
		return UserExports.audit(ExportFormat.param(format), audit, actor,
				new AuditTrail.Filter(actorName, entityType, entityId, action, from, to),
				sort == null ? List.of("occurredAt,desc") : List.of(sort));
	}

	@GetMapping("/admin/audit")
	String search(CurrentUser actor, @RequestParam(required = false) @Nullable String actorName,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable String sort,
			HttpServletRequest request, Model model) {
		AuditTrail.Filter filter = new AuditTrail.Filter(actorName, entityType, entityId, action, from, to);
		List<String> sorts = sort == null ? List.of("occurredAt,desc") : List.of(sort);
		ListQuery query = ListQuery.of(page, 50, sorts, AuditTrail.SORTS, "occurredAt");
		PageResponse<AuditEntry> results = audit.search(actor, filter, query);
		ListPages.addTo(model, ListPages.filterUrl("/admin/audit", "actorName", actorName, "entityType", entityType,
				"entityId", entityId, "action", action, "from", from, "to", to), query, results);
		model.addAttribute("filter", filter);
		model.addAttribute("entityTypes", audit.knownEntityTypes());
		model.addAttribute("actions", audit.knownActions());
		return Htmx.view(request, "identity/audit", "results");
	}
}
