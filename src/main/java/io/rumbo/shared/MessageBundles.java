package io.rumbo.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The message bundles of every module, found on the classpath ({@code messages/<module>.properties}) so that a new
 * module brings its texts by adding its bundle files, without a central list to edit. Replaces Spring Boot's
 * {@code spring.messages.basename} with the same settings as the ones it had: UTF-8, no fallback to the system
 * locale (the English base bundle is the fallback), and a missing key is an error rather than the key itself.
 */
@Configuration(proxyBeanMethods = false)
public class MessageBundles {

	/** {@code catalog_es.properties} is the Spanish variant of {@code catalog}, not a bundle of its own. */
	private static final Pattern LOCALE_VARIANT = Pattern.compile(".+_[a-z]{2}(_[A-Z]{2})?\\.properties");

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(baseNames(new PathMatchingResourcePatternResolver()).toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	/** {@code messages/shared}, {@code messages/catalog}...: every base bundle on the classpath, sorted. */
	public static List<String> baseNames(ResourcePatternResolver resolver) {
		try {
			return Stream.of(resolver.getResources("classpath*:messages/*.properties"))
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.filter(name -> !LOCALE_VARIANT.matcher(name).matches())
				.map(name -> "messages/" + name.substring(0, name.length() - ".properties".length()))
				.distinct()
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the message bundles", ex);
		}
	}
}
