package io.rumbo.reporting;

import java.util.List;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;

/**
 * Which home page a user gets and the panels on it, in the order shown. A user with several roles gets the page of
 * the broadest: director (or admin), then manager, then salesperson. Finance, people and viewers read the whole
 * company but approve nothing on it, so they get the director's figures without the approvals panel (decision 0029).
 */
public enum HomeKind {

	SALESPERSON(List.of("targets", "agenda", "tasks", "closing", "stale", "cases", "feed", "earnings")),
	MANAGER(List.of("team", "coverage", "forecast", "overdue", "evaluations", "approvals")),
	DIRECTOR(List.of("plan", "strategies", "objectives", "approvals")),
	COMPANY(List.of("plan", "strategies", "objectives"));

	private final List<String> panels;

	HomeKind(List<String> panels) {
		this.panels = panels;
	}

	/** The panels of this page, each with its own URL ({@code /home/panels/<name>}). */
	public List<String> panels() {
		return panels;
	}

	public boolean shows(String panel) {
		return panels.contains(panel);
	}

	public static HomeKind of(CurrentUser user) {
		if (user.hasAny(Role.DIRECTOR, Role.ADMIN)) {
			return DIRECTOR;
		}
		if (user.has(Role.MANAGER)) {
			return MANAGER;
		}
		if (user.hasAny(Role.FINANCE, Role.PEOPLE, Role.VIEWER)) {
			return COMPANY;
		}
		return SALESPERSON;
	}
}
