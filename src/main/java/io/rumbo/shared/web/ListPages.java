package io.rumbo.shared.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.lang.reflect.RecordComponent;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * What every list page puts in its model: the results, the filter, the query, and the URLs that keep the current
 * filters for sorting ({@code filterUrl}), paging ({@code pageUrl}) and the exports ({@code csvUrl}, {@code xlsxUrl}).
 * The template side is {@code fragments/list.html}; docs/architecture.md ("List pages") shows a whole list page.
 */
public final class ListPages {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private ListPages() {
	}

	/**
	 * Fills the model of a list page and answers its view: the whole template, or for an htmx request its
	 * {@code results} fragment.
	 *
	 * @param filter the page's filter record, bound from the query string; its components that are set become the
	 * query parameters of the sort, page and export links, and the template reads it as {@code ${filter}}
	 */
	public static String render(HttpServletRequest request, Model model, String template, Record filter,
			ListQuery query, PageResponse<?> results) {
		model.addAttribute("filter", filter);
		addTo(model, filterUrl(PATHS.getPathWithinApplication(request), filter), query, results);
		return Htmx.view(request, template, "results");
	}

	/** The page's path with the filter's components that are set, in the record's order, under their own names. */
	public static String filterUrl(String path, Record filter) {
		RecordComponent[] components = filter.getClass().getRecordComponents();
		Object[] pairs = new Object[components.length * 2];
		for (int i = 0; i < components.length; i++) {
			Method accessor = components[i].getAccessor();
			ReflectionUtils.makeAccessible(accessor);
			pairs[2 * i] = components[i].getName();
			pairs[2 * i + 1] = ReflectionUtils.invokeMethod(accessor, filter);
		}
		return filterUrl(path, pairs);
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

	/** Options of a filter's select ({@code fragments/list :: choice}): value to label, in the order given. */
	public static <T> Map<Object, String> options(Collection<T> items, Function<T, ?> value, Function<T, String> label) {
		Map<Object, String> options = new LinkedHashMap<>();
		items.forEach(item -> options.put(value.apply(item), label.apply(item)));
		return options;
	}

	public static void addTo(Model model, String filterUrl, ListQuery query, PageResponse<?> results) {
		String sorted = filterUrl + (filterUrl.contains("?") ? "&" : "?") + "sort=" + query.sortParam();
		model.addAttribute("results", results);
		model.addAttribute("query", query);
		model.addAttribute("filterUrl", filterUrl);
		// The pager keeps the page size, so ?size=100 holds on page 2.
		model.addAttribute("pageUrl", sorted + "&size=" + query.size());
		model.addAttribute("csvUrl", sorted + "&format=csv");
		model.addAttribute("xlsxUrl", sorted + "&format=xlsx");
	}
}
