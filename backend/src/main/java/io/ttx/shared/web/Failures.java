package io.ttx.shared.web;

import co.elastic.clients.transport.TransportException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoTimeoutException;
import io.minio.errors.ServerException;
import io.ttx.shared.stores.ElasticsearchUnreachable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Tells a backing store that does not answer (503, retry later) from a bug (500). */
public final class Failures {
    private Failures() { }

    public static boolean storeUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                || t instanceof MongoTimeoutException || t instanceof MongoSocketException
                // the replica set did not confirm a write in time (write concern timeout, too few members): retry later
                || t instanceof MongoWriteConcernException
                || t instanceof ConnectException || t instanceof TimeoutException
                || t instanceof TransportException || t instanceof ElasticsearchUnreachable
                || t instanceof ServerException
                || (t instanceof IOException && t.getClass().getName().startsWith("okhttp3"))) {
                return true;
            }
            // a store's client gave up waiting: java.net.SocketTimeoutException (connect or read), HttpClient's
            // ConnectTimeoutException, OkHttp's "timeout" (MinIO); MongoDB's own timeouts are matched above
            if (t instanceof InterruptedIOException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
