package io.rumbo.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON is read: a {@code null} inside a list or set is refused as an unreadable body (400) instead of reaching a
 * facade that expects elements; a missing or null field itself stays for Bean Validation to name. Map values are left
 * alone (audit states hold nulls).
 */
@Configuration(proxyBeanMethods = false)
class JsonRequests {

	@Bean
	JsonMapperBuilderCustomizer noNullElements() {
		JsonSetter.Value failOnNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
		return builder -> {
			for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
				builder.withConfigOverride(type, override -> override.setNullHandling(failOnNullElements));
			}
		};
	}
}
