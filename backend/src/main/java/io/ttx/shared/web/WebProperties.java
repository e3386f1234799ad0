package io.ttx.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.util.Map;

/**
 * @param problemBase   prefix of every problem {@code type} (the code is appended)
 * @param maxBodySize   largest request body accepted by default (413 above, judged from Content-Length when present)
 * @param maxBodySizes  larger limits for specific path patterns (e.g. document uploads), pattern -> size
 */
@ConfigurationProperties("ttx.web")
public record WebProperties(URI problemBase, DataSize maxBodySize, Map<String, DataSize> maxBodySizes) {
    public WebProperties {
        if (problemBase == null) problemBase = URI.create("https://api.ttx.example/problems/");
        if (maxBodySize == null) maxBodySize = DataSize.ofMegabytes(1);
        if (maxBodySizes == null) maxBodySizes = Map.of();
    }
}
