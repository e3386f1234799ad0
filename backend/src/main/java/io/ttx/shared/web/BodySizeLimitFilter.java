package io.ttx.shared.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a body larger than the limit from its Content-Length before a byte is read (413), ahead of the security
 * chain so a huge upload is not even buffered for authentication. Bodies without a length are bounded by the codec
 * limit ({@code spring.http.codecs.max-in-memory-size}) or by the streaming consumer.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {
    private final ProblemWriter writer;
    private final DataSize defaultLimit;
    private final List<Map.Entry<PathPattern, DataSize>> limits;

    BodySizeLimitFilter(ProblemWriter writer, WebProperties props, ObjectProvider<BodySizeLimit> contributed) {
        this.writer = writer;
        this.defaultLimit = props.maxBodySize();
        ArrayList<Map.Entry<PathPattern, DataSize>> all = new ArrayList<>();
        props.maxBodySizes().forEach((k, v) -> all.add(Map.entry(PathPatternParser.defaultInstance.parse(k), v)));
        contributed.orderedStream().forEach(l -> all.add(Map.entry(PathPatternParser.defaultInstance.parse(l.pathPattern()), l.limit())));
        this.limits = List.copyOf(all);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limitFor(exchange).toBytes()) {
            return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The request body is larger than the " + limitFor(exchange).toKilobytes() + " KB allowed here.");
        }
        return chain.filter(exchange);
    }

    private DataSize limitFor(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        for (Map.Entry<PathPattern, DataSize> e : limits) {
            if (e.getKey().matches(path)) return e.getValue();
        }
        return defaultLimit;
    }
}
