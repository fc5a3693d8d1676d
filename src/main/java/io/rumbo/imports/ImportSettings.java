package io.rumbo.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the imports. {@code maxUploadSize} bounds every upload (multipart and raw body); the upload is spooled
 * to a temporary file, so it bounds disk, not memory. {@code maxRows} bounds the kinds whose importer asks for the
 * whole file at once ({@link ImportRows#rows()}); kinds that read the file in chunks are not limited by it.
 */
@ConfigurationProperties("rumbo.imports")
public record ImportSettings(@DefaultValue("512MB") DataSize maxUploadSize, @DefaultValue("200000") int maxRows) {
}
