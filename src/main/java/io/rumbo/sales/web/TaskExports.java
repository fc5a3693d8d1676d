package io.rumbo.sales.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.sales.TaskManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the task list, streamed from one query, for the API and the page. */
final class TaskExports {

	private TaskExports() {
	}

	static ResponseEntity<StreamingResponseBody> tasks(ExportFormat format, TaskManagement tasks, CurrentUser actor,
			TaskManagement.Filter filter, ListQuery sorted) {
		return Exports.download(format, "tasks", List.of("id", "title", "assignee", "team", "unit", "customer", "dueOn",
				"assignedBy", "assignedOn", "completedOn", "completedBy", "overdue"),
				table -> tasks.each(actor, filter, sorted,
				t -> table.row(t.id(), t.title(), t.assigneeName(), t.teamTask(), t.unitName(),
						t.customerName(), t.dueOn(), t.assignedBy(), t.assignedOn(), t.completedOn(),
						t.completedBy(), t.overdue())));
	}
}
