package io.ttx.documents.text;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The main of the text-extraction JVM that {@link TextExtractor} starts: Apache Tika runs here, with its own small heap,
 * so a document that makes a parser loop or allocate without end costs this process (killed at the deadline, or dead
 * of its OutOfMemoryError), never the backend. Protocol on stdin/stdout: after {@link #READY}, requests (file path,
 * character limit) are answered with {@link #TEXT} (length, UTF-8) or {@link #FAILED} (reason), one after another.
 */
public final class ExtractionWorker {
    static final byte READY = 1;
    static final byte TEXT = 2;
    static final byte FAILED = 3;

    private ExtractionWorker() { }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err); // whatever a parser prints must not mix with the answers
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
            logs.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN); // plain Logback would log at DEBUG; nobody reads it
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        AutoDetectParser parser = new AutoDetectParser();
        try {
            extract(parser, sample(), 100); // loads and warms the parsers before the first deadline runs
        } catch (Exception e) {
            System.err.println("warm-up failed: " + e);
        }
        out.writeByte(READY);
        out.flush();
        while (true) {
            Path file;
            int limit;
            try {
                file = Path.of(in.readUTF());
                limit = in.readInt();
            } catch (EOFException parentGone) {
                return;
            }
            try (InputStream document = TikaInputStream.get(file)) {
                byte[] text = extract(parser, document, limit).getBytes(StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeInt(text.length);
                out.write(text);
            } catch (Exception e) {
                out.writeByte(FAILED);
                String reason = e.toString();
                out.writeUTF(reason.length() > 500 ? reason.substring(0, 500) : reason);
            }
            out.flush();
        }
    }

    /**
     * Plain text, whitespace runs folded, cut at {@code limit} characters; the parse stops at twice that, before
     * folding, so that a long document still fills the limit.
     */
    static String extract(AutoDetectParser parser, InputStream document, int limit) throws Exception {
        BodyContentHandler handler = new BodyContentHandler((int) Math.min(Integer.MAX_VALUE, 2L * limit));
        try {
            parser.parse(document, handler, new Metadata(), new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) throw e; // keep the first `limit` characters
        }
        String text = handler.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    private static InputStream sample() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.showText("warm-up");
                text.endText();
            }
            doc.save(bytes);
            return TikaInputStream.get(bytes.toByteArray());
        }
    }
}
