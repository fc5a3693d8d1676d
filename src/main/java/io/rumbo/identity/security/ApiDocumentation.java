package io.rumbo.identity.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rumbo.identity.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document: bearer-token authentication, and the signed-in user kept out of the parameters. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		// Controllers receive the signed-in user from the token, not from the request.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	@Bean
	OpenAPI rumboOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Rumbo API")
				.version("v1")
				.description("Sales management: organisation, people and access. Errors are RFC 9457 problem details; "
						+ "lists take page, size and sort and answer CSV with Accept: text/csv."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("rmb_ token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
