package io.ttx.documents.storage;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Arrays;

/**
 * Detects a document's media type from its first bytes (magic numbers, container structure); the file name only
 * refines a generic answer (zip -> docx), so an HTML page named {@code .pdf} is still HTML.
 */
@Component
public class Sniffer {
    /** How many leading bytes detection sees (enough for OOXML's first zip entries). */
    public static final int HEAD = 64 * 1024;
    private final Detector detector = new DefaultDetector();

    public String detect(byte[] head, int length, String filename) throws IOException {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        try (TikaInputStream in = TikaInputStream.get(Arrays.copyOf(head, length))) {
            return detector.detect(in, md).getBaseType().toString();
        }
    }
}
