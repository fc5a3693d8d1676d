package io.rumbo.shared.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every answer is held in a buffer of {@link #SIZE} before the first byte leaves, instead of Tomcat's 8 KB. A page
 * (written whole by Thymeleaf, {@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}) then
 * goes out in one piece with its length. Under 8 KB, writing the page committed the answer half-way, and Spring
 * Session, which saves the session when an answer is committed, forgot the session it had read and read it from the
 * database a second time at the end of every request (a transaction and a deserialised security context). Streams
 * (exports) still flush as they go. Bounded: one buffer per busy request thread, reused by Tomcat.
 */
@Configuration(proxyBeanMethods = false)
class PageBuffer {

	static final int SIZE = 128 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pageBufferFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setBufferSize(SIZE);
						chain.doFilter(request, response);
					}
				});
		// Before Spring Session's filter, which reads the buffer's size to know when the answer is committed.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}
}
