package io.ttx.documents.storage;

import io.ttx.shared.stores.StoreProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every upload's S3 work runs on: reading the client's bytes into parts, hashing and signing them and
 * waiting for S3 (never the JVM's common fork-join pool, which MinIO's own {@code putObject} uses and which has one
 * thread on two cores, nor an event loop). Fixed size with a bounded queue, so threads and part buffers stay bounded
 * however many uploads arrive; an upload beyond the queue is refused at once ({@code RejectedExecutionException}).
 */
@Component
class UploadThreads implements DisposableBean {
    static final String PREFIX = "s3-upload-";
    private final ThreadPoolExecutor pool;

    UploadThreads(StoreProperties stores) {
        int threads = stores.s3().uploadThreads();
        int queue = stores.s3().uploadQueue();
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting, r -> {
            Thread t = new Thread(r, PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    Executor executor() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
