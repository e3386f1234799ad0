package io.ttx.documents.text;

import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;

import java.io.InputStream;

/**
 * Plain text of a PDF or Office document (Apache Tika), cut at a character limit so that one huge document
 * cannot fill the index. Blocking: callers run it on the bounded-elastic scheduler with a timeout.
 */
@Component
public class TextExtractor {
    private final AutoDetectParser parser = new AutoDetectParser();

    public String extract(InputStream in, int limit) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(limit);
        try {
            parser.parse(in, handler, new Metadata(), new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) throw e; // keep the first `limit` characters
        }
        String text = handler.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
        return text.length() > limit ? text.substring(0, limit) : text;
    }
}
