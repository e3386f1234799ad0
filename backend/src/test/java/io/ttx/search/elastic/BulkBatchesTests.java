package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ttx.search.elastic.BulkBatches.Sized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk requests stay below a size however much document text the listings of a batch carry. */
class BulkBatchesTests {
    @Test
    void operationsAreGroupedInOrderUnderTheLimit() {
        List<Sized> ops = new ArrayList<>();
        for (int i = 0; i < 10; i++) ops.add(new Sized(delete("l" + i), 400));
        List<List<BulkOperation>> batches = BulkBatches.split(ops, 1000);
        assertThat(batches).hasSize(5).allSatisfy(b -> assertThat(b).hasSize(2));
        assertThat(batches.getFirst().getFirst().delete().id()).isEqualTo("l0");
    }

    @Test
    void anOperationLargerThanTheLimitGoesAlone() {
        List<List<BulkOperation>> batches = BulkBatches.split(List.of(new Sized(delete("a"), 10), new Sized(delete("big"), 5000),
            new Sized(delete("c"), 10)), 1000);
        assertThat(batches).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void fiveHundredListingsWithAMegabyteOfTextEachNeedManyRequests() {
        Map<String, Object> doc = Map.of("title", Map.of("zh", "标题"), "docText", "文".repeat(1024 * 1024 / 3), "trl", 6);
        List<Sized> ops = new ArrayList<>();
        for (int i = 0; i < 500; i++) ops.add(Sized.of(delete("l" + i), doc));
        assertThat(Sized.of(delete("x"), doc).bytes()).isGreaterThanOrEqualTo(1024 * 1024);
        List<List<BulkOperation>> batches = BulkBatches.split(ops, BulkBatches.MAX_BYTES);
        assertThat(batches).hasSizeGreaterThanOrEqualTo(500 / 16).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(16));
    }

    private static BulkOperation delete(String id) {
        return BulkOperation.of(o -> o.delete(d -> d.index("i").id(id)));
    }
}
