package io.ttx.shared.stores;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.AnalyzeResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev stack's Elasticsearch carries the analysers the official plugins provide, under the same names. */
class AnalysisIT extends IntegrationTest {
    @Autowired
    ElasticsearchAsyncClient es;

    private List<String> analyze(String analyzer, String text) {
        AnalyzeResponse r = Async.mono(() -> es.indices().analyze(a -> a.analyzer(analyzer).text(text))).block(Duration.ofSeconds(30));
        return r.tokens().stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void smartcnSplitsChineseIntoWords() {
        assertThat(analyze("smartcn", "中华人民共和国科技成果转化")).containsExactly("中华人民共和国", "科技", "成果", "转化");
    }

    @Test
    void englishAnalyzerStemsAndDropsStopWords() {
        assertThat(analyze("english", "The batteries are running")).containsExactly("batteri", "run");
    }

    @Test
    void cjkAnalyzerBuildsBigrams() {
        assertThat(analyze("cjk", "锂电池")).containsExactly("锂电", "电池");
    }
}
