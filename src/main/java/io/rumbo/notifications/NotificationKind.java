package io.rumbo.notifications;

import java.util.Set;

import io.rumbo.identity.Role;

/**
 * What a notification is about, each with the channels it uses unless the user chose otherwise: everything goes to
 * the inbox; e-mail by default only for what asks the person to act (acknowledge, answer, approve), the weekly
 * digest, the at-risk alert and the forecast call due.
 */
public enum NotificationKind {

	TASK_ASSIGNED(true, false),
	TASK_DUE(true, false),
	QUOTA_PUBLISHED(true, true),
	QUOTA_REVISED(true, true),
	EVALUATION_CLOSED(true, true),
	CHECK_IN_DUE(true, false),
	GOAL_BEHIND(true, false),
	PLAN_SUBMITTED(true, true),
	PLAN_APPROVED(true, false),
	MILESTONE_REACHED(true, false),
	AWARD_GRANTED(true, false),
	STATEMENT_READY(true, true),
	DISPUTE_RAISED(true, false),
	DISPUTE_ANSWERED(true, true),
	WEEKLY_DIGEST(true, true),
	AT_RISK(true, true),
	FORECAST_DUE(true, true),
	FORECAST_SUBMITTED(true, false),
	SUCCESS_CASE_SHARED(true, false),
	REQUISITION_APPROVED(true, false);

	private final boolean inAppByDefault;
	private final boolean emailByDefault;

	NotificationKind(boolean inAppByDefault, boolean emailByDefault) {
		this.inAppByDefault = inAppByDefault;
		this.emailByDefault = emailByDefault;
	}

	public boolean inAppByDefault() {
		return inAppByDefault;
	}

	public boolean emailByDefault() {
		return emailByDefault;
	}

	/** The message key of the kind's name, title and body ({@code notifications.kind.taskAssigned.title}...). */
	public String key() {
		String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder key = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
		}
		return "notifications.kind." + key;
	}

	/**
	 * Whether a user with these roles can ever receive this kind, so the preferences offer only those: the alerts
	 * about a team (at-risk, a team member's forecast call, plans submitted for approval or approved) go to those who
	 * lead or approve, the forecast call due to salespeople, disputes raised to finance; the rest to anyone who is on
	 * staff, whatever their role.
	 */
	public boolean reaches(Set<Role> roles) {
		return switch (this) {
			case AT_RISK, FORECAST_SUBMITTED -> hasAny(roles, Role.MANAGER,
					Role.DIRECTOR, Role.ADMIN);
			case PLAN_SUBMITTED -> hasAny(roles, Role.DIRECTOR);
			case PLAN_APPROVED -> hasAny(roles, Role.MANAGER, Role.DIRECTOR,
					Role.ADMIN);
			case FORECAST_DUE -> hasAny(roles, Role.REP);
			case DISPUTE_RAISED -> hasAny(roles, Role.FINANCE);
			case REQUISITION_APPROVED -> hasAny(roles, Role.MANAGER, Role.PEOPLE, Role.DIRECTOR, Role.ADMIN);
			default -> true;
		};
	}

	private static boolean hasAny(Set<Role> roles, Role... any) {
		for (Role role : any) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
