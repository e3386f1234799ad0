package io.ttx.shared.outbox;

import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.http.TransportHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.net.ConnectException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class IsolationTests {
    private final Pending a = RoundOutcomeTests.pending("a", "e1", null);
    private final Pending b = RoundOutcomeTests.pending("b", "e2", null);
    private final Pending c = RoundOutcomeTests.pending("c", "e3", null);

    @Test
    void onlyTheAggregateThatFailsOnItsOwnHasFailed() {
        Isolation i = new Isolation();
        i.reported(List.of(a), Set.of());
        i.failed(List.of(b), new IllegalStateException("bulk too large"));
        i.reported(List.of(c), Set.of());
        ConsumerResult r = i.result();
        assertThat(r.handled()).containsExactlyInAnyOrder(a.key(), c.key());
        assertThat(r.failed()).containsOnlyKeys(b.key()).containsValue("IllegalStateException");
        assertThat(r.outage()).isNull();
    }

    @Test
    void anOutageLikeFailureCountsWhenTheConsumerAnsweredForAnotherAggregate() {
        Isolation i = new Isolation();
        i.failed(List.of(a), new DataAccessResourceFailureException("timed out"));
        i.reported(List.of(b), Set.of());
        assertThat(i.result().failed()).containsOnlyKeys(a.key());
        assertThat(i.result().outage()).isNull();
    }

    @Test
    void twoOutagesInARowWithoutAnAnswerAreAnOutageThatCountsNothing() {
        Isolation i = new Isolation();
        i.failed(List.of(a), new DataAccessResourceFailureException("down", new ConnectException()));
        assertThat(i.gaveUp()).isFalse();
        i.failed(List.of(b), new DataAccessResourceFailureException("down", new ConnectException()));
        assertThat(i.gaveUp()).isTrue();
        assertThat(i.result().failed()).isEmpty();
        assertThat(i.result().handled()).isEmpty();
        assertThat(i.result().outage()).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void aBatchOfOneAggregateFailsUnlessItsStoreIsDown() {
        assertThat(Isolation.single(List.of(a), new NullPointerException()).failed()).containsOnlyKeys(a.key());
        ConsumerResult down = Isolation.single(List.of(a), new DataAccessResourceFailureException("down"));
        assertThat(down.failed()).isEmpty();
        assertThat(down.outage()).isNotNull();
    }

    @Test
    void anHttpClientErrorTheStoreAnsweredWithIsNoOutage() {
        assertThat(Isolation.isOutage(transport(413))).isFalse();
        assertThat(Isolation.isOutage(transport(429))).isTrue();
        assertThat(Isolation.isOutage(transport(503))).isTrue();
        assertThat(Isolation.isOutage(new DataAccessResourceFailureException("down", new ConnectException()))).isTrue();
        assertThat(Isolation.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    private static TransportException transport(int status) {
        TransportHttpClient.Response response = mock(TransportHttpClient.Response.class);
        when(response.statusCode()).thenReturn(status);
        return new TransportException(response, "status " + status, "bulk");
    }
}
