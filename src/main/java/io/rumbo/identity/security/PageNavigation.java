package io.rumbo.identity.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import io.rumbo.shared.web.Formats;

/**
 * The pages' top navigation ({@code layout/shell :: topnav(step)}), rendered from {@code layout/nav.html} once per
 * page step, language and role set and then kept: every page used to evaluate its ~60 messages, ~55 links, 14 role
 * checks (each looking up the security expression handler and parsing its expression) and the active-step
 * conditions anew, a third of a simple page's rendering (JFR, docs/benchmarks.md). What differs per request, the
 * user's name, the sign-out form's CSRF token and the search box's text, is written into the kept HTML as marks and
 * replaced, escaped, for each request. With {@code spring.thymeleaf.cache=false} (templates edited live) nothing is
 * kept.
 */
@Component("pageNavigation")
public class PageNavigation {

	static final String NAME = "\u00abrumbo-nav-name\u00bb";
	static final String CSRF = "\u00abrumbo-nav-csrf\u00bb";
	static final String SEARCH = "\u00abrumbo-nav-search\u00bb";

	/** Steps are the templates' literals; languages and role sets are few. A bound all the same, in case. */
	private static final int MAX_KEPT = 500;

	private final ISpringTemplateEngine templates;
	private final ApplicationContext context;
	private final Formats fmt;
	private final boolean keep;
	private final Map<Key, Marked> kept = new ConcurrentHashMap<>();

	PageNavigation(ISpringTemplateEngine templates, ApplicationContext context, Formats fmt,
			@Value("${spring.thymeleaf.cache:true}") boolean keep) {
		this.templates = templates;
		this.context = context;
		this.fmt = fmt;
		this.keep = keep;
	}

	private record Key(String step, Locale locale, boolean signedIn, Set<String> authorities) {
	}

	/** The navigation's HTML for this request; {@code q} is the search box's text, shown on the search page. */
	public String html(@Nullable String step, @Nullable Object q) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		Set<String> authorities = new TreeSet<>();
		if (signedIn) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				authorities.add(authority.getAuthority());
			}
		}
		Key key = new Key(step == null ? "" : step, RequestContextUtils.getLocale(request), signedIn,
				Set.copyOf(authorities));
		Marked html = keep ? kept.get(key) : null;
		if (html == null) {
			html = Marked.of(render(key, request, attributes.getResponse()));
			if (keep) {
				if (kept.size() >= MAX_KEPT) {
					kept.clear();
				}
				kept.put(key, html);
			}
		}
		return html.fill(escape(displayName(authentication)), csrfField(request),
				q == null ? "" : escape(String.valueOf(q)));
	}

	/**
	 * The kept HTML cut at its marks once, so that each request joins the pieces with its values in one pass instead
	 * of searching the whole navigation for each mark.
	 */
	private record Marked(String[] pieces, int[] marks, int length) {

		private static final String[] MARKS = { NAME, CSRF, SEARCH };

		static Marked of(String html) {
			List<String> pieces = new ArrayList<>();
			List<Integer> marks = new ArrayList<>();
			int from = 0;
			while (true) {
				int at = -1;
				int mark = -1;
				for (int m = 0; m < MARKS.length; m++) {
					int found = html.indexOf(MARKS[m], from);
					if (found >= 0 && (at < 0 || found < at)) {
						at = found;
						mark = m;
					}
				}
				if (at < 0) {
					break;
				}
				pieces.add(html.substring(from, at));
				marks.add(mark);
				from = at + MARKS[mark].length();
			}
			pieces.add(html.substring(from));
			return new Marked(pieces.toArray(String[]::new), marks.stream().mapToInt(Integer::intValue).toArray(),
					html.length());
		}

		String fill(String... values) {
			StringBuilder out = new StringBuilder(length + 256);
			for (int i = 0; i < marks.length; i++) {
				out.append(pieces[i]).append(values[marks[i]]);
			}
			return out.append(pieces[pieces.length - 1]).toString();
		}
	}

	private String render(Key key, HttpServletRequest request, @Nullable HttpServletResponse response) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		variables.put("step", key.step());
		variables.put("lang", fmt.lang());
		variables.put("signedIn", key.signedIn());
		variables.put("roles", new Roles(key.authorities()));
		variables.put("nameMark", NAME);
		variables.put("csrfMark", CSRF);
		variables.put("searchMark", SEARCH);
		// A web context keeps its variables as request attributes: render on a request of its own attributes, so that
		// the navigation's variables do not replace the page's (its model is request attributes too).
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(new OwnAttributes(request), response);
		return templates.process("layout/nav", Set.of("topnav"), new WebContext(exchange, key.locale(), variables));
	}

	/** As Thymeleaf escapes text: markup characters only, the rest stays UTF-8. */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String displayName(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof RumboPrincipal principal
				? principal.user().displayName() : "";
	}

	/** What {@code th:action} adds to a posting form: the request's (masked) CSRF token as a hidden field. */
	private static String csrfField(HttpServletRequest request) {
		if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
			return "";
		}
		return "<input type=\"hidden\" name=\"" + escape(token.getParameterName()) + "\" value=\""
				+ escape(token.getToken()) + "\">";
	}

	/** The request with attributes of its own, empty at first. */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(attributes.keySet());
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			if (value == null) {
				attributes.remove(name);
			}
			else {
				attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}
	}

	/** The role checks of the navigation, as Spring Security's {@code hasAnyRole} answers them. */
	public record Roles(Set<String> authorities) {

		public boolean any(String... roles) {
			for (String role : roles) {
				if (authorities.contains("ROLE_" + role)) {
					return true;
				}
			}
			return false;
		}
	}
}
