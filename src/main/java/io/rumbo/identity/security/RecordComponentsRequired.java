package io.rumbo.identity.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Marks the components of response and request records as required unless they carry {@code @Nullable}, so the
 * OpenAPI document says which properties a client can rely on. Records are null-marked by convention: a component
 * that may be null says so, and {@code OpenApiContractScenarioTests} checks real answers against it.
 */
@Component
class RecordComponentsRequired implements ModelConverter {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (resolved == null) {
			return null;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (raw == null || !raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		if (resolved.get$ref() != null) {
			String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		List<String> required = new ArrayList<>();
		for (RecordComponent component : raw.getRecordComponents()) {
			boolean nullable = component.isAnnotationPresent(Nullable.class)
					|| component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			if (!nullable && model.getProperties().containsKey(component.getName())) {
				required.add(component.getName());
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
		return resolved;
	}
}
