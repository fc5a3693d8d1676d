package io.rumbo.organization.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rumbo.organization.PositionView;

/** Planned against filled headcount per unit, in the shape the page's ECharts bar chart reads. */
record HeadcountChart(List<String> units, List<Integer> planned, List<Integer> filled) {

	static HeadcountChart byUnit(List<PositionView> positions) {
		Map<String, int[]> totals = new LinkedHashMap<>();
		for (PositionView p : positions) {
			int[] t = totals.computeIfAbsent(p.unitName(), k -> new int[2]);
			t[0] += p.planned();
			t[1] += p.filled();
		}
		List<String> units = new ArrayList<>(totals.keySet());
		return new HeadcountChart(units, units.stream().map(u -> totals.get(u)[0]).toList(),
				units.stream().map(u -> totals.get(u)[1]).toList());
	}
}
