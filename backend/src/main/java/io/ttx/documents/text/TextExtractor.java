package io.ttx.documents.text;

import io.ttx.documents.DocumentProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plain text of a PDF or Office document, extracted in a separate JVM ({@link ExtractionWorker}) with its own heap
 * ({@code ttx.documents.extraction-heap}): the worker is killed when a document takes longer than
 * {@code ttx.documents.extraction-timeout}, and dies by itself when the heap runs out, so neither an endless parse nor
 * a decompression bomb can hold a backend thread or its memory. Text is cut at a character limit. One document at a
 * time; the worker is started on demand, reused, and stopped after a few idle minutes. Blocking: callers run it on the
 * bounded-elastic scheduler.
 */
@Component
public class TextExtractor implements DisposableBean {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final Duration timeout;
    private final WorkerProcess.Launch launch;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "text-extraction-watchdog");
        t.setDaemon(true);
        return t;
    });
    private WorkerProcess worker;
    private ScheduledFuture<?> idleStop;

    TextExtractor(DocumentProperties props) {
        this.timeout = props.extractionTimeout();
        this.launch = WorkerProcess.launch(props.extractionHeap());
    }

    /** Copies the document to a temporary file (read errors are the store's), then has the worker extract it. */
    public String extract(InputStream document, int limit) throws IOException, ExtractionFailed {
        Path file = Files.createTempFile("ttx-extract-", ".bin");
        try {
            try (document) {
                Files.copy(document, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return extract(file, limit);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    synchronized String extract(Path file, int limit) throws ExtractionFailed {
        if (idleStop != null) idleStop.cancel(false);
        try {
            if (worker == null || !worker.alive()) worker = started();
            WorkerProcess running = worker;
            AtomicBoolean late = new AtomicBoolean();
            ScheduledFuture<?> deadline = watchdog.schedule(() -> {
                late.set(true);
                running.kill();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return running.extract(file, limit);
            } catch (IOException e) {
                running.kill();
                worker = null;
                throw new ExtractionFailed(late.get() ? "took longer than " + timeout : "the extraction process died: " + e.getMessage());
            } finally {
                deadline.cancel(false);
            }
        } finally {
            idleStop = watchdog.schedule(this::stopIdle, IDLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private WorkerProcess started() throws ExtractionFailed {
        WorkerProcess started = null;
        try {
            started = launch.start();
            WorkerProcess starting = started;
            ScheduledFuture<?> deadline = watchdog.schedule(starting::kill, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                starting.awaitReady();
            } finally {
                deadline.cancel(false);
            }
            return started;
        } catch (IOException e) {
            if (started != null) started.kill();
            throw new ExtractionFailed("the extraction process did not start: " + e.getMessage());
        }
    }

    private synchronized void stopIdle() {
        if (worker != null) worker.kill();
        worker = null;
    }

    @Override
    public void destroy() {
        stopIdle();
        watchdog.shutdownNow();
    }
}
