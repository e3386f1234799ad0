package io.ttx.documents.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) the bytes as they stream past, and stops the stream once it exceeds a limit. */
public final class MeteredInputStream extends FilterInputStream {
    /** Thrown (as an IOException, so it travels through the S3 client) when the limit is exceeded. */
    public static final class LimitExceeded extends IOException {
        public LimitExceeded(long limit) {
            super("stream exceeds " + limit + " bytes");
        }
    }

    private final MessageDigest sha256;
    private final long limit;
    private long count;

    public MeteredInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) account(new byte[] {(byte) b}, 0, 1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) account(buf, off, n);
        return n;
    }

    private void account(byte[] buf, int off, int n) throws IOException {
        count += n;
        if (count > limit) throw new LimitExceeded(limit);
        sha256.update(buf, off, n);
    }

    public long count() {
        return count;
    }

    /** Hex SHA-256 of everything read; call once, after the end of the stream. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
