package io.rumbo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RumboApplication {

	public static void main(String[] args) {
		SpringApplication.run(RumboApplication.class, args);
	}
}
