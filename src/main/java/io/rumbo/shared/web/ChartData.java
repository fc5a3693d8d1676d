package io.rumbo.shared.web;

import tools.jackson.databind.json.JsonMapper;

/** Chart data for a page's {@code <script type="application/json">} block, which static/js/charts.js draws. */
public final class ChartData {

	private ChartData() {
	}

	/** JSON that cannot close the script element it sits in (no raw {@code <}). */
	public static String json(JsonMapper mapper, Object data) {
		return mapper.writeValueAsString(data).replace("<", "\\u003c");
	}
}
