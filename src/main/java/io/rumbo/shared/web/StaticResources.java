package io.rumbo.shared.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files are served from their own folders only: {@code /css}, {@code /js}, {@code /img} and the WebJars, linked
 * by a content hash and kept by browsers for a year. Boot's default mapping of {@code /**} is switched off
 * ({@code spring.web.resources.add-mappings=false}): with it, every {@code @{...}} link of every page (a layout has
 * dozens, such as {@code /plans}) was looked up as a static file in every location of the class path on every request
 * before the link was written, and misses are not cached; that was most of a page's rendering time.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// Version-less WebJar links (/webjars/htmx.org/dist/htmx.min.js) find the jar's version, then get a hash.
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver())
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}
}
