package io.ttx.shared.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.util.concurrent.TimeUnit;

/**
 * Closes the connection of a client that starts a request body and then sends nothing for
 * {@code ttx.web.read-idle-timeout}, so a stalled upload cannot hold a connection, part buffers and an upload thread.
 * The clock runs only while the server asks for more of a body (Netty's {@code read}) and nothing arrives: a body the
 * server is not reading yet (an upload waiting for S3 applies backpressure) or a client waiting for a slow answer is
 * never cut. Connections idle between requests are closed by Boot's {@code server.netty.idle-timeout}.
 */
@Component
class SlowClients implements NettyServerCustomizer {
    private final long timeoutNanos;

    SlowClients(WebProperties props) {
        this.timeoutNanos = props.readIdleTimeout().toNanos();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "ttx.slowClients", new StalledBody(timeoutNanos));
            }
        });
    }

    /** One per connection: between a request's head and its last content, a read asked for must be answered in time. */
    static final class StalledBody extends ChannelDuplexHandler {
        private final long timeoutNanos;
        private boolean inBody;
        private ScheduledFuture<?> deadline;

        StalledBody(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void read(ChannelHandlerContext ctx) {
            if (inBody && deadline == null) {
                deadline = ctx.executor().schedule((Runnable) ctx::close, timeoutNanos, TimeUnit.NANOSECONDS);
            }
            ctx.read();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            cancel();
            if (msg instanceof HttpRequest) inBody = true;
            if (msg instanceof LastHttpContent) inBody = false;
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancel();
        }

        private void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
