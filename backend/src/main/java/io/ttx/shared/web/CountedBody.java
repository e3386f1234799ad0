package io.ttx.shared.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * A request whose body counts the bytes as they stream in and fails with {@link TooLarge} at the first buffer past the
 * limit, whatever the Content-Length said (or without one: chunked). The failure travels to whoever reads the body
 * (a codec, an upload streaming to storage), which stops there; both error handlers answer 413 payload-too-large.
 */
final class CountedBody extends ServerHttpRequestDecorator {
    /** The body passed its limit; a {@link DataBufferLimitException}, so codecs and handlers treat it as one. */
    static final class TooLarge extends DataBufferLimitException {
        TooLarge(long limit) {
            super("The request body is larger than the " + limit / 1024 + " KB allowed here.");
        }
    }

    private final long limit;

    CountedBody(ServerHttpRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> {
            long[] seen = {0};
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new TooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
