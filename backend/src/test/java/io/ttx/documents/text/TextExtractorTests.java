package io.ttx.documents.text;

import io.ttx.documents.DocumentProperties;
import io.ttx.documents.Pdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Extraction runs in a separate JVM with a small heap (64 MB here) and a deadline (3 s here): a document that never
 * finishes or needs more memory fails in bounded time, this JVM is untouched, and the next document is extracted by a
 * fresh worker.
 */
class TextExtractorTests {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final byte[] PDF = Pdfs.withText("Perovskite tandem cells reach 29 percent");
    private static TextExtractor extractor;

    @BeforeAll
    static void start() throws Exception {
        extractor = new TextExtractor(new DocumentProperties(null, null, null, null, null, 0, null, TIMEOUT, DataSize.ofMegabytes(64), null, null));
        assertThat(extractor.extract(new ByteArrayInputStream(PDF), 1000)).contains("Perovskite tandem cells"); // starts the worker
    }

    @AfterAll
    static void stop() {
        extractor.destroy();
    }

    @Test
    void anEndlessDocumentIsKilledAtTheDeadlineAndTheNextDocumentStillWorks() throws Exception {
        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(Pdfs.endless()), 1000))
            .isInstanceOf(ExtractionFailed.class).hasMessageContaining("took longer than");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(5));
        assertThat(extractor.extract(new ByteArrayInputStream(PDF), 1000)).contains("Perovskite tandem cells");
    }

    @Test
    void aDecompressionBombFailsWithinTheDeadlineWhateverItExhaustsFirst() throws Exception {
        extractor.extract(new ByteArrayInputStream(PDF), 1000); // a running worker, so the deadline covers the bomb alone
        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(Pdfs.bomb()), 1000)).isInstanceOf(ExtractionFailed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(5));
        assertThat(extractor.extract(new ByteArrayInputStream(PDF), 1000)).contains("Perovskite tandem cells");
    }

    @Test
    void textIsCutAtTheCharacterLimit() throws Exception {
        byte[] long_ = Pdfs.pages(20, "Lithium battery state of health estimated online from charge curves".repeat(1));
        String text = extractor.extract(new ByteArrayInputStream(long_), 500);
        assertThat(text).hasSize(500).startsWith("Lithium battery");
    }
}
