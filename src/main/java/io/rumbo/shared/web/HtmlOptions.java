package io.rumbo.shared.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code <option>}s of a long select (every salesperson in the reader's scope), written in one pass with their
 * values and labels escaped as Thymeleaf escapes text. A template loop evaluates three expressions per option; on the
 * pipeline board the owner filter's options were half of the page's expressions (docs/benchmarks.md). The template
 * writes the result with {@code th:utext} inside its {@code <select>}, after any fixed option such as "All".
 */
public final class HtmlOptions {

	private HtmlOptions() {
	}

	public static <T> String of(List<T> items, Function<T, ?> value, Function<T, String> label,
			@Nullable Object selected) {
		String chosen = selected == null ? null : String.valueOf(selected);
		StringBuilder html = new StringBuilder(items.size() * 48);
		for (T item : items) {
			String itemValue = String.valueOf(value.apply(item));
			html.append("<option value=\"").append(escape(itemValue)).append('"');
			if (Objects.equals(itemValue, chosen)) {
				html.append(" selected=\"selected\"");
			}
			html.append('>').append(escape(label.apply(item))).append("</option>");
		}
		return html.toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
