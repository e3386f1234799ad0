package io.ttx.shared.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request line or headers over Netty's limits never reach Spring: Netty's decoder marks the request as failed and
 * reactor-netty answers a bare 414 or 431. This handler, placed right after the HTTP codec, answers them as problems
 * instead ({@code uri-too-long}, {@code headers-too-large}) and closes the connection.
 */
@Component
class OversizedRequests implements NettyServerCustomizer {
    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;

    OversizedRequests(WebProperties props, JsonMapper json) {
        String base = props.problemBase().toString().endsWith("/") ? props.problemBase().toString() : props.problemBase() + "/";
        this.uriTooLong = json.writeValueAsBytes(problem(base, HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long",
            "The request line is longer than the server accepts."));
        this.headersTooLarge = json.writeValueAsBytes(problem(base, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
            "The request headers are larger than the server accepts."));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "ttx.oversizedRequests", new Handler());
            }
        });
    }

    private static Map<String, Object> problem(String base, HttpResponseStatus status, String code, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", base + code);
        m.put("title", status.reasonPhrase());
        m.put("status", status.code());
        m.put("detail", detail);
        m.put("instance", "/");
        m.put("code", code);
        return m;
    }

    /** One per connection: after refusing a request it drops whatever the decoder still hands on, then closes. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                byte[] body = cause instanceof TooLongHttpLineException ? uriTooLong
                    : cause instanceof TooLongHttpHeaderException ? headersTooLarge : null;
                if (body != null) {
                    refused = true;
                    ReferenceCountUtil.release(msg);
                    HttpResponseStatus status = body == uriTooLong
                        ? HttpResponseStatus.REQUEST_URI_TOO_LONG : HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
