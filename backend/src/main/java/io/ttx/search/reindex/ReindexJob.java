package io.ttx.search.reindex;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild of one or more search indices, as stored (any replica can report it). {@code heartbeatAt} moves while
 * the replica running it is alive; a RUNNING job whose heartbeat stopped is reported as INTERRUPTED.
 */
@Document("search_reindex_jobs")
public record ReindexJob(@Id String id, Status status, String requestedBy, Instant startedAt, Instant heartbeatAt,
                         @Nullable Instant finishedAt, List<Target> indices, @Nullable String error) {

    public enum Status { RUNNING, DONE, FAILED, INTERRUPTED }

    /**
     * @param alias    the alias being rebuilt ({@code achievements})
     * @param from     the generation it pointed to before
     * @param to       the new generation
     * @param copied   live listings loaded from MongoDB into the new generation
     * @param caughtUp listings re-indexed after the switch because they changed while loading
     * @param switched whether the alias points to the new generation
     */
    public record Target(String alias, @Nullable String from, @Nullable String to, long copied, long caughtUp, boolean switched) { }

    ReindexJob with(Status status, List<Target> indices, @Nullable Instant finishedAt, @Nullable String error, Instant heartbeat) {
        return new ReindexJob(id, status, requestedBy, startedAt, heartbeat, finishedAt, indices, error);
    }
}
