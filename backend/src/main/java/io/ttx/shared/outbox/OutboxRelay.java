package io.ttx.shared.outbox;

import io.ttx.shared.jobs.LeaseLost;
import io.ttx.shared.jobs.LeasedRounds;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.web.Failures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publishes the events waiting in aggregate documents to the consumers of their type, then removes exactly the
 * events that every consumer has handled (or given up on) from each document ({@code $pullAll} of the event documents
 * as read, so an event appended meanwhile stays). Runs every poll interval and right after a write nudges it; a lease
 * per source keeps several replicas from doing the same work twice, and is renewed while a round runs.
 * <p>Per (event, consumer) the relay records what happened ({@link DeliveryLog}): one consumer's failure neither blocks
 * nor repeats the others, and one aggregate's failure does not hold back the others. A failed event is offered to
 * that consumer again after a backoff (the poll interval doubling up to {@code max-backoff}) and after
 * {@code max-attempts} it becomes a dead letter ({@link DeadLetters}); later events of its aggregate still flow. A
 * consumer whose store is down counts no attempts: its events wait, and the source backs off. The rounds, leases and
 * backoff are those of every background job ({@link LeasedRounds}): a source is a partition.
 */
@Component
public class OutboxRelay implements SmartLifecycle {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
    private final OutboxProperties props;
    private final ObjectProvider<OutboxSource> sources;
    private final ObjectProvider<OutboxConsumer> consumers;
    private final RelayRound round;
    private final LeasedRounds rounds;

    OutboxRelay(ReactiveMongoTemplate mongo, Leases leases, OutboxProperties props, ObjectProvider<OutboxSource> sources,
                ObjectProvider<OutboxConsumer> consumers, DeliveryLog deliveries, DeadLetterCount deadLetters, Clock clock) {
        this.props = props;
        this.sources = sources;
        this.consumers = consumers;
        this.round = new RelayRound(mongo, deliveries, deadLetters, props, clock);
        this.rounds = new LeasedRounds(leases, props.pollInterval(), props.leaseTtl(), props.maxBackoff());
    }

    /** Asks for a relay round soon (after a write), instead of waiting for the next poll. */
    public void nudge(String collection) {
        rounds.nudge(lease(collection));
    }

    /** One relay round over a source: up to a batch of documents. Emits how many events were done (left their documents). */
    public Mono<Integer> relayOnce(OutboxSource source) {
        List<OutboxConsumer> targets = consumers.orderedStream().filter(c -> c.aggregateType().equals(source.aggregateType())).toList();
        return rounds.leased(lease(source.collection()), lease -> round.run(source, targets, lease)).defaultIfEmpty(0);
    }

    private static String lease(String collection) {
        return "outbox:" + collection;
    }

    /** Consumer names are what the delivery records and dead letters are kept under: unique per aggregate type. */
    private void checkNames() {
        Set<String> seen = new HashSet<>();
        consumers.orderedStream().forEach(c -> {
            if (!NAME.matcher(c.name()).matches()) throw new IllegalStateException("outbox consumer name '" + c.name() + "' is not letters, digits and hyphens");
            if (!seen.add(c.aggregateType() + "/" + c.name())) throw new IllegalStateException("two outbox consumers of " + c.aggregateType() + " are named " + c.name());
        });
    }

    @Override
    public void start() {
        if (!props.enabled()) return;
        checkNames();
        Map<String, OutboxSource> byLease = new LinkedHashMap<>();
        sources.orderedStream().forEach(s -> byLease.put(lease(s.collection()), s));
        rounds.start(List.copyOf(byLease.keySet()), lease -> relayOnce(byLease.get(lease)),
            e -> e instanceof RelayRound.ConsumerUnavailable || e instanceof LeaseLost || Failures.storeUnavailable(e));
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
