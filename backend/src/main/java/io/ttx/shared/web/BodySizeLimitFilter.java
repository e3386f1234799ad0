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
 * Bounds every request body by the limit of its path (413 payload-too-large). A Content-Length above it is refused
 * before a byte is read, ahead of the security chain so a huge upload is not even buffered for authentication; the
 * bytes actually streamed are counted too ({@link CountedBody}), so a chunked body or one longer than announced fails
 * at the first buffer past the limit, and whoever reads it (codec, upload) stops there.
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
        long limit = limitFor(exchange).toBytes();
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The request body is larger than the " + limit / 1024 + " KB allowed here.");
        }
        return chain.filter(exchange.mutate().request(new CountedBody(exchange.getRequest(), limit)).build());
    }

    private DataSize limitFor(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        for (Map.Entry<PathPattern, DataSize> e : limits) {
            if (e.getKey().matches(path)) return e.getValue();
        }
        return defaultLimit;
    }
}
