package io.rumbo.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** One URL per view: the whole page, or for an htmx request the named fragment of the same template. */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
	}

	public static String view(HttpServletRequest request, String template, String fragment) {
		return isHtmx(request) ? template + " :: " + fragment : template;
	}
}
