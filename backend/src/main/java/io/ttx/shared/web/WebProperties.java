package io.ttx.shared.web;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * @param problemBase     prefix of every problem {@code type} (the code is appended)
 * @param maxBodySize     largest request body accepted by default (413 above: from Content-Length, and counted as it streams)
 * @param maxBodySizes    other limits for specific path patterns (e.g. document uploads), pattern -> size
 * @param readIdleTimeout longest pause between two reads of a request's body before the connection is closed
 */
@Validated
@ConfigurationProperties("ttx.web")
public record WebProperties(URI problemBase, DataSize maxBodySize, Map<String, DataSize> maxBodySizes,
                            @DurationMin(millis = 1) Duration readIdleTimeout) {
    public WebProperties {
        if (problemBase == null) problemBase = URI.create("https://api.ttx.example/problems/");
        if (maxBodySize == null) maxBodySize = DataSize.ofMegabytes(1);
        if (maxBodySizes == null) maxBodySizes = Map.of();
        if (readIdleTimeout == null) readIdleTimeout = Duration.ofSeconds(30);
    }

    @AssertTrue(message = "problemBase must be an absolute URI")
    boolean isProblemBaseAbsolute() {
        return problemBase.isAbsolute();
    }

    @AssertTrue(message = "maxBodySize and every maxBodySizes entry must be positive")
    boolean isEveryLimitPositive() {
        return maxBodySize.toBytes() > 0 && maxBodySizes.values().stream().allMatch(s -> s.toBytes() > 0);
    }
}
