package io.rumbo.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language follows the remembered choice (a cookie, also set from the user's profile at sign-in),
 * else the browser's Accept-Language, limited to the languages Rumbo ships: Spanish and English.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleSupport implements WebMvcConfigurer {

	public static final String COOKIE = "rumbo-lang";
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new AddressFirstLocaleResolver();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleSupport::fromBrowser);
		return resolver;
	}

	static Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match == null ? Locale.ENGLISH : match;
		}
		catch (IllegalArgumentException ex) {
			return Locale.ENGLISH;
		}
	}

	/**
	 * The language asked for in the address ({@code ?lang=}) before the remembered one. The interceptor below also
	 * remembers it, but it runs only for requests a handler answers: an address nothing answers goes straight to the
	 * error page, which must still speak the language the address asked for.
	 */
	static final class AddressFirstLocaleResolver extends CookieLocaleResolver {

		AddressFirstLocaleResolver() {
			super(COOKIE);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale asked = asked(request);
			return asked != null ? asked : super.resolveLocale(request);
		}

		@Override
		public org.springframework.context.i18n.LocaleContext resolveLocaleContext(HttpServletRequest request) {
			Locale asked = asked(request);
			org.springframework.context.i18n.LocaleContext remembered = super.resolveLocaleContext(request);
			return asked == null ? remembered : new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(
					asked, remembered instanceof org.springframework.context.i18n.TimeZoneAwareLocaleContext zoned
							? zoned.getTimeZone() : null);
		}

		/**
		 * Read from the query string only: {@code getParameter} would parse a form or multipart body, and an upload
		 * over the limit must reach the import's own error handling first.
		 */
		private static @org.jspecify.annotations.Nullable Locale asked(HttpServletRequest request) {
			String query = request.getQueryString();
			if (query == null || !query.contains("lang=")) {
				return null;
			}
			String lang = null;
			for (String pair : query.split("&")) {
				if (pair.startsWith("lang=")) {
					lang = java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
				}
			}
			if (lang == null || lang.isBlank()) {
				return null;
			}
			Locale wanted = Locale.forLanguageTag(lang.trim().replace('_', '-'));
			return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(null);
		}
	}

	/** Reduces any locale to one Rumbo ships. */
	public static Locale supported(Locale locale) {
		return locale != null && "es".equals(locale.getLanguage()) ? SUPPORTED.get(1) : Locale.ENGLISH;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}
}
