package io.ttx.documents.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload's stream that its subscriber may cancel from another thread. Cancelling closes the stream (ending the
 * upload thread's wait for the client) and makes every later read fail: a closed stream would otherwise read as its
 * end, and the part read so far would be completed as if it were the whole file.
 */
final class CancellableInputStream extends FilterInputStream {
    static final class Cancelled extends IOException {
        Cancelled() {
            super("the upload was cancelled");
        }
    }

    private volatile boolean cancelled;

    CancellableInputStream(InputStream in) {
        super(in);
    }

    void cancel() {
        cancelled = true;
        try {
            in.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public int read() throws IOException {
        return readOrFail(super::read);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        return readOrFail(() -> super.read(buf, off, len));
    }

    private interface Read {
        int run() throws IOException;
    }

    private int readOrFail(Read read) throws IOException {
        if (cancelled) throw new Cancelled();
        int n;
        try {
            n = read.run();
        } catch (IOException e) {
            if (cancelled) throw new Cancelled();
            throw e;
        }
        if (cancelled) throw new Cancelled(); // woken by the close: what it returned is not the stream's end
        return n;
    }
}
