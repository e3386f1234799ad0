package io.ttx.shared.web;

import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.WriteConcernError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a store outage (503, retry later) rather than a bug (500). */
class FailuresTests {

    /** With majority writes (the prod profile), a replica set that cannot confirm a write in time is unavailable. */
    @Test
    void aWriteTheReplicaSetDidNotConfirmIsAnOutage() {
        for (int code : new int[] {64, 100}) { // WriteConcernFailed (wtimeout), UnsatisfiableWriteConcern
            var error = new MongoWriteConcernException(new WriteConcernError(code, "WriteConcernFailed", "waiting for replication timed out",
                new BsonDocument()), null, new ServerAddress(), Set.of());
            assertThat(Failures.storeUnavailable(new MongoExceptionTranslator().translateExceptionIfPossible(error))).as("code %s", code).isTrue();
        }
    }

    @Test
    void aBugIsNoOutage() {
        assertThat(Failures.storeUnavailable(new IllegalStateException(new NullPointerException()))).isFalse();
    }
}
