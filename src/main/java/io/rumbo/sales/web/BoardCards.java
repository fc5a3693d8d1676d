package io.rumbo.sales.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;

/**
 * The board's cards as HTML, from the {@code card} fragment of {@code sales/pipeline.html} rendered once per
 * language and "movable" and kept with marks where a card's values go; each card is then its values, escaped,
 * written between the kept pieces. Evaluating the fragment per card (a fragment call and about a dozen expressions,
 * 60 cards) was most of what was left of the board's own rendering at 50 clients (JFR, docs/benchmarks.md). With
 * {@code spring.thymeleaf.cache=false} (templates edited live) nothing is kept.
 */
@Component
class BoardCards {

	private static final String OPEN = "\u00abcard:";
	private static final char CLOSE = '\u00bb';

	/** What the template may read of a card, by property name; the link and label values are written by the controller. */
	private static final Map<String, Function<BoardCard, String>> FIELDS = Map.of("id", c -> Long.toString(c.id()),
			"href", BoardCard::href, "moveHref", BoardCard::moveHref, "label", BoardCard::label, "title",
			BoardCard::title, "customer", BoardCard::customer, "amount", BoardCard::amount, "close", BoardCard::close,
			"owner", BoardCard::owner);

	/** The mark card: each property reads as its own mark. */
	record Marks(String id, String href, String moveHref, String label, String title, String customer, String amount,
			String close, String owner) {

		static Marks of() {
			return new Marks(mark("id"), mark("href"), mark("moveHref"), mark("label"), mark("title"), mark("customer"),
					mark("amount"), mark("close"), mark("owner"));
		}

		private static String mark(String name) {
			return OPEN + name + CLOSE;
		}
	}

	/** The kept card: literal pieces, and between each two the value of a field. */
	private record Pieces(List<String> literals, List<Function<BoardCard, String>> fields) {

		void write(BoardCard card, StringBuilder out) {
			for (int i = 0; i < fields.size(); i++) {
				out.append(literals.get(i));
				String value = fields.get(i).apply(card);
				out.append(value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8"));
			}
			out.append(literals.get(fields.size()));
		}
	}

	private record Key(Locale locale, boolean movable) {
	}

	private final ISpringTemplateEngine templates;
	private final MessageSource messages;
	private final boolean keep;
	private final Map<Key, Pieces> kept = new ConcurrentHashMap<>();

	BoardCards(ISpringTemplateEngine templates, MessageSource messages,
			@Value("${spring.thymeleaf.cache:true}") boolean keep) {
		this.templates = templates;
		this.messages = messages;
		this.keep = keep;
	}

	/** The cards of one column, in order; {@code movable}: they can be dragged and have a "move to" link. */
	String html(List<BoardCard> cards, boolean movable, Locale locale) {
		if (cards.isEmpty()) {
			return "";
		}
		Key key = new Key(locale, movable);
		Pieces pieces = keep ? kept.computeIfAbsent(key, this::render) : render(key);
		StringBuilder out = new StringBuilder(cards.size() * 900);
		for (BoardCard card : cards) {
			pieces.write(card, out);
		}
		return out.toString();
	}

	private Pieces render(Key key) {
		Context context = new Context(key.locale());
		context.setVariable("o", Marks.of());
		context.setVariable("movable", key.movable());
		context.setVariable("moveTo", messages.getMessage("sales.pipeline.moveTo", null, key.locale()));
		String html = templates.process("sales/pipeline", Set.of("card"), context);
		List<String> literals = new ArrayList<>();
		List<Function<BoardCard, String>> fields = new ArrayList<>();
		int from = 0;
		for (int at = html.indexOf(OPEN); at >= 0; at = html.indexOf(OPEN, from)) {
			int end = html.indexOf(CLOSE, at);
			Function<BoardCard, String> field = FIELDS.get(html.substring(at + OPEN.length(), end));
			if (field == null) {
				throw new IllegalStateException("Unknown card mark in sales/pipeline :: card: " + html.substring(at, end + 1));
			}
			literals.add(html.substring(from, at));
			fields.add(field);
			from = end + 1;
		}
		literals.add(html.substring(from));
		return new Pieces(List.copyOf(literals), List.copyOf(fields));
	}
}
