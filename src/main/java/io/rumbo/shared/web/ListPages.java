package io.rumbo.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every list page puts in its model: the results, the query, and the URLs that keep the current filters
 * for sorting ({@code filterUrl}), paging ({@code pageUrl}) and the exports ({@code csvUrl}, {@code xlsxUrl}).
 */
public final class ListPages {

	private ListPages() {
	}

	/** The page's path with the filters that are set; {@code nameValuePairs} alternate names and values. */
	public static String filterUrl(String path, @Nullable Object... nameValuePairs) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
			Object value = nameValuePairs[i + 1];
			if (value == null || value.toString().isBlank() || Boolean.FALSE.equals(value)) {
				continue;
			}
			builder.queryParam(String.valueOf(nameValuePairs[i]), value);
		}
		return builder.encode().build().toUriString();
	}

	public static void addTo(Model model, String filterUrl, ListQuery query, PageResponse<?> results) {
		String sorted = filterUrl + (filterUrl.contains("?") ? "&" : "?") + "sort=" + query.sortParam();
		model.addAttribute("results", results);
		model.addAttribute("query", query);
		model.addAttribute("filterUrl", filterUrl);
		model.addAttribute("pageUrl", sorted);
		model.addAttribute("csvUrl", sorted + "&format=csv");
		model.addAttribute("xlsxUrl", sorted + "&format=xlsx");
	}
}
