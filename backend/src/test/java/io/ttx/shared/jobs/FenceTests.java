package io.ttx.shared.jobs;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fence adds to a write's condition and update (LeasesIT runs them against the MongoDB server). */
class FenceTests {
    private final Criteria base = Criteria.where("_id").is("d").and("version").is(3);

    @Test
    void aSweepsFenceAddsNotAboveItsTokenToTheConditionAndItsTokenToTheUpdate() {
        Fence fence = Fence.of("sweep:expiry", 7);
        assertThat(fence.field()).isEqualTo("fences.sweep:expiry");
        assertThat(fence.on(base).getCriteriaObject()).isEqualTo(Document.parse(
            "{$and: [{_id: 'd', version: 3}, {'fences.sweep:expiry': {$not: {$gt: {$numberLong: '7'}}}}]}"));
        assertThat(fence.mark(Update.update("status", "EXPIRED")).getUpdateObject()).isEqualTo(Document.parse(
            "{$set: {status: 'EXPIRED'}, $max: {'fences.sweep:expiry': {$numberLong: '7'}}}"));
    }

    @Test
    void noFenceLeavesTheWriteAsItIs() {
        assertThat(Fence.NONE.on(base).getCriteriaObject()).isEqualTo(base.getCriteriaObject());
        assertThat(Fence.NONE.mark(Update.update("status", "EXPIRED")).getUpdateObject()).isEqualTo(Document.parse("{$set: {status: 'EXPIRED'}}"));
    }
}
