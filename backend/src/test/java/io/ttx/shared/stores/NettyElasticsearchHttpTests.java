package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ttx.shared.web.Failures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The Elasticsearch client over {@link NettyElasticsearchHttp}, as {@link ElasticsearchClients} builds it, against
 * WireMock nodes: what the low-level client did for us (round robin, nodes left out after a failure, a request that
 * could not connect or got 502/503/504 tried on the next node, credentials) and how requests go out.
 */
class NettyElasticsearchHttpTests {
    private final List<WireMockServer> nodes = new ArrayList<>();
    private ElasticsearchAsyncClient es;

    @AfterEach
    void stop() throws Exception {
        if (es != null) es.close();
        nodes.forEach(WireMockServer::stop);
    }

    @Test
    void requestsGoRoundRobinToEveryNode() throws Exception {
        WireMockServer a = node(0), b = node(0);
        es = client(null, a, b);
        for (int i = 0; i < 6; i++) assertThat(exists()).isTrue();
        assertThat(requests(a)).isEqualTo(3);
        assertThat(requests(b)).isEqualTo(3);
    }

    @Test
    void aNodeThatRefusesConnectionsIsLeftOutAndTheRequestGoesToTheNextNode() throws Exception {
        WireMockServer a = node(0), b = node(0);
        int port = a.port();
        es = client(null, a, b);
        a.stop();
        for (int i = 0; i < 4; i++) assertThat(exists()).as("request %d", i).isTrue();
        assertThat(requests(b)).isEqualTo(4);
        // back up, but left out for a minute: no request goes there
        WireMockServer again = node(port);
        for (int i = 0; i < 4; i++) assertThat(exists()).isTrue();
        assertThat(requests(again)).isZero();
        assertThat(requests(b)).isEqualTo(8);
    }

    @Test
    void aNodeAnswering503IsLeftOutAndTheRequestGoesToTheNextNode() throws Exception {
        WireMockServer a = node(0), b = node(0);
        a.stubFor(head(urlPathEqualTo("/probe")).willReturn(aResponse().withStatus(503)));
        es = client(null, a, b);
        for (int i = 0; i < 4; i++) assertThat(exists()).as("request %d", i).isTrue();
        assertThat(requests(a)).as("asked once, then left out").isEqualTo(1);
        assertThat(requests(b)).isEqualTo(4);
    }

    @Test
    void withEveryNodeLeftOutTheOneDueBackFirstIsStillTried() throws Exception {
        WireMockServer a = node(0);
        int port = a.port();
        es = client(null, a);
        a.stop();
        Throwable down = catchThrowable(this::exists);
        assertThat(down).isInstanceOf(ElasticsearchUnreachable.class).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(Failures.storeUnavailable(down)).as("a store outage: %s", down).isTrue();
        WireMockServer again = node(port);
        assertThat(exists()).as("the only node is tried although it failed a moment ago").isTrue();
        assertThat(requests(again)).isEqualTo(1);
    }

    @Test
    void bodiesGoWholeWithTheirLengthAndTheCredentials() throws Exception {
        WireMockServer a = node(0);
        a.stubFor(post(urlPathEqualTo("/_msearch")).willReturn(aResponse().withStatus(200).withHeader("X-Elastic-Product", "Elasticsearch")
            .withHeader("Content-Type", "application/json").withBody("{\"took\":1,\"responses\":[]}")));
        es = client("a2V5", a);
        MsearchResponse<Void> r = es.msearch(m -> m.searches(s -> s.header(h -> h.index("achievements")).body(b -> b.size(0)))
            .searches(s -> s.header(h -> h.index("demands")).body(b -> b.size(0))), Void.class).get(10, TimeUnit.SECONDS);
        assertThat(r.took()).isEqualTo(1);
        LoggedRequest sent = a.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(sent.getUrl()).isEqualTo("/_msearch?typed_keys=true");
        assertThat(sent.getHeader("Authorization")).isEqualTo("ApiKey a2V5");
        assertThat(sent.containsHeader("Transfer-Encoding")).as("not chunked").isFalse();
        String body = sent.getBodyAsString();
        assertThat(sent.getHeader("Content-Length")).isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        assertThat(body).isEqualTo("{\"index\":[\"achievements\"]}\n{\"size\":0}\n{\"index\":[\"demands\"]}\n{\"size\":0}\n");
    }

    private boolean exists() throws Exception {
        try {
            return es.indices().exists(x -> x.index("probe")).get(10, TimeUnit.SECONDS).value();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A WireMock node (on this port, 0: any) that knows the index "probe". */
    private WireMockServer node(int port) {
        var o = options().bindAddress("127.0.0.1");
        WireMockServer n = new WireMockServer(port == 0 ? o.dynamicPort() : o.port(port));
        n.start();
        n.stubFor(head(urlPathEqualTo("/probe")).atPriority(10).willReturn(aResponse().withStatus(200).withHeader("X-Elastic-Product", "Elasticsearch")));
        nodes.add(n);
        return n;
    }

    private static int requests(WireMockServer n) {
        return n.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static ElasticsearchAsyncClient client(String apiKey, WireMockServer... on) {
        List<URI> uris = java.util.Arrays.stream(on).map(n -> URI.create("http://127.0.0.1:" + n.port())).toList();
        StoreProperties.Elasticsearch props = new StoreProperties.Elasticsearch(uris, null, null, apiKey, Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5), 30, 10, null);
        return ElasticsearchClients.of("test", props, props.responseTimeout(), null);
    }
}
